// `npm start`: build when the build is missing or older than the sources, then serve.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const outputs = ["build/server/index.js", "dist/server.js", "dist/squiggle-runner.mjs"];
const sources = ["app", "db", "server", "server.ts", "vite.config.ts", "package.json", "public"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const builtAt = Math.min(...outputs.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
if (builtAt === 0 || Math.max(...sources.map(newest)) > builtAt) {
  console.log("Building Forkcast (first start or sources changed)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Heap bounds from package.json ("forkcast.serverNodeFlags"; see docs/decisions/013): without
// them V8 sizes three isolates for a big machine and keeps what it takes.
const { serverNodeFlags } = JSON.parse(readFileSync("package.json", "utf8")).forkcast;
const child = spawn(process.execPath, [...serverNodeFlags, "dist/server.js"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
