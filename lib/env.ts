import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).default("http://localhost:3000"),
  APP_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)"),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("PaperPulse <digest@paperpulse.localhost>"),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
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
