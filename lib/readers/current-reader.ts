import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import { SESSION_COOKIE } from "./session-cookie";
import { readSession, type ReaderSession } from "./sessions";

/** The signed-in reader of this request, read once per render however many components ask. */
export const getCurrentReader = cache(async (): Promise<ReaderSession | null> => {
  return readSession((await cookies()).get(SESSION_COOKIE)?.value);
});
