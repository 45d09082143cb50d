/**
 * A source could not deliver: the network failed, the server answered with an error, or the answer
 * was not what the source documents. The message names the source and says what went wrong.
 */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly details: {
      /** Worth asking again: timeouts, dropped connections, 429 and 5xx answers, cut-off bodies. */
      retryable?: boolean;
      status?: number;
      /** Seconds the server asked us to wait (Retry-After). */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = "IngestError";
  }

  get retryable(): boolean {
    return this.details.retryable ?? false;
  }
}
