import type { TestProject } from "vitest/node";

import { provisionTestDatabases } from "../../scripts/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** One database per worker: files run side by side, each worker's one after another on its own. */
    databaseUrls: string[];
  }
}

export default async function setup(project: TestProject) {
  const databases = await provisionTestDatabases({ seed: true, count: project.config.maxWorkers });
  project.provide("databaseUrls", databases.urls);
  return () => databases.drop();
}
