import { inject } from "vitest";

// Runs before each test file is imported, so lib/env.ts sees this run's own database.
process.env.DATABASE_URL = inject("databaseUrl");
