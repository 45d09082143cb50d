import type { ReactNode } from "react";

import { colors, styles } from "./email-styles";
import { separator } from "./digest-paper";

/** A titled part of a digest after its matches: "Recommended for you", "Also trending". */
export function DigestSection({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={separator}>
      <tbody>
        <tr>
          <td style={{ padding: "18px 0 0" }}>
            <h2 className="pp-text" style={{ margin: "0 0 8px", fontSize: 15, lineHeight: 1.4, fontWeight: 700, color: colors.text }}>
              {title}
            </h2>
            {note && (
              <p className="pp-muted" style={{ ...styles.muted, margin: "0 0 4px" }}>
                {note}
              </p>
            )}
            {children}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
