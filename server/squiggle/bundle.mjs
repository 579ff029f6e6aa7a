// Bundles the Squiggle sandbox (server/squiggle/runner.ts) with the interpreter into one
// self-contained file: under Node's permission model the sandbox may read that file and
// nothing else, so nothing may stay external. `.mjs`, so Node need not look for a
// package.json to learn the module type. Used by the build and, from source, by the pool.
import { build } from "esbuild";
import { fileURLToPath, URL } from "node:url";

export async function buildSquiggleRunner(outfile) {
  await build({
    entryPoints: [fileURLToPath(new URL("./runner.ts", import.meta.url))],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // CommonJS dependencies of the interpreter call require(); give the ES module one.
    banner: { js: "import { createRequire as __forkcastRequire } from 'node:module'; const require = __forkcastRequire(import.meta.url);" },
    logLevel: "warning",
  });
}
