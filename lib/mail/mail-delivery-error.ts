/** Mail that could not be handed over. `permanent` is a 5xx answer: retrying will not help. */
export class MailDeliveryError extends Error {
  readonly permanent: boolean;

  constructor(
    message: string,
    readonly responseCode: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MailDeliveryError";
    this.permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600;
  }
}

/** A message held for its release (Mailer.sendOnRelease) that was not released: no server accepted it. */
export class MailAbandonedError extends Error {
  constructor(messageId?: string) {
    super(`The message${messageId ? ` ${messageId}` : ""} was abandoned before its end was sent: no server accepted it.`);
    this.name = "MailAbandonedError";
  }
}
