// Bundles the custom Express server (and later the compute worker) for production.
// Packages stay external: node_modules is installed beside it.
import { build } from "esbuild";

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
