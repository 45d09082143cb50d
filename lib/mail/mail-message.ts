/** One email as every template produces it: the same content as HTML and as plain text. */
export type RenderedEmail = { subject: string; html: string; text: string };

export type MailMessage = RenderedEmail & {
  to: string;
  /**
   * An https URL that unsubscribes with a single POST. Adds the RFC 8058 pair `List-Unsubscribe`
   * and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`.
   */
  listUnsubscribeUrl?: string;
  /** Message-ID including the angle brackets, e.g. `<digest.42.2026-W48@paperpulse.example>`; generated when absent. */
  messageId?: string;
  /** X-Entity-Ref-ID: a value unique per email stops Gmail from threading unrelated emails together. */
  entityRefId?: string;
};

export type SentMail = { messageId: string };
