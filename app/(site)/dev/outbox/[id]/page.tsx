import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { EmailParts } from "@/components/email-parts";
import { Link } from "@/components/link";
import { getOutboxMessage } from "@/lib/mail/get-outbox-message";
import { isOutboxEnabled } from "@/lib/mail/outbox-enabled";

export const metadata: Metadata = { title: "Outbox email", robots: { index: false } };

type PageProps = { params: Promise<{ id: string }> };

const SHOWN_HEADERS = new Set([
  "from",
  "to",
  "subject",
  "date",
  "message-id",
  "list-unsubscribe",
  "list-unsubscribe-post",
  "x-entity-ref-id",
]);

export default async function OutboxMessagePage({ params }: PageProps) {
  if (!isOutboxEnabled()) notFound();
  const id = Number((await params).id);
  const message = Number.isSafeInteger(id) && id > 0 ? await getOutboxMessage(id) : null;
  if (!message) notFound();

  return (
    <div className="space-y-6">
      <Link href="/dev/outbox" className="text-sm text-accent-700 underline dark:text-accent-300">
        ← Outbox
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">{message.subject}</h1>

      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {message.headers
          .filter((header) => SHOWN_HEADERS.has(header.name.toLowerCase()))
          .map((header) => (
            <div key={header.name} className="contents">
              <dt className="font-medium text-stone-600 dark:text-stone-400">{header.name}</dt>
              <dd className="font-mono text-xs leading-5 break-all">{header.value}</dd>
            </div>
          ))}
      </dl>

      {message.links.length > 0 && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading" className="mb-2 text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
            Links
          </h2>
          <ul className="space-y-1 text-sm">
            {message.links.map((link, index) => (
              <li key={`${index}-${link.url}`}>
                <a href={link.url} className="font-medium text-accent-700 underline dark:text-accent-300">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <EmailParts subject={message.subject} html={message.html} text={message.text} />

      <details className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <summary className="cursor-pointer text-sm font-medium">Raw message (RFC 5322)</summary>
        <pre className="mt-3 overflow-x-auto text-xs">{message.raw}</pre>
      </details>
    </div>
  );
}
