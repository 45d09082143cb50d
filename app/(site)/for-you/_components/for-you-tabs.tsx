import { TabLinks } from "@/components/tab-links";
import { PERIODS, periodLabel, type Period } from "@/lib/papers/feed-period";

import { forYouHref } from "./for-you-href";

/** The feed's period tabs, over the reader's recommendations. */
export function ForYouTabs({ current }: { current: Period }) {
  return (
    <TabLinks
      label="Period"
      className="grid w-full grid-cols-2 min-[400px]:flex sm:w-auto"
      tabs={PERIODS.map((period) => ({ href: forYouHref(period), label: periodLabel(period, undefined), current: period === current }))}
    />
  );
}
