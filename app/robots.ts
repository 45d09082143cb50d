import type { MetadataRoute } from "next";

import { env } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  return {
    // Personal pages reached by emailed links stay out of search engines.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/dev/", "/subscriptions/", "/unsubscribe", "/digest/"] },
    sitemap: `${env.APP_URL}/sitemap.xml`,
  };
}
