import { IngestError } from "./ingest-error";
import type { RequestGate } from "./request-gate";

export type HttpOptions = {
  /** Names the source in error messages, e.g. "arXiv API". */
  label: string;
  timeoutMs: number;
  /** Extra attempts after the first. */
  retries: number;
  /** First backoff pause; it doubles on each retry. */
  retryBaseMs?: number;
  /** Longest pause we accept from a Retry-After header. */
  maxRetryAfterMs?: number;
  gate?: RequestGate;
  accept: string;
};

const USER_AGENT = "PaperPulse/0.1 (research paper digest; https://github.com/paperpulse)";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GETs `url` and hands the successful response to `read`, which parses the body. The timeout covers
 * the body too, and the whole exchange is retried with exponential backoff when it fails in a way
 * that may pass: network errors, timeouts, 408/429/5xx, or a `read` failure marked retryable
 * (such as a cut-off body). Anything else fails at once with a message that says what happened.
 */
export async function fetchWithRetry<T>(url: string, options: HttpOptions, read: (response: Response) => Promise<T>): Promise<T> {
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      await options.gate?.wait();
      return await fetchOnce(url, options, read);
    } catch (error) {
      const failure = error instanceof IngestError ? error : new IngestError(`${options.label}: ${String(error)}`);
      if (!failure.retryable || attempt >= attempts) {
        if (attempt > 1) failure.message += ` (gave up after ${attempt} attempts)`;
        throw failure;
      }
      await sleep(backoffMs(failure, attempt, options));
    }
  }
}

async function fetchOnce<T>(url: string, options: HttpOptions, read: (response: Response) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: options.accept, "user-agent": USER_AGENT }, redirect: "follow" });
  } catch (error) {
    throw networkError(error, url, options);
  }
  if (!response.ok) {
    const snippet = await bodySnippet(response);
    const status = response.status;
    throw new IngestError(`${options.label} answered HTTP ${status} ${response.statusText}${snippet} (${url})`, {
      status,
      retryable: status === 408 || status === 429 || status >= 500,
      retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after")),
    });
  }
  try {
    return await read(response);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw networkError(error, url, options);
  }
}

function networkError(error: unknown, url: string, options: HttpOptions): IngestError {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return new IngestError(`${options.label} did not answer within ${options.timeoutMs / 1000} s (${url})`, { retryable: true });
  }
  const cause =
    error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return new IngestError(`${options.label} could not be reached: ${cause} (${url})`, { retryable: true });
}

/**
 * What an error body says, for the message: arXiv explains itself in an Atom entry's <summary>,
 * Hugging Face in a JSON `error`; anything else is shown as its first words.
 */
async function bodySnippet(response: Response): Promise<string> {
  let body: string;
  try {
    body = await response.text();
  } catch {
    return "";
  }
  const atomSummary = /<summary[^>]*>([^<]*)<\/summary>/.exec(body)?.[1];
  let jsonError: unknown;
  try {
    jsonError = (JSON.parse(body) as { error?: unknown }).error;
  } catch {
    jsonError = undefined;
  }
  const text = (atomSummary ?? (typeof jsonError === "string" ? jsonError : body))
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text ? `: ${text.slice(0, 200)}` : "";
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function backoffMs(failure: IngestError, attempt: number, options: HttpOptions): number {
  const base = options.retryBaseMs ?? 1_000;
  const exponential = base * 2 ** (attempt - 1);
  const jittered = exponential / 2 + Math.random() * (exponential / 2);
  const asked = (failure.details.retryAfterSeconds ?? 0) * 1000;
  return Math.min(Math.max(jittered, asked), options.maxRetryAfterMs ?? 120_000);
}
