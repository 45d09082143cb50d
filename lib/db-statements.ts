import { AsyncLocalStorage } from "node:async_hooks";

import { Prisma } from "@/lib/generated/prisma/client";

// One store per process: proxy.ts and the routes are bundled apart, and the client that counts
// (lib/db.ts) is made once, on globalThis, by whichever bundle loads first.
const globalForCounters = globalThis as unknown as { statementCounters?: AsyncLocalStorage<{ statements: number }> };
const counters = (globalForCounters.statementCounters ??= new AsyncLocalStorage());

/**
 * Counts the operations a unit of work sends to the database, wherever in the code they are made:
 * every raw query is one statement, and so is each model call the app makes (none of them nests
 * writes). Work outside `countStatements` pays one lookup per operation.
 */
export const statementCounting = Prisma.defineExtension({
  name: "statement-counting",
  query: {
    $allOperations({ args, query }) {
      const counter = counters.getStore();
      if (counter) counter.statements++;
      return query(args);
    },
  },
});

/** Runs `work`, telling it how many statements it (and everything it awaits or starts) has issued so far. */
export function countStatements<T>(work: (statements: () => number) => Promise<T>): Promise<T> {
  const counter = { statements: 0 };
  return counters.run(counter, () => work(() => counter.statements));
}
