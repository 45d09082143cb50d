import "server-only";

import { issueEmailLinks, type EmailLinks } from "@/lib/subscribers/issue-email-links";

import type { ClaimedDelivery } from "./claimed-delivery";
import type { BuiltDigest, DigestPaperSummary, DigestRecipient } from "./digest-content";
import { findSentPapers } from "./find-sent-papers";
import { loadRecipients } from "./load-recipients";
import { createPaperSummaries } from "./paper-summaries";
import { paperHeat, pickTrending, rankPapers, topicStrength, type Candidate, type RankedPaper } from "./rank-papers";
import { createTopicMatcher, topicKey } from "./topic-matcher";
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
  /** Every matching paper in the window, best first. */
  ranked: RankedPaper[];
  sent: Set<number>;
};

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
  const summaries = createPaperSummaries();
  let trending: { paperId: number; heat: number }[] | null = null;
  let queries = 0;

  async function excludeSent(plans: Plan[], depth: (plan: Plan) => number) {
    const pairs = plans.flatMap((plan) => {
      const candidates = plan.ranked.slice(0, depth(plan)).map((paper) => paper.paperId);
      const pool = trending!.slice(0, depth(plan)).map((paper) => paper.paperId);
      return [...new Set([...candidates, ...pool])].map((paperId) => ({ subscriberId: plan.recipient.id, paperId }));
    });
    queries++;
    const sent = await findSentPapers(pairs);
    const bySubscriber = new Map(plans.map((plan) => [plan.recipient.id, plan]));
    for (const { subscriberId, paperId } of pairs) {
      if (sent.has(`${subscriberId}:${paperId}`)) bySubscriber.get(subscriberId)!.sent.add(paperId);
    }
  }

  /** Whether the papers checked against the sent record so far are enough to pick from. */
  function settled(plan: Plan, depth: number): boolean {
    const { ranked, sent, recipient } = plan;
    const unsent = ranked.slice(0, depth).filter((paper) => !sent.has(paper.paperId));
    const matchesSettled = unsent.length >= recipient.maxPapers || ranked.length <= depth;
    const needTrending = unsent.length > 0 ? ALSO_TRENDING : recipient.sendWhenQuiet ? recipient.maxPapers : 0;
    const shown = new Set(unsent.slice(0, recipient.maxPapers).map((paper) => paper.paperId));
    const trendingUnsent = trending!.slice(0, depth).filter((paper) => !sent.has(paper.paperId) && !shown.has(paper.paperId));
    return matchesSettled && (trendingUnsent.length >= needTrending || trending!.length <= depth);
  }

  async function build(deliveries: ClaimedDelivery[]): Promise<BuiltDigest[]> {
    queries++;
    const recipients = await loadRecipients(deliveries.map((delivery) => delivery.subscriberId));
    if (!trending) {
      queries++;
      trending = (await loadTrendingPool()).map((paper) => ({ paperId: paper.paperId, heat: paperHeat(paper.trendingScore, today) }));
    }
    const live = deliveries.flatMap((delivery) => {
      const recipient = recipients.get(delivery.subscriberId);
      return recipient ? [{ delivery, recipient }] : [];
    });
    const hits = await matcher.hits(
      live.flatMap(({ delivery, recipient }) => recipient.topics.map((topic) => ({ topic, since: delivery.windowStart }))),
    );

    const plans: Plan[] = live.map(({ delivery, recipient }) => {
      const from = delivery.windowStart.getTime();
      const to = delivery.windowEnd.getTime();
      const candidates: Candidate[] = [];
      recipient.topics.forEach((topic, position) => {
        for (const hit of hits.get(topicKey(topic)) ?? []) {
          const paper = matcher.papers.get(hit.paperId);
          if (!paper || paper.createdAt <= from || paper.createdAt > to) continue;
          const strength = topicStrength(topic.kind, hit.textRank);
          candidates.push({
            paperId: hit.paperId,
            heat: paperHeat(paper.trendingScore, today),
            matches: [{ kind: topic.kind, label: topic.value, position, strength }],
          });
        }
      });
      return { delivery, recipient, ranked: rankPapers(candidates, new Set(), Number.POSITIVE_INFINITY), sent: new Set() };
    });

    const depth = (plan: Plan) => plan.recipient.maxPapers + ALSO_TRENDING + SLACK;
    await excludeSent(plans, depth);
    const short = plans.filter((plan) => !settled(plan, depth(plan)));
    if (short.length > 0) await excludeSent(short, () => Number.POSITIVE_INFINITY);

    const picks = plans.map((plan) => pick(plan));
    queries++;
    const papers = await summaries.get(picks.flatMap((digest) => [...digest.papers.map((paper) => paper.paperId), ...digest.alsoTrending]));
    const sending = picks.filter((digest) => digest.papers.length > 0);
    let links: EmailLinks[] = [];
    if (options.links !== false && sending.length > 0) {
      queries++;
      links = await issueEmailLinks(sending.map((digest) => digest.plan.recipient.id));
    }
    const linksBySubscriber = new Map(sending.map((digest, index) => [digest.plan.recipient.id, links[index]!]));

    const built = new Map<number, BuiltDigest>();
    for (const { plan, papers: chosen, quiet, alsoTrending } of picks) {
      const { delivery, recipient } = plan;
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
    return deliveries.map(
      (delivery) => built.get(delivery.id) ?? { delivery, content: null, reason: NOT_SUBSCRIBED },
    );
  }

  function pick(plan: Plan) {
    const { recipient, ranked, sent } = plan;
    const matched = ranked.filter((paper) => !sent.has(paper.paperId)).slice(0, recipient.maxPapers);
    if (matched.length > 0) {
      const shown = new Set([...sent, ...matched.map((paper) => paper.paperId)]);
      return { plan, papers: matched, quiet: false, alsoTrending: pickTrending(trending!, shown, ALSO_TRENDING) };
    }
    const quiet = recipient.sendWhenQuiet ? pickTrending(trending!, sent, recipient.maxPapers) : [];
    return { plan, papers: quiet.map((paperId) => ({ paperId, score: 0, matchedTerms: [] })), quiet: true, alsoTrending: [] };
  }

  return {
    build,
    /** Statements issued so far by this builder. */
    queries: () => queries + matcher.queries(),
  };
}

export type DigestBuilder = ReturnType<typeof createDigestBuilder>;
