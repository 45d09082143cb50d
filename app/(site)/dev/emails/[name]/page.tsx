import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { EmailParts } from "@/components/email-parts";
import { Link } from "@/components/link";
import { renderEmailPreview } from "@/lib/mail/email-previews";
import { isOutboxEnabled } from "@/lib/mail/outbox-enabled";

export const metadata: Metadata = { title: "Email preview", robots: { index: false } };

type PageProps = { params: Promise<{ name: string }> };

export default async function EmailPreviewPage({ params }: PageProps) {
  if (!isOutboxEnabled()) notFound();
  const preview = renderEmailPreview((await params).name);
  if (!preview) notFound();

  return (
    <div className="space-y-6">
      <Link href="/dev/emails" className="text-sm text-accent-700 underline dark:text-accent-300">
        ← Email previews
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{preview.title}</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Subject: <span className="font-medium text-stone-900 dark:text-stone-100">{preview.subject}</span>
        </p>
      </div>
      <EmailParts subject={preview.subject} html={preview.html} text={preview.text} />
    </div>
  );
}
