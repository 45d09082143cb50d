import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";

/** A sign-in link is an email to any address typed in: keep both the sender and the target slow. */
export const SIGN_IN_PER_IP: RateLimitRule = { name: "sign-in-ip", ...env.EMAIL_RATE_LIMIT };
export const SIGN_IN_PER_ADDRESS: RateLimitRule = { name: "sign-in-address", limit: 5, windowSeconds: 3_600 };
/** Library writes through the API and the save buttons. */
export const LIBRARY_WRITES_PER_READER: RateLimitRule = { name: "library-write", limit: 600, windowSeconds: 600 };
/** An import may ask arXiv for papers: a few per hour. */
export const IMPORTS_PER_READER: RateLimitRule = { name: "library-import", limit: 20, windowSeconds: 3_600 };
