// Where the sandbox's bundle is: beside the server bundle in production (npm run build makes
// it), or bundled afresh into a temporary directory when the server runs from source (dev,
// tests, benchmarks), so the sandbox always runs the code it sits next to.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export async function squiggleRunner(): Promise<{ path: string; dispose(): void }> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return { path: join(dirname(here), "squiggle-runner.mjs"), dispose() {} };
  const dir = mkdtempSync(join(tmpdir(), "forkcast-squiggle-"));
  const path = join(dir, "squiggle-runner.mjs");
  // A computed specifier: the server bundle must not pull the bundler (a dev dependency) in.
  const bundler = new URL("./bundle.mjs", import.meta.url).href;
  const { buildSquiggleRunner } = (await import(bundler)) as { buildSquiggleRunner(outfile: string): Promise<void> };
  await buildSquiggleRunner(path);
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
