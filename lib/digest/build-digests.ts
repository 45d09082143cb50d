import "server-only";

import { loadReaderTastes, type ReaderTaste } from "@/lib/library/reader-tastes";
import { createBatchRecommender, type BatchRecommendation } from "@/lib/recommend/batch-recommender";
import { issueEmailLinks, type EmailLinks } from "@/lib/subscribers/issue-email-links";

import type { ClaimedDelivery } from "./claimed-delivery";
import type { BuiltDigest, DigestPaperSummary, DigestRecipient } from "./digest-content";
import { findSentPapers } from "./find-sent-papers";
import { loadRecipients } from "./load-recipients";
import { mapInSlices } from "./map-in-slices";
import { createPaperSummaries } from "./paper-summaries";
import { createMatchStrengths } from "./match-strengths";
import { paperHeat, pickTrending } from "./rank-papers";
import { recommendationReason } from "./recommendation-reason";
import { createTopicMatcher, topicKey, type Topic, type TopicHit } from "./topic-matcher";
import { loadTrendingPool } from "./trending-pool";

export const ALSO_TRENDING = 3;
/** "Recommended for you" next to topic matches; a subscriber with a library and no topics gets their maximum. */
export const RECOMMENDED_WITH_TOPICS = 5;
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
  /** What the subscriber's library taught their model, if they have one. */
  taste: ReaderTaste | null;
  /** The model's picks among the window's papers, best first, before exclusions. */
  recommended: BatchRecommendation[];
};

const depth = (plan: Pick<Plan, "recipient">) => plan.recipient.maxPapers + ALSO_TRENDING + SLACK;
const recommending = (recipient: DigestRecipient) =>
  recipient.topics.length > 0 ? Math.min(RECOMMENDED_WITH_TOPICS, recipient.maxPapers) : recipient.maxPapers;

/**
 * Builds the digests of a batch of claimed deliveries with a handful of queries, whatever the
 * batch size: the recipients and their topics; the topics' matches (once per distinct topic per
 * run, see topic-matcher.ts); what the recipients with a library marked and their stored models
 * (see batch-recommender.ts); which candidate papers each subscriber was already sent;
 * the shown papers' details; and the batch's manage and unsubscribe links. One builder serves a
 * whole run.
 */
