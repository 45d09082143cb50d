// A digest run in a process of its own, for tests that kill it half-way (SIGKILL, no clean-up).
// Env: DATABASE_URL, SMTP_URL and the app's variables; DIGEST_NOW is the run's clock,
// DIGEST_CONCURRENCY the messages in flight at once, DIGEST_SEND_DELAY_MS a pause before each.
import { setTimeout as sleep } from "node:timers/promises";

import { runDigest } from "@/lib/digest/run-digest";
import { sendMailOnRelease } from "@/lib/mail/send-mail";

const delayMs = Number(process.env.DIGEST_SEND_DELAY_MS ?? 25);
await runDigest({
  now: new Date(process.env.DIGEST_NOW!),
  concurrency: Number(process.env.DIGEST_CONCURRENCY ?? 2),
  // Slow enough that the parent can stop the run between two messages.
  sendOnRelease: async (message, release) => {
    await sleep(delayMs);
    return sendMailOnRelease(message, release);
  },
});
process.exit(0);
