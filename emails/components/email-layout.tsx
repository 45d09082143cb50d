import type { CSSProperties, ReactNode } from "react";

import { HtmlOnly } from "@/lib/mail/email-only";
import { renderHtml } from "@/lib/mail/render-html";
import { renderText } from "@/lib/mail/render-text";
import type { RenderedEmail } from "@/lib/mail/mail-message";

import { colors, darkModeCss, fontStack, styles } from "./email-styles";

export type EmailFooter = {
  /** Why this address gets this email. */
  reason: string;
  manageUrl?: string;
  unsubscribeUrl?: string;
};

type LayoutProps = { title: string; preheader: string; footer: EmailFooter; children: ReactNode };

/** The frame of every PaperPulse email: brand, one card of content, and the footer links. */
export function EmailLayout({ title, preheader, footer, children }: LayoutProps) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- an email document, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{title}</title>
        <style>{darkModeCss}</style>
      </head>
      <body className="pp-page" style={{ margin: 0, padding: 0, backgroundColor: colors.page, fontFamily: fontStack }}>
        <HtmlOnly>
          {/* Inbox preview text; the padding keeps clients from filling the preview with body text. */}
          <div style={{ display: "none", maxHeight: 0, overflow: "hidden", opacity: 0, msoHide: "all" } as CSSProperties}>
            {preheader}
            {"\u00a0\u200c".repeat(60)}
          </div>
        </HtmlOnly>
        <table
          role="presentation"
          width="100%"
          cellPadding={0}
          cellSpacing={0}
          className="pp-page"
          style={{ backgroundColor: colors.page }}
        >
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: 560 }}>
                  <tbody>
                    <tr>
                      <td className="pp-text" style={{ padding: "0 4px 16px", fontSize: 18, fontWeight: 700, color: colors.text }}>
                        <HtmlOnly>
                          <span className="pp-link" style={{ color: colors.accent }}>
                            ◆
                          </span>{" "}
                        </HtmlOnly>
                        PaperPulse
                      </td>
                    </tr>
                    <tr>
                      <td
                        className="pp-card"
                        style={{
                          padding: 28,
                          backgroundColor: colors.card,
                          border: `1px solid ${colors.border}`,
                          borderRadius: 8,
                        }}
                      >
                        {children}
                      </td>
                    </tr>
                    <tr>
                      <td style={{ padding: "20px 4px" }}>
                        <p className="pp-muted" style={{ ...styles.muted, fontSize: 13 }}>
                          {footer.reason}
                        </p>
                        {(footer.manageUrl || footer.unsubscribeUrl) && (
                          <p className="pp-muted" style={{ ...styles.muted, fontSize: 13 }}>
                            {footer.manageUrl && (
                              <a className="pp-link" href={footer.manageUrl} style={styles.link}>
                                Manage preferences
                              </a>
                            )}
                            {footer.manageUrl && footer.unsubscribeUrl && <br />}
                            {footer.unsubscribeUrl && (
                              <a className="pp-link" href={footer.unsubscribeUrl} style={styles.link}>
                                Unsubscribe
                              </a>
                            )}
                          </p>
                        )}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

/** Renders one email element to its subject, HTML and plain-text parts. */
export function renderEmail(subject: string, email: ReactNode): RenderedEmail {
  return { subject, html: `<!doctype html>${renderHtml(email)}`, text: renderText(email) };
}
