import { formatDay, formatMonth } from "@/lib/format";

/** The first-version date, or the month the arXiv id was issued in when the day is unknown. */
export function PaperDate({ publishedOn, listedOn }: { publishedOn: string | null; listedOn: string }) {
  return publishedOn ? (
    <time dateTime={publishedOn}>{formatDay(publishedOn)}</time>
  ) : (
    <time dateTime={listedOn.slice(0, 7)}>{formatMonth(listedOn)}</time>
  );
}
