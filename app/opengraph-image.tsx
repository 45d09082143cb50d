import { CARD_SIZE } from "@/lib/social-card/card-content";
import { renderCard } from "@/lib/social-card/render-card";

// The site's card, for every page without its own (paper pages draw theirs at /cards/{id}).
export const alt = "PaperPulse — trending research papers";
export const size = CARD_SIZE;
export const contentType = "image/png";

export default function Image() {
  return renderCard(
    { title: "Trending research papers", byline: "What researchers are reading today", footer: "arXiv · search · email digests" },
    "public, max-age=86400",
  );
}
