import "server-only";

import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { fontCoverage } from "./font-coverage";

// Geist draws the text; the KaTeX fonts add the Greek letters and math symbols cleaned titles
// carry. All are OFL-licensed copies in assets/fonts (see OFL.txt there), read from disk so that
// rendering a card never goes to the network; next.config.js ships them with the standalone build.
const FILES = [
  { name: "Geist", file: "Geist-Regular.ttf", style: "normal" },
  { name: "KaTeX Main", file: "KaTeX_Main-Regular.ttf", style: "normal" },
  { name: "KaTeX Math", file: "KaTeX_Math-Italic.ttf", style: "italic" },
] as const;

export type CardFont = { name: string; data: Buffer; weight: 400; style: "normal" | "italic" };
export type CardFonts = { fonts: CardFont[]; covered: Set<number> };

let loading: Promise<CardFonts> | undefined;

/** The card's fonts and every code point one of them draws; read once per process. */
export function loadCardFonts(): Promise<CardFonts> {
  loading ??= Promise.all(FILES.map(({ file }) => readFile(join(process.cwd(), "assets/fonts", file)))).then((buffers) => ({
    fonts: buffers.map((data, index) => ({ name: FILES[index]!.name, data, weight: 400, style: FILES[index]!.style })),
    covered: new Set(buffers.flatMap((data) => [...fontCoverage(data)])),
  }));
  return loading;
}
