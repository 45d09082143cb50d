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
  experimental: {
    serverActions: { bodySizeLimit: "3mb" },
    // CI builds once, on a fresh clone: the cache a build writes for the next one (~10 s) is never read.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // `npm test` has type-checked the app, route types included (`next typegen && tsc`), before it
  // builds it (tests/support/build-app.ts): its build skips the same check (~25 s).
  typescript: { ignoreBuildErrors: process.env.PAPERPULSE_TYPES_CHECKED === "1" },
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
