import { rankSums, topicStrength } from "./rank-papers";
import type { FreshPaper, Topic, TopicHit } from "./topic-matcher";

// Beyond this many (topic, window) pairs the cache starts over, so memory stays flat however many
// different topics and windows a run meets.
const MAX_CACHED_WINDOWS = 20_000;

type WindowedTopic = { slots: Int32Array; strengths: Float64Array };

/**
 * Ranks each subscriber's new papers by the summed strength of their topics that matched. A run
 * does this for every digest over the same few thousand papers and the same popular topics, so:
 * each paper gets a slot (a dense number), sums go into one array reused for every subscriber,
 * and a topic's matches inside a window are worked out once, however many subscribers share both.
 */
export function createMatchStrengths(papers: ReadonlyMap<number, FreshPaper>) {
  const slotOf = new Map<number, number>();
  const paperIds: number[] = [];
  const heats: number[] = [];
  let sums = new Float64Array(1_024);
  let slots = new Int32Array(1_024);
  const windows = new Map<string, WindowedTopic>();

  function slotFor(paperId: number): number {
    let slot = slotOf.get(paperId);
    if (slot === undefined) {
      slot = paperIds.length;
      slotOf.set(paperId, slot);
      paperIds.push(paperId);
      heats.push(papers.get(paperId)?.heat ?? 0);
      if (slot >= sums.length) {
        const grown = new Float64Array(2 * sums.length);
        grown.set(sums);
        sums = grown;
        slots = new Int32Array(2 * slots.length);
      }
    }
    return slot;
  }

  /** The topic's matches that arrived in (from, to], with the strength each adds. */
  function inWindow(topic: Topic, key: string, hits: readonly TopicHit[], from: number, to: number): WindowedTopic {
    const windowKey = `${from} ${to} ${key}`;
    let windowed = windows.get(windowKey);
    if (!windowed) {
      const kept = hits.filter((hit) => {
        const arrived = papers.get(hit.paperId)?.createdAt ?? 0;
        return arrived > from && arrived <= to;
      });
      windowed = {
        slots: Int32Array.from(kept, (hit) => slotFor(hit.paperId)),
        strengths: Float64Array.from(kept, (hit) => topicStrength(topic.kind, hit.textRank)),
      };
      if (windows.size >= MAX_CACHED_WINDOWS) windows.clear();
      windows.set(windowKey, windowed);
    }
    return windowed;
  }

  return {
    /**
     * The best `limit` papers of those that arrived in (from, to] and matched any of `topics`
     * (`key` and `hits` as the topic matcher gives them), best first, and how many matched in all.
     */
    rank(topics: readonly { topic: Topic; key: string; hits: readonly TopicHit[] }[], window: { from: number; to: number }, limit: number) {
      const lists = topics.map(({ topic, key, hits }) => inWindow(topic, key, hits, window.from, window.to));
      let count = 0;
      for (const list of lists) {
        for (let index = 0; index < list.slots.length; index++) {
          const slot = list.slots[index]!;
          // Every strength is positive, so a zero sum is a paper not seen yet for this subscriber.
          if (sums[slot] === 0) slots[count++] = slot;
          sums[slot]! += list.strengths[index]!;
        }
      }
      const ranked = rankSums({ sums, slots, count, paperIds, heats }, limit);
      for (let index = 0; index < count; index++) sums[slots[index]!] = 0;
      return { matched: count, ranked };
    },
  };
}
