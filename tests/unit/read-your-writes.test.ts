import { describe, expect, it } from "vitest";

import { markReadsForPrimary, READ_PRIMARY_HEADER, RECENT_WRITE_COOKIE, RECENT_WRITE_COOKIE_OPTIONS } from "@/lib/http/read-your-writes";

const cookieJar = (...names: string[]) => new Set(names);

describe("read-your-own-writes", () => {
  it("marks a write to read from the primary, and asks for the short-lived cookie", () => {
    const headers = new Headers();
    expect(markReadsForPrimary("POST", cookieJar(), headers)).toBe(true);
    expect(headers.get(READ_PRIMARY_HEADER)).toBe("1");
    expect(RECENT_WRITE_COOKIE_OPTIONS).toMatchObject({ httpOnly: true, maxAge: 30 });
  });

  it("sends the reads of a client that wrote moments ago to the primary", () => {
    const headers = new Headers();
    expect(markReadsForPrimary("GET", cookieJar(RECENT_WRITE_COOKIE), headers)).toBe(false);
    expect(headers.get(READ_PRIMARY_HEADER)).toBe("1");
  });

  it("lets other reads go to a replica, whatever header a client sends", () => {
    const plain = new Headers();
    markReadsForPrimary("GET", cookieJar(), plain);
    expect(plain.get(READ_PRIMARY_HEADER)).toBeNull();
    const forged = new Headers({ [READ_PRIMARY_HEADER]: "1" });
    markReadsForPrimary("HEAD", cookieJar("other"), forged);
    expect(forged.get(READ_PRIMARY_HEADER)).toBeNull();
  });
});
