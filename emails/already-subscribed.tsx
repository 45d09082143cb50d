import { EmailButton } from "./components/email-button";
import { EmailLayout, renderEmail } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { RenderedEmail } from "@/lib/mail/mail-message";

export type AlreadySubscribedData = { email: string; manageUrl: string; unsubscribeUrl: string; manageLinkDays: number };

/** What the owner of a subscribed address gets when someone subscribes it again. */
function AlreadySubscribed({ email, manageUrl, unsubscribeUrl, manageLinkDays }: AlreadySubscribedData) {
  return (
    <EmailLayout
      title="You're already subscribed to PaperPulse"
      preheader="Someone asked to subscribe this address again. Here is your link to manage it."
      footer={{ reason: `You get this email because ${email} is subscribed to PaperPulse digests.`, manageUrl, unsubscribeUrl }}
    >
      <h1 className="pp-text" style={styles.heading}>
        You&apos;re already subscribed
      </h1>
      <p className="pp-text" style={styles.paragraph}>
        Someone, probably you, just asked to subscribe {email} to PaperPulse. This address is already subscribed, so nothing has changed.
      </p>
      <p className="pp-text" style={styles.paragraph}>
        To change your topics or schedule, pause, or leave, use your personal link:
      </p>
      <EmailButton href={manageUrl}>Manage your subscription</EmailButton>
      <p className="pp-muted" style={styles.muted}>
        The link works for {manageLinkDays} days. If it wasn&apos;t you, you can ignore this email.
      </p>
    </EmailLayout>
  );
}

export function renderAlreadySubscribedEmail(data: AlreadySubscribedData): RenderedEmail {
  return renderEmail("You're already subscribed to PaperPulse", <AlreadySubscribed {...data} />);
}
