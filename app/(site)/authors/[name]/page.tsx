import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FollowHeader } from "@/components/follow-header";
import { ParameterError } from "@/components/parameter-error";
import { PaperList } from "@/components/paper-list";
import { TabLinks } from "@/components/tab-links";
import { TrendChart } from "@/components/trend-chart";
import { plural } from "@/lib/format";
import { searchParamsToObject } from "@/lib/http/search-params";
import { countAuthorPapers, listPapersBy } from "@/lib/papers/list-papers-by";
import { authorPageQuerySchema, authorFromParam } from "@/lib/papers/paper-list-query";
import { todayUtc } from "@/lib/papers/feed-period";
import { authorHref } from "@/lib/papers/paper-links";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { digestFollow, type FollowTarget } from "@/lib/subscribers/follow-topic";
import { weeklyCounts } from "@/lib/trends/weekly-counts";

type PageProps = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const SORT_LABELS = { newest: "Newest", upvotes: "Most upvoted" } as const;

function pageHref(name: string, sort: "newest" | "upvotes", cursor?: string): string {
  const params = new URLSearchParams({ ...(sort !== "newest" && { sort }), ...(cursor && { cursor }) });
  return `${authorHref(name)}${params.size ? `?${params}` : ""}`;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const name = authorFromParam((await params).name);
  return name ? { title: `Papers by ${name}`, alternates: { canonical: authorHref(name) } } : {};
}

export default async function AuthorPage({ params, searchParams }: PageProps) {
  const name = authorFromParam((await params).name);
  if (!name) notFound();
  const parsed = authorPageQuerySchema.safeParse(searchParamsToObject(await searchParams));
  if (!parsed.success) {
    return (
      <ParameterError
        title="This link has a parameter we cannot read"
        issues={parsed.error.issues}
        back={{ href: authorHref(name), label: `Papers by ${name}` }}
      />
    );
  }
  const { sort, cursor, limit } = parsed.data;
  const target: FollowTarget = { kind: "author", value: name };
  const reader = await getCurrentReader();
  const [count, page, trend, digest] = await Promise.all([
    countAuthorPapers(name),
    listPapersBy({ author: name }, sort, cursor, limit),
    cursor ? null : weeklyCounts({ author: name }, todayUtc()),
    reader ? digestFollow(reader.email, target) : null,
  ]);
  if (count === 0) notFound();

  return (
    <div className="space-y-6">
      <FollowHeader
        kind="Author"
        title={name}
        summary={`${plural(count, "paper")} on PaperPulse`}
        follow={{ target, digest }}
        search={{ href: `/search?${new URLSearchParams({ q: `author:"${name}"` })}`, label: "Search their papers" }}
      >
        <TabLinks
          label="Sort papers"
          tabs={(["newest", "upvotes"] as const).map((option) => ({
            href: pageHref(name, option),
            label: SORT_LABELS[option],
            current: option === sort,
          }))}
        />
      </FollowHeader>
      {trend && <TrendChart subject={`by ${name}`} {...trend} />}
      {cursor && page.papers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center dark:border-stone-700">No more papers.</p>
      ) : (
        <PaperList
          papers={page.papers}
          more={page.nextCursor ? { href: pageHref(name, sort, page.nextCursor), label: "More papers" } : null}
        />
      )}
    </div>
  );
}
