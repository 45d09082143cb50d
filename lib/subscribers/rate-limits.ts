import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";

/** Subscribing sends an email to any address typed in: keep both the sender and the target slow. */
export const SUBSCRIBE_PER_IP: RateLimitRule = { name: "subscribe-ip", ...env.EMAIL_RATE_LIMIT };
export const SUBSCRIBE_PER_ADDRESS: RateLimitRule = { name: "subscribe-address", limit: 3, windowSeconds: 3_600 };
/** The live preview runs a search per pause in typing. */
export const PREVIEW_PER_IP: RateLimitRule = { name: "subscription-preview-ip", limit: 120, windowSeconds: 60 };
