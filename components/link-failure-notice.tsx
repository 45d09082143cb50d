import { TOKEN_FAILURE_MESSAGES, type TokenFailure } from "@/lib/subscribers/token-failure";

import { Notice } from "./notice";

const TITLES: Record<TokenFailure, string> = {
  invalid: "This link is not valid",
  expired: "This link has expired",
  used: "This link has already been used",
};

/** The page an emailed link opens when its token is refused; `children` offer a way on. */
export function LinkFailureNotice({ reason, children }: { reason: TokenFailure; children?: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl">
      <Notice tone="warning" title={TITLES[reason]}>
        <p>{TOKEN_FAILURE_MESSAGES[reason]}</p>
        {children}
      </Notice>
    </div>
  );
}
