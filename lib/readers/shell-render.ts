import "server-only";

import { headers } from "next/headers";

import { isOwnPageRequest } from "@/lib/http/own-page";

/** Asks this server for a personal page's shell (personal-shells.ts) rather than a reader's page. */
export const SHELL_HEADER = "X-Personal-Shell";

/** Whether this render is a shell's: asked for by personal-shells.ts, which only this server can (lib/http/own-page.ts). */
export async function isPersonalShellRender(): Promise<boolean> {
  const requestHeaders = await headers();
  return requestHeaders.get(SHELL_HEADER) === "1" && isOwnPageRequest({ headers: requestHeaders });
}
