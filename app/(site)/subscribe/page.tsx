import type { Metadata } from "next";

import { upcomingDigestRuns } from "@/lib/digest/upcoming-runs";
import { searchParamsToObject } from "@/lib/http/search-params";
import { isOutboxEnabled } from "@/lib/mail/outbox-enabled";

import { SubscribeForm } from "./_components/subscribe-form";

export const metadata: Metadata = {
  title: "Subscribe",
  description: "New papers on your topics, by email: daily or weekly, confirmed in one click, cancelled in one click.",
};

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SubscribePage({ searchParams }: PageProps) {
  // `?q=` turns a search into a topic ("email me new papers matching this"); category and author too.
  const params = searchParamsToObject(await searchParams);
  const prefill = (name: string) => (params[name] ?? "").replace(/\s+/g, " ").trim().slice(0, 200);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Get new papers by email</h1>
        <p className="mt-1 max-w-2xl text-stone-600 dark:text-stone-300">
          Tell us what you follow. Each digest lists the new papers that match, ranked by how well they match and how much readers care.
        </p>
      </div>
      <SubscribeForm
        outboxEnabled={isOutboxEnabled()}
        schedule={upcomingDigestRuns()}
        initial={{
          email: "",
          topics: prefill("q"),
          categories: prefill("category"),
          authors: prefill("author"),
          frequency: "daily",
          weekday: "1",
          timeZone: "UTC",
          maxPapers: "10",
          sendWhenQuiet: false,
        }}
      />
    </div>
  );
}
