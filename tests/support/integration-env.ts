import { inject } from "vitest";

// Runs before each test file is imported, so lib/env.ts sees the database of this file's worker
// (VITEST_POOL_ID counts the workers from 1). Files of one worker share it, one after another.
const databaseUrl = inject("databaseUrls")[Number(process.env.VITEST_POOL_ID) - 1];
if (!databaseUrl) throw new Error(`No test database for worker ${process.env.VITEST_POOL_ID}`);
process.env.DATABASE_URL = databaseUrl;
