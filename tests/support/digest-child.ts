// A digest run in a process of its own, for tests that kill it half-way (SIGKILL, no clean-up).
// Env: DATABASE_URL, SMTP_URL and the app's variables; DIGEST_NOW is the run's clock.
import { setTimeout as sleep } from "node:timers/promises";

import { runDigest } from "@/lib/digest/run-digest";
import { sendMail } from "@/lib/mail/send-mail";

await runDigest({
  now: new Date(process.env.DIGEST_NOW!),
  concurrency: 2,
  // Slow enough that the parent can stop the run between two messages.
  send: async (message) => {
    await sleep(25);
    return sendMail(message);
  },
});
process.exit(0);
