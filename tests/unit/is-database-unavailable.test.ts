import { describe, expect, it } from "vitest";

import { isDatabaseUnavailable, isStatementTimeout } from "@/lib/http/is-database-unavailable";

/** An error as the pg driver throws it for PostgreSQL's answer (raw reads, lib/db-read.ts). */
const postgresError = (code: string) => Object.assign(new Error("from PostgreSQL"), { code, severity: "FATAL" });
/** As Prisma's pg adapter wraps the same. */
const prismaError = (cause: object) => Object.assign(new Error("from Prisma"), { meta: { driverAdapterError: { cause } } });

describe("isDatabaseUnavailable", () => {
  it("recognises the driver's own errors as Prisma's wrapping of them", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      syscall: "connect",
      errno: -111,
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(prismaError({ kind: "DatabaseNotReachable" }))).toBe(true);
    for (const code of ["57P01", "08006", "53300"]) {
      expect(isDatabaseUnavailable(postgresError(code)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(prismaError({ kind: "postgres", originalCode: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError({ kind: "TooManyConnections" }))).toBe(true);
  });

  it("leaves wrong queries and cancelled statements to their own handling", () => {
    for (const code of ["42P01", "57014", "23505"]) {
      expect(isDatabaseUnavailable(postgresError(code)), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isStatementTimeout(postgresError("57014"))).toBe(true);
  });
});
