import "server-only";

import { issueEmailLinks, type EmailLinks } from "@/lib/subscribers/issue-email-links";

import type { ClaimedDelivery } from "./claimed-delivery";
import type { BuiltDigest, DigestPaperSummary, DigestRecipient } from "./digest-content";
import { findSentPapers } from "./find-sent-papers";
import { loadRecipients } from "./load-recipients";
import { mapInSlices } from "./map-in-slices";
import { createPaperSummaries } from "./paper-summaries";
import { createMatchStrengths } from "./match-strengths";
import { paperHeat, pickTrending } from "./rank-papers";
import { createTopicMatcher, topicKey, type Topic, type TopicHit } from "./topic-matcher";
import { loadTrendingPool } from "./trending-pool";

export const ALSO_TRENDING = 3;
export const NOTHING_NEW = "No new papers matched the subscriber's topics.";
export const NOT_SUBSCRIBED = "The subscriber unsubscribed or paused before the digest was built.";
// Checking the sent record for a few more papers than are needed leaves room for exclusions; a
// subscriber who runs short even so is checked again in full.
const SLACK = 10;

type Plan = {
  delivery: ClaimedDelivery;
  recipient: DigestRecipient;
  /** The subscriber's topics with their matches (of every window). */
  topics: { topic: Topic; key: string; hits: readonly TopicHit[] }[];
  /** How many papers in the window matched a topic. */
  matched: number;
  /** The best of them by summed topic strength (all, once the first look was not enough), best first. */
  ranked: { paperId: number; score: number }[];
  sent: Set<number>;
};

const depth = (plan: Pick<Plan, "recipient">) => plan.recipient.maxPapers + ALSO_TRENDING + SLACK;

/**
 * Builds the digests of a batch of claimed deliveries with a handful of queries, whatever the
 * batch size: the recipients and their topics; the topics' matches (once per distinct topic per
 * run, see topic-matcher.ts); which candidate papers each subscriber was already sent; the shown
 * papers' details; and the batch's manage and unsubscribe links. One builder serves a whole run.
 */
