import { readFile } from "node:fs/promises";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
  }
}

let template: Promise<Blob> | undefined;

/**
 * A migrated PGlite data folder, dumped once per test run (test/global-setup.ts):
 * loading it costs about a second, where initdb costs five.
 */
export function pgliteTemplate(): Promise<Blob> {
  template ??= readFile(inject("pgliteTemplatePath")).then((bytes) => new Blob([bytes]));
  return template;
}
