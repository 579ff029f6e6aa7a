import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layersPlugin } from "./eslint/layers.js";

// Imports of our own code are held by the layers rule (eslint/layers.js, docs/architecture.md).
// What remains here are the packages each area may not reach for.
const dbPackages = { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "Only services touch the database." };
const noDb = { patterns: [dbPackages] };
const pureCore = {
  patterns: [
    { group: ["node:*", "fs", "path", "crypto", "os", "child_process", "worker_threads", "react", "react-dom", "@remix-run/*", "socket.io", "socket.io-client", "vega", "vega-embed", "vega-interpreter"], message: "Pure cores do no IO and render nothing." },
    dbPackages,
    { group: ["vega-lite", "vega-lite/*"], allowTypeImports: true, message: "Chart builders return specs; compiling and rendering them is IO-side work (app/utils/chart-svg.server.ts)." },
  ],
};

export default tseslint.config(
  { ignores: ["build/", "dist/", "node_modules/", "data/", "var/", "screenshots/", "db/migrations/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // URL and text policies match control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // Every query is a promise on both engines: one left unawaited is a write that may not
    // land before the response, or an error nobody sees.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": ["error", { checkThenables: true }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false, attributes: false, returns: false } }],
    },
  },
  {
    // db/ implements store.write; everything else writes through it (docs/decisions/026).
    files: ["app/**", "server/**", "test/**", "bench/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='transaction']", message: "Write through store.write (db/store.ts): it owns the transaction on both engines." },
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.mjs", "eslint/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", setTimeout: "readonly", URL: "readonly" } },
  },
  { plugins: { forkcast: layersPlugin }, rules: { "forkcast/layers": "error" } },
  { files: ["app/routes/**", "app/actions/**", "app/components/**", "app/live/**", "app/*.ts", "app/*.tsx"], rules: { "no-restricted-imports": ["error", noDb] } },
  {
    // Tests of a pure core may drive the IO side (compile a spec, render an SVG) to check it.
    files: ["app/forecast/**", "app/charts/**", "app/discussion/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", pureCore],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Randomness is an argument to pure code (seeded PRNG)." },
        { object: "Date", property: "now", message: "Time is an argument to pure code." },
      ],
      "no-console": "error",
    },
  },
);