export function createDigestBuilder(options: { now: Date; links?: boolean }) {
  const { now } = options;
  const today = now.toISOString().slice(0, 10);
  const matcher = createTopicMatcher(now);
  const strengths = createMatchStrengths(matcher.papers);
  const summaries = createPaperSummaries();
  let trending: { paperId: number; heat: number }[] | null = null;

  async function excludeSent(plans: Plan[], limit: (plan: Plan) => number) {
    const pairs = plans.flatMap((plan) => {
      const candidates = plan.ranked.slice(0, limit(plan)).map((paper) => paper.paperId);
      const pool = trending!.slice(0, limit(plan)).map((paper) => paper.paperId);
      return [...new Set([...candidates, ...pool])].map((paperId) => ({ subscriberId: plan.recipient.id, paperId }));
    });
    const sent = await findSentPapers(pairs);
    const bySubscriber = new Map(plans.map((plan) => [plan.recipient.id, plan]));
    for (const { subscriberId, paperId } of pairs) {
      if (sent.has(`${subscriberId}:${paperId}`)) bySubscriber.get(subscriberId)!.sent.add(paperId);
    }
  }

  /** Whether the papers checked against the sent record so far are enough to pick from. */
  function settled(plan: Plan, checked: number): boolean {
    const { ranked, sent, recipient } = plan;
    const unsent = ranked.slice(0, checked).filter((paper) => !sent.has(paper.paperId));
    const matchesSettled = unsent.length >= recipient.maxPapers || plan.matched <= checked;
    const needTrending = unsent.length > 0 ? ALSO_TRENDING : recipient.sendWhenQuiet ? recipient.maxPapers : 0;
    const shown = new Set(unsent.slice(0, recipient.maxPapers).map((paper) => paper.paperId));
    const trendingUnsent = trending!.slice(0, checked).filter((paper) => !sent.has(paper.paperId) && !shown.has(paper.paperId));
    return matchesSettled && (trendingUnsent.length >= needTrending || trending!.length <= checked);
  }

  function rank(plan: Pick<Plan, "delivery" | "topics">, limit: number) {
    return strengths.rank(plan.topics, { from: plan.delivery.windowStart.getTime(), to: plan.delivery.windowEnd.getTime() }, limit);
  }

  function plan(delivery: ClaimedDelivery, recipient: DigestRecipient, hits: Awaited<ReturnType<typeof matcher.hits>>): Plan {
    const topics = recipient.topics.map((topic) => {
      const key = topicKey(topic);
      return { topic, key, hits: hits.get(key) ?? [] };
    });
    const { matched, ranked } = rank({ delivery, topics }, depth({ recipient }));
    return { delivery, recipient, topics, matched, ranked, sent: new Set() };
  }

  function pick({ recipient, ranked, sent }: Plan) {
    const matched = ranked.filter((paper) => !sent.has(paper.paperId)).slice(0, recipient.maxPapers);
    if (matched.length > 0) {
      const shown = new Set([...sent, ...matched.map((paper) => paper.paperId)]);
      // Why each was picked: the subscriber's topics that matched it, in their order.
      const papers = matched.map(({ paperId }) => ({
        paperId,
        matchedTerms: recipient.topics
          .filter((topic) => matcher.matchedBy(topic).has(paperId))
          .map((topic) => matcher.whyPicked(topic, paperId)),
      }));
      return { recipient, papers, quiet: false, alsoTrending: pickTrending(trending!, shown, ALSO_TRENDING) };
    }
    const quiet = recipient.sendWhenQuiet ? pickTrending(trending!, sent, recipient.maxPapers) : [];
    return { recipient, papers: quiet.map((paperId) => ({ paperId, matchedTerms: [] })), quiet: true, alsoTrending: [] };
  }

  async function build(deliveries: ClaimedDelivery[]): Promise<BuiltDigest[]> {
    const recipients = await loadRecipients(deliveries.map((delivery) => delivery.subscriberId));
    if (!trending) {
      trending = (await loadTrendingPool()).map((paper) => ({ paperId: paper.paperId, heat: paperHeat(paper.trendingScore, today) }));
    }
    const live = deliveries.flatMap((delivery) => {
      const recipient = recipients.get(delivery.subscriberId);
      return recipient ? [{ delivery, recipient }] : [];
    });
    const hits = await matcher.hits(
      live.flatMap(({ delivery, recipient }) => recipient.topics.map((topic) => ({ topic, since: delivery.windowStart }))),
    );
    const plans = await mapInSlices(live, ({ delivery, recipient }) => plan(delivery, recipient, hits));

    await excludeSent(plans, depth);
    const short = plans.filter((candidate) => !settled(candidate, depth(candidate)));
    if (short.length > 0) {
      for (const each of short) each.ranked = rank(each, Number.POSITIVE_INFINITY).ranked;
      await excludeSent(short, () => Number.POSITIVE_INFINITY);
    }

    const picks = await mapInSlices(plans, (each) => ({ delivery: each.delivery, ...pick(each) }));
    const papers = await summaries.get(picks.flatMap((digest) => [...digest.papers.map((paper) => paper.paperId), ...digest.alsoTrending]));
    const sending = picks.filter((digest) => digest.papers.length > 0);
    let links: EmailLinks[] = [];
    if (options.links !== false && sending.length > 0) {
      links = await issueEmailLinks(sending.map((digest) => digest.recipient.id));
    }
    const linksBySubscriber = new Map(sending.map((digest, index) => [digest.recipient.id, links[index]!]));

    const built = new Map<number, BuiltDigest>();
    for (const { delivery, recipient, papers: chosen, quiet, alsoTrending } of picks) {
      const shown = chosen.flatMap(({ paperId, matchedTerms }) => {
        const paper = papers.get(paperId);
        return paper ? [{ paper, matchedTerms }] : [];
      });
      if (shown.length === 0) {
        built.set(delivery.id, { delivery, content: null, reason: NOTHING_NEW });
        continue;
      }
      const content = {
        recipient,
        papers: shown,
        quiet,
        alsoTrending: alsoTrending.flatMap((id) => papers.get(id) ?? []) as DigestPaperSummary[],
      };
      built.set(delivery.id, { delivery, content, links: linksBySubscriber.get(recipient.id) ?? null });
    }
    return deliveries.map((delivery) => built.get(delivery.id) ?? { delivery, content: null, reason: NOT_SUBSCRIBED });
  }

  return { build };
}

export type DigestBuilder = ReturnType<typeof createDigestBuilder>;
