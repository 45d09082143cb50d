import { FEEDBACK_ACTIONS, signFeedbackToken, type FeedbackAction } from "./feedback-token";

/** Where feedback links go on the app's URL, worked out once: the app has one URL, and a run writes millions of links. */
let feedbackPage: { appUrl: string; url: string } | null = null;

/** The three feedback links of one paper in one subscriber's digest, on `appUrl`. */
export function feedbackUrls(
  sign: { appUrl: string; secret: string; now: Date },
  subscriberId: number,
  paperId: number,
): Record<FeedbackAction, string> {
  if (feedbackPage?.appUrl !== sign.appUrl)
    feedbackPage = { appUrl: sign.appUrl, url: new URL("/digest/feedback?token=", sign.appUrl).toString() };
  const base = feedbackPage.url;
  // Built by hand rather than through URL for each link.
  const entries = FEEDBACK_ACTIONS.map((action) => [
    action,
    base + signFeedbackToken(sign.secret, { subscriberId, paperId, action }, sign.now),
  ]);
  return Object.fromEntries(entries) as Record<FeedbackAction, string>;
}
