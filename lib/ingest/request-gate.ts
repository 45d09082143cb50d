const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type RequestGate = { wait: () => Promise<void> };

/**
 * Spaces requests at least `intervalMs` apart, in the order they asked, however many callers
 * share the gate (the scheduler, the CLI and the submit page all talk to arXiv).
 */
export function createRequestGate(intervalMs: number): RequestGate {
  let nextAllowed = 0;
  let queue = Promise.resolve();
  return {
    wait() {
      const turn = queue.then(async () => {
        const delay = nextAllowed - Date.now();
        if (delay > 0) await sleep(delay);
        nextAllowed = Date.now() + intervalMs;
      });
      queue = turn;
      return turn;
    },
  };
}

const shared = new Map<string, RequestGate>();

/** One gate per host and interval for the whole process. */
export function sharedRequestGate(url: string, intervalMs: number): RequestGate {
  const key = `${new URL(url).host}|${intervalMs}`;
  let gate = shared.get(key);
  if (!gate) shared.set(key, (gate = createRequestGate(intervalMs)));
  return gate;
}
