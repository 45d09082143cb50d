import { z } from "zod";

/** A token bucket's size and refill: "<count>/<seconds>", that many at once, then one every seconds/count. */
function rateLimitSetting(what: string, fallback: string) {
  return z
    .string()
    .regex(/^\d+\/\d+$/, `must be <${what}>/<seconds>, e.g. ${fallback}`)
    .default(fallback)
    .transform((value) => {
      const [limit, windowSeconds] = value.split("/").map(Number);
      return { limit: limit!, windowSeconds: windowSeconds! };
    })
    .refine(({ limit, windowSeconds }) => limit >= 1 && windowSeconds >= 1, "both numbers must be at least 1");
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Streaming replicas for read-only work (feeds, search, paper pages), comma-separated. */
  DATABASE_REPLICA_URL: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/, error: "must be postgresql:// URLs, comma-separated" }))),
  /** A replica further behind the primary than this is not read from until it catches up. */
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce.number().int().min(1).max(30).default(10),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).default("http://localhost:3000"),
  APP_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)"),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("PaperPulse <digest@paperpulse.localhost>"),
  /** Upper bound on simultaneous SMTP connections of the pooled transport. */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  /**
   * Proxies in front of the app that append the peer they saw to X-Forwarded-For (a load balancer,
   * a CDN): their forwarding headers are believed, anyone else's ignored. 0 = the socket's peer is
   * the client (the app faces the internet, or `npm start`).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Searches one client may run: "<searches>/<seconds>", a token bucket (that many at once, then
   * one more every seconds/searches). Suggestions as you type get five times as many.
   */
  SEARCH_RATE_LIMIT: rateLimitSetting("searches", "60/300"),
  /**
   * Emails one client address may have sent to addresses it typed in (subscription confirmations and
   * sign-in links, each counted apart): "<emails>/<seconds>". Each target address has a limit of its own.
   */
  EMAIL_RATE_LIMIT: rateLimitSetting("emails", "10/3600"),
  /** Longest a read query of a page or the API may run before it is cancelled and answered 503. */
  READ_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(8_000),
  /** Memory each instance gives the cache of anonymous page views (lib/page-cache); 0 turns it off. */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4_096).default(128),
  /** Memory each instance gives signed-in readers' copies of /library and /for-you, their data or their page (lib/readers/reader-page-copies.ts); 0 turns them off. */
  READER_COPIES_MB: z.coerce.number().int().min(0).max(4_096).default(256),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** arXiv API query endpoint and the pause between its requests (arXiv asks for one request per 3 s). */
  ARXIV_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).default("https://export.arxiv.org/api/query"),
  ARXIV_REQUEST_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(3_000),
  /** Hugging Face API root; daily papers are read from `${HF_API_URL}/daily_papers`. */
  HF_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).default("https://huggingface.co/api"),
  INGEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  INGEST_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** arXiv categories the daily ingest pulls, comma-separated. */
  INGEST_CATEGORIES: z
    .string()
    .default("cs.LG,cs.CL,cs.CV,cs.AI")
    .transform((value) =>
      value
        .split(",")
        .map((category) => category.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, "must be arXiv categories such as cs.LG,stat.ML")).min(1)),
  /** When the in-process scheduler runs the daily ingest (cron syntax, UTC). */
  INGEST_CRON: z.string().default("30 5 * * *"),
  /** When the in-process scheduler runs the digest (cron syntax, UTC); each run sends to whoever is due. */
  DIGEST_CRON: z.string().default("5 * * * *"),
  /** Local hour (0–23, in each subscriber's time zone) from which their day's or week's digest goes out. */
  DIGEST_SEND_HOUR: z.coerce.number().int().min(0).max(23).default(0),
  /** `off` stops the in-process scheduler (tests, or when an external cron calls /api/cron/*). */
  SCHEDULER: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof schema>;

/** Parses an environment, failing with one line per bad variable so the fix is obvious. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(blankAsUnset);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${problems.join("\n")}`);
}

// `next build` imports route modules to collect their config without any runtime environment;
// nothing reads these values during the build, so validation waits for the server's start.
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

export const env: Env = isBuild ? (process.env as unknown as Env) : parseEnv(process.env);
