// Bundles the custom Express server and the compute worker for production (packages stay
// external: node_modules is installed beside them), and the self-contained Squiggle sandbox.
import { build } from "esbuild";
import { buildSquiggleRunner } from "../server/squiggle/bundle.mjs";

await build({
  entryPoints: { server: "server.ts", "compute.worker": "server/compute.worker.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
await buildSquiggleRunner("dist/squiggle-runner.mjs");
