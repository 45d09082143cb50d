import { NextResponse } from "next/server";

const STYLE = `
:root{color-scheme:light dark;--bg:#fafaf9;--fg:#1c1917;--muted:#57534e;--line:#e7e5e4;--accent:oklch(0.48 0.16 40);--box:#fef2f2;--box-line:#fecaca}
@media (prefers-color-scheme:dark){:root{--bg:#0c0a09;--fg:#f5f5f4;--muted:#d6d3d1;--line:#292524;--accent:oklch(0.8 0.11 40);--box:#2a0f0f;--box-line:#7f1d1d}}
*{box-sizing:border-box}body{margin:0;min-height:100vh;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,sans-serif}
a{color:var(--accent)}.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px}
header,footer{border-bottom:1px solid var(--line)}footer{border:0;border-top:1px solid var(--line);color:var(--muted);font-size:14px}
.wrap{max-width:56rem;margin:0 auto;padding:12px 16px}.brand{font-weight:600;font-size:18px;color:var(--fg);text-decoration:none}.mark{color:var(--accent)}
main{max-width:56rem;margin:0 auto;padding:32px 16px}.box{border:1px solid var(--box-line);background:var(--box);border-radius:8px;padding:24px}
h1{font-size:18px;margin:0}p{margin:8px 0 0;color:var(--muted);font-size:14px}`;

const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The site's frame (header, main, footer, light and dark) around one message, answered by
 * proxy.ts itself with a status a page cannot have: Next.js renders every page with 200, and
 * these answers must not depend on the database.
 */
export function statusPageResponse(page: { status: number; title: string; message: string; retryAfterSeconds: number }): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(page.title)} · PaperPulse</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">Skip to content</a><header><div class="wrap"><a class="brand" href="/"><span class="mark" aria-hidden="true">◆</span> PaperPulse</a></div></header>
<main id="main"><div class="box" role="alert"><h1>${escape(page.title)}</h1><p>${escape(page.message)}</p><p><a href="/">Trending papers</a></p></div></main>
<footer><div class="wrap">PaperPulse lists papers from arXiv.</div></footer></body></html>`;
  return new NextResponse(html, {
    status: page.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(page.retryAfterSeconds), "Cache-Control": "no-store" },
  });
}
