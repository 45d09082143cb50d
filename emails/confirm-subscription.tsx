import { ButtonFallback, EmailButton } from "./components/email-button";
import { EmailLayout, renderEmail } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { RenderedEmail } from "@/lib/mail/mail-message";

export type ConfirmSubscriptionData = {
  email: string;
  confirmUrl: string;
  /** "a daily digest" or "a weekly digest (Mondays)". */
  schedule: string;
  expiresInHours: number;
};

/**
 * Sent to an address nobody has confirmed yet, so it carries nothing the subscriber typed except
 * the address: topics stay out, or the form would relay strangers' text to any inbox.
 */
function ConfirmSubscription({ email, confirmUrl, schedule, expiresInHours }: ConfirmSubscriptionData) {
  return (
    <EmailLayout
      title="Confirm your PaperPulse subscription"
      preheader={`One click to start ${schedule} of new research papers.`}
      footer={{
        reason: `Someone (hopefully you) asked PaperPulse to email ${email}. If it wasn't you, ignore this email: without a confirmation we will not write again.`,
      }}
    >
      <h1 className="pp-text" style={styles.heading}>
        Confirm your subscription
      </h1>
      <p className="pp-text" style={styles.paragraph}>
        Please confirm that you want PaperPulse to send {schedule} of new research papers to {email}.
      </p>
      <EmailButton href={confirmUrl}>Confirm subscription</EmailButton>
      <p className="pp-muted" style={styles.muted}>
        The link works once and expires in {expiresInHours} hours. Until you confirm, we will not send you anything else.
      </p>
      <ButtonFallback href={confirmUrl} />
    </EmailLayout>
  );
}

export function renderConfirmSubscriptionEmail(data: ConfirmSubscriptionData): RenderedEmail {
  return renderEmail("Confirm your PaperPulse subscription", <ConfirmSubscription {...data} />);
}
