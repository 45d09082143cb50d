import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "PaperPulse",
    short_name: "PaperPulse",
    description: "Trending research papers, fast search and email digests.",
    start_url: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#b4461b",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml" }],
  };
}
