/** Why an emailed link's token was refused; what each page opened from a link tells its reader. */
export type TokenFailure = "invalid" | "expired" | "used";

export const TOKEN_FAILURE_MESSAGES: Record<TokenFailure, string> = {
  invalid: "This link is not valid. Please use the link from your most recent PaperPulse email.",
  expired: "This link has expired. Subscribe again with your address and we will email you a fresh link.",
  used: "This link has already been used.",
};
