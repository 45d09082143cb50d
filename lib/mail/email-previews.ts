import "server-only";

import { emailPreviews, type EmailPreview } from "@/emails/previews";

import type { RenderedEmail } from "./mail-message";

export type RenderedPreview = RenderedEmail & { name: string; title: string };

function render(name: string, { title, props, render }: EmailPreview<unknown>): RenderedPreview {
  return { name, title, ...render(props) };
}

/** Every template rendered with its preview props, for /dev/emails. */
export function renderEmailPreviews(): RenderedPreview[] {
  return Object.entries(emailPreviews).map(([name, preview]) => render(name, preview));
}

/** One template by name, or null for a name no template has. */
export function renderEmailPreview(name: string): RenderedPreview | null {
  return Object.hasOwn(emailPreviews, name) ? render(name, emailPreviews[name as keyof typeof emailPreviews]) : null;
}
