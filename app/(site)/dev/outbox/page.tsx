import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";

import { Link } from "@/components/link";
import { searchParamsToObject } from "@/lib/http/search-params";
import { listOutbox } from "@/lib/mail/list-outbox";
import { isOutboxEnabled } from "@/lib/mail/outbox-enabled";

export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

const PAGE_SIZE = 50;
const querySchema = z.object({ before: z.coerce.number().int().positive().optional().catch(undefined) });

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The mail PaperPulse would have sent, while no SMTP server is configured. */
export default async function OutboxPage({ searchParams }: PageProps) {
  if (!isOutboxEnabled()) notFound();
  const { before } = querySchema.parse(searchParamsToObject(await searchParams));
  const page = await listOutbox({ before, limit: PAGE_SIZE });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          No SMTP_URL is set, so emails are kept here instead of being sent. Newest first. Every template with sample data is under{" "}
          <Link href="/dev/emails" className="font-medium text-accent-700 underline dark:text-accent-300">
            email previews
          </Link>
          .
        </p>
      </div>
      {page.messages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-10 text-center dark:border-stone-700">
          {before ? "No older emails." : "No emails yet. Subscribe to get one."}
        </p>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {page.messages.map((message) => (
            <li key={message.id}>
              <Link
                href={`/dev/outbox/${message.id}`}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800"
              >
                <span className="font-medium">{message.subject}</span>
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  to <span className="break-words">{message.recipient}</span> ·{" "}
                  <time dateTime={message.createdAt.toISOString()}>
                    {message.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                  </time>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
      {page.nextBefore && (
        <Link
          href={`/dev/outbox?before=${page.nextBefore}`}
          className="inline-block rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Older emails
        </Link>
      )}
    </div>
  );
}
