import { RECENCY_DAYS_PER_DOUBLING } from "@/lib/papers/trending-score";

export function AboutRanking() {
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700 dark:border-stone-800 dark:bg-stone-900 dark:text-stone-300">
      <summary className="cursor-pointer font-medium text-stone-900 dark:text-stone-100">About ranking</summary>
      <div className="mt-3 space-y-2">
        <p>
          Today, this week and this month rank papers by a trending score that weighs upvotes against age:{" "}
          <code className="rounded bg-stone-100 px-1 dark:bg-stone-800">log₂(1 + upvotes) + days / {RECENCY_DAYS_PER_DOUBLING}</code>, where{" "}
          <em>days</em> counts up with the paper&apos;s listing date. Every {RECENCY_DAYS_PER_DOUBLING} days of recency are worth as much as
          doubling the votes, so a fresh paper rises quickly and a well-loved one stays up a little longer.
        </p>
        <p>All time ranks by upvotes alone. Upvotes count both PaperPulse readers and Hugging Face daily papers.</p>
        <p>
          A paper is listed on the day of its first arXiv version; when that day is unknown, on the first day of the month its arXiv id was
          issued in.
        </p>
      </div>
    </details>
  );
}
