import type { MetadataRoute } from "next";

import { env } from "@/lib/env";

// Built at request time: APP_URL is the running server's, unknown when the app is built.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    // Personal pages reached by emailed links stay out of search engines.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/dev/", "/subscriptions/", "/unsubscribe", "/digest/"] },
    sitemap: `${env.APP_URL}/sitemap.xml`,
  };
}
