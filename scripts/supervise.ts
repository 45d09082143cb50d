// Keeps a process of `npm start` alive: when it dies, say so and start it again, waiting 1 s,
// 2 s, 4 s … up to 30 s between failed attempts (a crash loop must not spin the CPU), and back
// to 1 s once it has run for a minute.
export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

export type Running = { pid: number | undefined; exited: Promise<ExitStatus>; stop: () => Promise<void> };

export type Supervised = {
  /** Resolves once the first start succeeded; rejects when it failed (nothing is retried then). */
  ready: Promise<void>;
  /** From now on an exit is expected (a shutdown has begun; Ctrl-C reaches every process at once). */
  stopRestarting: () => void;
  stop: () => Promise<void>;
};

export type Backoff = { firstDelayMs: number; maxDelayMs: number; stableAfterMs: number };

const DEFAULT_BACKOFF: Backoff = { firstDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

export function describeExit({ code, signal }: ExitStatus): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export function supervise(
  name: string,
  start: () => Promise<Running>,
  log: (message: string) => void,
  backoff = DEFAULT_BACKOFF,
): Supervised {
  let current: Running | undefined;
  let stopping = false;
  let cancelWait = () => {};
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      cancelWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Starts again after `delayMs`, doubling the wait after each failed attempt, until it runs or we stop. */
  async function restart(delayMs: number): Promise<{ running?: Running; delayMs: number }> {
    let delay = delayMs;
    while (!stopping) {
      await wait(delay);
      if (stopping) break;
      delay = Math.min(delay * 2, backoff.maxDelayMs);
      try {
        const running = await start();
        if (stopping) {
          await running.stop();
          break;
        }
        current = running;
        log(`${name} restarted (pid ${running.pid}).`);
        return { running, delayMs: delay };
      } catch (error) {
        log(`${name} did not start: ${error instanceof Error ? error.message : String(error)}; next attempt in ${delay / 1000} s.`);
      }
    }
    return { delayMs: delay };
  }

  async function keepAlive(first: Running) {
    let running: Running | undefined = first;
    let delayMs = backoff.firstDelayMs;
    while (running) {
      const startedAt = Date.now();
      const status = await running.exited;
      current = undefined;
      if (stopping) return;
      if (Date.now() - startedAt >= backoff.stableAfterMs) delayMs = backoff.firstDelayMs;
      log(`${name} stopped unexpectedly (${describeExit(status)}); restarting in ${delayMs / 1000} s.`);
      ({ running, delayMs } = await restart(delayMs));
    }
  }

  let loop: Promise<void> = Promise.resolve();
  const ready = start().then(async (running) => {
    current = running;
    log(`${name} started (pid ${running.pid}).`);
    if (stopping) await running.stop();
    else loop = keepAlive(running);
  });

  const stopRestarting = () => {
    stopping = true;
    cancelWait();
  };
  return {
    ready,
    stopRestarting,
    stop: async () => {
      stopRestarting();
      await current?.stop();
      await loop;
    },
  };
}
