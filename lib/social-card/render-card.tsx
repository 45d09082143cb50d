import "server-only";

import { ImageResponse } from "next/og";

import { SocialCard } from "@/components/social-card";

import { loadCardFonts } from "./card-fonts";
import { CARD_SIZE, drawableText } from "./card-content";

type CardText = { title: string; byline?: string; footer: string };

/** The card as a PNG response; its text keeps only what the bundled fonts draw (see card-fonts.ts). */
export async function renderCard(text: CardText, cacheControl: string): Promise<Response> {
  const { fonts, covered } = await loadCardFonts();
  const title = drawableText(text.title, covered) || "PaperPulse";
  const byline = text.byline && drawableText(text.byline, covered);
  const footer = drawableText(text.footer, covered);
  return new ImageResponse(<SocialCard title={title} byline={byline || undefined} footer={footer} />, {
    ...CARD_SIZE,
    fonts,
    headers: { "Cache-Control": cacheControl },
  });
}
