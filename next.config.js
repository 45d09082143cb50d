/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel builds (e.g. two developers' e2e runs in one checkout) keep apart.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The Docker image ships the self-contained server; `npm start` uses `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // The social cards read their fonts from disk (lib/social-card/card-fonts.ts).
  outputFileTracingIncludes: { "/cards/[...arxivId]": ["./assets/fonts/*.ttf"], "/opengraph-image": ["./assets/fonts/*.ttf"] },
  // A library import uploads a BibTeX or RIS file of up to 2 MB (lib/library/decode-import-file.ts)
  // through a server action; the default cap of 1 MB would fail larger ones before our message.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
          ...(process.env.NODE_ENV === "production"
            ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
            : []),
        ],
      },
    ];
  },
};

export default nextConfig;
