import { FEEDBACK_ACTIONS, signFeedbackToken, type FeedbackAction } from "./feedback-token";

/** The three feedback links of one paper in one subscriber's digest, on `appUrl`. */
export function feedbackUrls(
  sign: { appUrl: string; secret: string; now: Date },
  subscriberId: number,
  paperId: number,
): Record<FeedbackAction, string> {
  const base = new URL("/digest/feedback?token=", sign.appUrl).toString();
  // Built by hand rather than through URL for each link: a run writes millions of them.
  const entries = FEEDBACK_ACTIONS.map((action) => [
    action,
    base + signFeedbackToken(sign.secret, { subscriberId, paperId, action }, sign.now),
  ]);
  return Object.fromEntries(entries) as Record<FeedbackAction, string>;
}
