import path from "node:path";

import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, "tests/support/server-only.ts") },
    ],
  },
  test: {
    env: {
      NODE_ENV: "test",
      APP_SECRET: "test-secret-test-secret-test-secret-0123",
      APP_URL: "http://localhost:3000",
      CRON_SECRET: "test-cron-secret-0123456789",
      SCHEDULER: "off",
      // The tests' X-Forwarded-For stands for what one proxy in front of the app appended.
      TRUSTED_PROXY_HOPS: "1",
    },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/integration-env.ts"],
          // Two files at a time, each worker on a database of its own (tests/support/global-setup.ts):
          // most files wait on servers, child processes and timers more than they use a CPU. Three
          // overload a 2-CPU machine enough for the timing tests (read-timeout, digest-faults) to flake.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