export function createDigestBuilder(options: { now: Date; links?: boolean }) {
  const { now } = options;
  const today = now.toISOString().slice(0, 10);
  const matcher = createTopicMatcher(now);
  const strengths = createMatchStrengths(matcher.papers);
  const summaries = createPaperSummaries();
  const recommender = createBatchRecommender(now);
  let trending: { paperId: number; heat: number }[] | null = null;

  async function excludeSent(plans: Plan[], limit: (plan: Plan) => number) {
    const pairs = plans.flatMap((plan) => {
      const candidates = plan.ranked.slice(0, limit(plan)).map((paper) => paper.paperId);
      const pool = trending!.slice(0, limit(plan)).map((paper) => paper.paperId);
      const recommended = plan.recommended.map((paper) => paper.paperId);
      return [...new Set([...candidates, ...pool, ...recommended])].map((paperId) => ({ subscriberId: plan.recipient.id, paperId }));
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
    const needTrending =
      unsent.length > 0 || plan.recommended.length > 0 ? ALSO_TRENDING : recipient.sendWhenQuiet ? recipient.maxPapers : 0;
    const shown = new Set(unsent.slice(0, recipient.maxPapers).map((paper) => paper.paperId));
    const trendingUnsent = trending!.slice(0, checked).filter((paper) => !sent.has(paper.paperId) && !shown.has(paper.paperId));
    return matchesSettled && (trendingUnsent.length >= needTrending || trending!.length <= checked);
  }

  function rank(plan: Pick<Plan, "delivery" | "topics">, limit: number) {
    return strengths.rank(plan.topics, { from: plan.delivery.windowStart.getTime(), to: plan.delivery.windowEnd.getTime() }, limit);
  }

  function plan(
    delivery: ClaimedDelivery,
    recipient: DigestRecipient,
    hits: Awaited<ReturnType<typeof matcher.hits>>,
    taste: ReaderTaste | null,
  ): Plan {
    const topics = recipient.topics.map((topic) => {
      const key = topicKey(topic);
      return { topic, key, hits: hits.get(key) ?? [] };
    });
    const { matched, ranked } = rank({ delivery, topics }, depth({ recipient }));
    const range = { from: delivery.windowStart.getTime(), to: delivery.windowEnd.getTime() };
    // Topic matches may take the model's best, so it offers as many more as a digest could show.
    const recommended = taste ? recommender.recommend(taste, range, new Set(), recipient.maxPapers + recommending(recipient)) : [];
    return { delivery, recipient, topics, matched, ranked, sent: new Set(), taste, recommended };
  }

  function pick({ recipient, ranked, sent, recommended: offered }: Plan) {
    const matched = ranked.filter((paper) => !sent.has(paper.paperId)).slice(0, recipient.maxPapers);
    const taken = new Set([...sent, ...matched.map((paper) => paper.paperId)]);
    const recommended = offered.filter((paper) => !taken.has(paper.paperId)).slice(0, recommending(recipient));
    if (matched.length > 0 || recommended.length > 0) {
      const shown = new Set([...taken, ...recommended.map((paper) => paper.paperId)]);
      // Why each was picked: the subscriber's topics that matched it, in their order.
      const papers = matched.map(({ paperId }) => ({
        paperId,
        matchedTerms: recipient.topics
          .filter((topic) => matcher.matchedBy(topic).has(paperId))
          .map((topic) => matcher.whyPicked(topic, paperId)),
      }));
      return { recipient, papers, recommended, quiet: false, alsoTrending: pickTrending(trending!, shown, ALSO_TRENDING) };
    }
    const quiet = recipient.sendWhenQuiet ? pickTrending(trending!, sent, recipient.maxPapers) : [];
    const papers = quiet.map((paperId) => ({ paperId, matchedTerms: [] }));
    return { recipient, papers, recommended: [], quiet: true, alsoTrending: [] };
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
    const tastes = await loadReaderTastes(live.map(({ recipient }) => recipient.email));
    const learning = live.filter(({ recipient }) => (tastes.get(recipient.email)?.liked.length ?? 0) > 0);
    if (learning.length > 0) {
      const since = new Date(Math.min(...learning.map(({ delivery }) => delivery.windowStart.getTime())));
      await recommender.prepare(
        learning.map(({ recipient }) => tastes.get(recipient.email)!),
        since,
      );
    }
    const plans = await mapInSlices(live, ({ delivery, recipient }) => {
      const taste = tastes.get(recipient.email);
      return plan(delivery, recipient, hits, taste && taste.liked.length > 0 ? taste : null);
    });

    await excludeSent(plans, depth);
    const short = plans.filter((candidate) => !settled(candidate, depth(candidate)));
    if (short.length > 0) {
      for (const each of short) each.ranked = rank(each, Number.POSITIVE_INFINITY).ranked;
      await excludeSent(short, () => Number.POSITIVE_INFINITY);
    }

    const picks = await mapInSlices(plans, (each) => ({ delivery: each.delivery, taste: each.taste, ...pick(each) }));
    const papers = await summaries.get(
      picks.flatMap((digest) => [
        ...digest.papers.map((paper) => paper.paperId),
        ...digest.recommended.flatMap((paper) => [paper.paperId, ...paper.because]),
        ...digest.alsoTrending,
      ]),
    );
    const sending = picks.filter((digest) => digest.papers.length > 0 || digest.recommended.length > 0);
    let links: EmailLinks[] = [];
    if (options.links !== false && sending.length > 0) {
      links = await issueEmailLinks(sending.map((digest) => digest.recipient.id));
    }
    const linksBySubscriber = new Map(sending.map((digest, index) => [digest.recipient.id, links[index]!]));

    const built = new Map<number, BuiltDigest>();
    for (const { delivery, recipient, taste, papers: chosen, recommended, quiet, alsoTrending } of picks) {
      const shown = chosen.flatMap(({ paperId, matchedTerms }) => {
        const paper = papers.get(paperId);
        return paper ? [{ paper, matchedTerms }] : [];
      });
      const shownRecommended = recommended.flatMap(({ paperId, because }) => {
        const paper = papers.get(paperId);
        const liked = because.flatMap((id) => (papers.has(id) ? [{ title: papers.get(id)!.title, saved: taste!.saved.has(id) }] : []));
        return paper ? [{ paper, reason: recommendationReason(liked) }] : [];
      });
      if (shown.length === 0 && shownRecommended.length === 0) {
        built.set(delivery.id, { delivery, content: null, reason: NOTHING_NEW });
        continue;
      }
      const content = {
        recipient,
        papers: shown,
        recommended: shownRecommended,
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
