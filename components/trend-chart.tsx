import { useId } from "react";

import { formatDay, plural } from "@/lib/format";
import { weeklyBars, type WeekCount } from "@/lib/trends/weekly-bars";

/**
 * A small bar chart of papers per week over a year, drawn on the server. The bars take the text
 * colour (currentColor), so both colour schemes come from Tailwind classes; screen readers get
 * the summary sentence and, under "Show as a table", every week's count.
 */
export function TrendChart({ subject, lastWeek, weeks }: { subject: string; lastWeek: string; weeks: WeekCount[] }) {
  const id = useId();
  const chart = weeklyBars(lastWeek, weeks);
  const first = chart.bars[0]!.week;
  const summary =
    chart.total === 0
      ? `No papers ${subject} in the 52 weeks from ${formatDay(first)}.`
      : `${plural(chart.total, "paper")} ${subject} in the 52 weeks from ${formatDay(first)}${chart.total > chart.peak ? `, at most ${chart.peak} in one week` : ""}.`;
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <figcaption id={`${id}-caption`} className="text-sm text-stone-600 dark:text-stone-400">
        <span className="font-medium text-stone-900 dark:text-stone-100">Papers per week</span> · {summary}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-caption`}
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        preserveAspectRatio="none"
        className="mt-3 block h-20 w-full text-accent-600 dark:text-accent-400"
      >
        <line x1={0} x2={chart.width} y1={chart.height - 0.5} y2={chart.height - 0.5} className="stroke-stone-300 dark:stroke-stone-700" />
        {chart.bars
          .filter((bar) => bar.height > 0)
          .map((bar) => (
            <rect key={bar.week} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill="currentColor" />
          ))}
      </svg>
      <div aria-hidden="true" className="mt-1 flex justify-between text-xs text-stone-500 dark:text-stone-400">
        <span>{formatDay(first)}</span>
        <span>week of {formatDay(lastWeek)}</span>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-accent-700 dark:text-accent-300">Show as a table</summary>
        <table className="mt-2 w-full max-w-xs text-left tabular-nums">
          <caption className="sr-only">Papers {subject} per week</caption>
          <thead>
            <tr>
              <th scope="col" className="font-medium">
                Week of
              </th>
              <th scope="col" className="text-right font-medium">
                Papers
              </th>
            </tr>
          </thead>
          <tbody>
            {chart.bars.map((bar) => (
              <tr key={bar.week}>
                <td>{formatDay(bar.week)}</td>
                <td className="text-right">{bar.papers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
