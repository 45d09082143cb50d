import { ButtonFallback, EmailButton } from "./components/email-button";
import { EmailLayout, renderEmail } from "./components/email-layout";
import { styles } from "./components/email-styles";
import type { RenderedEmail } from "@/lib/mail/mail-message";

export type SignInLinkData = { email: string; signInUrl: string; expiresInMinutes: number };

/** The same email whether or not the address has an account: the link creates one when used. */
function SignInLink({ email, signInUrl, expiresInMinutes }: SignInLinkData) {
  return (
    <EmailLayout
      title="Sign in to PaperPulse"
      preheader="Your link to sign in to PaperPulse."
      footer={{
        reason: `Someone (hopefully you) asked to sign in to PaperPulse as ${email}. If it wasn't you, ignore this email: nobody can sign in without this link.`,
      }}
    >
      <h1 className="pp-text" style={styles.heading}>
        Sign in to PaperPulse
      </h1>
      <p className="pp-text" style={styles.paragraph}>
        Open the link below and press the button to sign in as {email}.
      </p>
      <EmailButton href={signInUrl}>Sign in</EmailButton>
      <p className="pp-muted" style={styles.muted}>
        The link works once and expires in {expiresInMinutes} minutes.
      </p>
      <ButtonFallback href={signInUrl} />
    </EmailLayout>
  );
}

export function renderSignInLinkEmail(data: SignInLinkData): RenderedEmail {
  return renderEmail("Sign in to PaperPulse", <SignInLink {...data} />);
}
