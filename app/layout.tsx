import type { Metadata, Viewport } from "next";
import { connection } from "next/server";

import { env } from "@/lib/env";

import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.APP_URL ?? "http://localhost:3000"),
  title: { default: "PaperPulse — trending research papers", template: "%s · PaperPulse" },
  description: "What researchers are reading today: trending arXiv papers, fast search and email digests.",
  openGraph: { siteName: "PaperPulse", type: "website" },
  twitter: { card: "summary_large_image" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next.js can only put the CSP nonce (see proxy.ts) on the
  // scripts of a page it renders now. Anonymous views are cached in front of it (lib/page-cache).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
