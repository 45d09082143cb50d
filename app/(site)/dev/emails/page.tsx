import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { Link } from "@/components/link";
import { renderEmailPreviews } from "@/lib/mail/email-previews";
import { isOutboxEnabled } from "@/lib/mail/outbox-enabled";

export const metadata: Metadata = { title: "Email previews", robots: { index: false } };

/** Every email template with sample data, next to the outbox and published only where it is. */
export default function EmailPreviewsPage() {
  if (!isOutboxEnabled()) notFound();
  const previews = renderEmailPreviews();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Email previews</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Every email PaperPulse sends, rendered with sample data from <code>emails/previews.ts</code>. Mail actually sent is in the{" "}
          <Link href="/dev/outbox" className="font-medium text-accent-700 underline dark:text-accent-300">
            outbox
          </Link>
          .
        </p>
      </div>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
        {previews.map((preview) => (
          <li key={preview.name}>
            <Link
              href={`/dev/emails/${preview.name}`}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800"
            >
              <span className="font-medium">{preview.title}</span>
              <span className="text-sm break-words text-stone-600 dark:text-stone-400">{preview.subject}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
