import type { Metadata } from "next";

import { Link } from "@/components/link";
import { LinkFailureNotice } from "@/components/link-failure-notice";
import { Notice } from "@/components/notice";
import { previewDigest } from "@/lib/digest/preview-digest";
import { searchParamsToObject } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Preview your next digest", robots: { index: false } };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const linkClass = "font-medium text-accent-700 underline dark:text-accent-300";
const sinceText = (since: Date) => `${since.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Links in the email open in a new tab, out of the sandboxed frame. */
function withLinksInNewTabs(html: string): string {
  return html.replace(/<head>/i, '<head><base target="_blank">');
}

export default async function DigestPreviewPage({ searchParams }: PageProps) {
  const { token } = searchParamsToObject(await searchParams);
  const preview = await previewDigest(token);
  if (!preview.ok) {
    return <LinkFailureNotice reason={preview.reason} />;
  }

  const manage = `/subscriptions/manage?token=${encodeURIComponent(token!)}`;
  const back = (
    <Link href={manage} className={linkClass}>
      Back to your subscription
    </Link>
  );
  if (preview.state !== "ready") {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Your next digest</h1>
        <Notice title={preview.state === "inactive" ? "No digest would go out" : "Nothing new yet"}>
          <p>
            {preview.state === "inactive"
              ? "Your digests are paused or stopped, so we would not send you anything now."
              : `No new paper has matched your topics since ${sinceText(preview.since)}, so we would not email you now. Add topics, or turn on trending papers for quiet days.`}
          </p>
          <p>{back}</p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your next digest</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          What we would send you if your digest went out now:{" "}
          {preview.quiet ? "trending papers, as nothing new matched" : `${preview.papers} new ${preview.papers === 1 ? "paper" : "papers"}`}{" "}
          since {sinceText(preview.since)}. {back}
        </p>
      </div>
      <p className="rounded-md border border-stone-200 bg-white px-4 py-3 dark:border-stone-800 dark:bg-stone-900">
        <span className="text-stone-600 dark:text-stone-400">Subject: </span>
        <strong>{preview.subject}</strong>
      </p>
      <iframe
        title="Preview of your next digest email"
        srcDoc={withLinksInNewTabs(preview.html)}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        className="h-[80vh] w-full rounded-md border border-stone-200 bg-white dark:border-stone-800"
      />
    </div>
  );
}
