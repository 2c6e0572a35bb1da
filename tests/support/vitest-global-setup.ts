import type { TestProject } from "vitest/node";
import { ensurePgliteTemplate } from "./pglite-template";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite data directory database tests start from; "" on a PostgreSQL run. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const onPostgres = Boolean(process.env.DATABASE_URL);
  project.provide("pgliteTemplate", onPostgres ? "" : await ensurePgliteTemplate(process.cwd()));
}
