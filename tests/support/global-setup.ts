import type { TestProject } from "vitest/node";

import { provisionTestDatabase } from "../../scripts/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await provisionTestDatabase({ seed: true });
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
