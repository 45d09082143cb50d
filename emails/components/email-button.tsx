import type { ReactNode } from "react";

import { HtmlOnly } from "@/lib/mail/email-only";

import { colors, fontStack, styles } from "./email-styles";

/** A call to action that is a real link inside a coloured cell, so it renders even in Outlook. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: "8px 0 24px" }}>
      <tbody>
        <tr>
          <td style={{ borderRadius: 6, backgroundColor: colors.accent }}>
            <a
              href={href}
              style={{
                display: "inline-block",
                padding: "12px 22px",
                fontFamily: fontStack,
                fontSize: 16,
                fontWeight: 600,
                lineHeight: 1.2,
                color: "#ffffff",
                textDecoration: "none",
                borderRadius: 6,
              }}
            >
              {children}
            </a>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The button's address written out, for clients that break the button; the text part has the link already. */
export function ButtonFallback({ href }: { href: string }) {
  return (
    <HtmlOnly>
      <p className="pp-muted" style={{ ...styles.muted, wordBreak: "break-all" }}>
        Button not working? Paste this address into your browser: {href}
      </p>
    </HtmlOnly>
  );
}
