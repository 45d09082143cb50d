import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FollowHeader } from "@/components/follow-header";
import { Link } from "@/components/link";
import { ParameterError } from "@/components/parameter-error";
import { PaperList } from "@/components/paper-list";
import { TrendChart } from "@/components/trend-chart";
import { searchParamsToObject } from "@/lib/http/search-params";
import { todayUtc } from "@/lib/papers/feed-period";
import { listPapersBy } from "@/lib/papers/list-papers-by";
import { categoryPageQuerySchema } from "@/lib/papers/paper-list-query";
import { categoryHref } from "@/lib/papers/paper-links";
import { normalizeCategory } from "@/lib/search/arxiv-category";
import { isKnownCategory } from "@/lib/search/known-categories";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { digestFollow, type FollowTarget } from "@/lib/subscribers/follow-topic";
import { weeklyCounts } from "@/lib/trends/weekly-counts";

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** An arXiv category we could hold papers of; a misspelt URL ("cs.lg") is answered in arXiv's spelling. */
function categoryOf(param: string): string | null {
  const category = normalizeCategory(param);
  return category && isKnownCategory(category) ? category : null;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const category = categoryOf((await params).id);
  return category ? { title: `Trending in ${category}`, alternates: { canonical: categoryHref(category) } } : {};
}

export default async function CategoryPage({ params, searchParams }: PageProps) {
  const category = categoryOf((await params).id);
  if (!category) notFound();
  const parsed = categoryPageQuerySchema.safeParse(searchParamsToObject(await searchParams));
  if (!parsed.success) {
    return (
      <ParameterError
        title="This link has a parameter we cannot read"
        issues={parsed.error.issues}
        back={{ href: categoryHref(category), label: `Trending in ${category}` }}
      />
    );
  }
  const { cursor, limit } = parsed.data;
  const target: FollowTarget = { kind: "category", value: category };
  const reader = await getCurrentReader();
  const [page, trend, digest] = await Promise.all([
    listPapersBy({ category }, "trending", cursor, limit),
    cursor ? null : weeklyCounts({ category }, todayUtc()),
    reader ? digestFollow(reader.email, target) : null,
  ]);

  return (
    <div className="space-y-6">
      <FollowHeader
        kind="arXiv category"
        title={category}
        summary="Trending papers: upvotes weighed against age, as on the front page."
        follow={{ target, digest }}
        search={{ href: `/search?${new URLSearchParams({ category })}`, label: `Search in ${category}` }}
      />
      {trend && page.papers.length > 0 && <TrendChart subject={`in ${category}`} {...trend} />}
      {page.papers.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-6 text-center sm:p-10 dark:border-stone-700">
          <h2 className="text-lg font-medium">{cursor ? "No more papers." : `PaperPulse has no papers in ${category} yet.`}</h2>
          <p className="mt-3 text-sm">
            <Link href="/" className="text-accent-700 underline dark:text-accent-300">
              See what is trending everywhere
            </Link>
          </p>
        </div>
      ) : (
        <PaperList
          papers={page.papers}
          more={
            page.nextCursor
              ? { href: `${categoryHref(category)}?${new URLSearchParams({ cursor: page.nextCursor })}`, label: "More papers" }
              : null
          }
        />
      )}
    </div>
  );
}
