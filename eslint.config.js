import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The import boundaries of docs/decisions/001: pure cores import nothing of ours outside
// themselves, routes and components never touch the database, only services do.
const noDbOrServices = {
  patterns: [
    { group: ["**/db/*", "**/db/**", "drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "Only services touch the database." },
    { group: ["**/services/*.server", "~/services/*.server"], allowTypeImports: true, message: "Routes reach services through the load context, not imports." },
  ],
};
const pureCore = {
  patterns: [
    { group: ["node:*", "fs", "path", "crypto", "react", "react-dom", "@remix-run/*", "drizzle-orm", "better-sqlite3", "socket.io", "vega", "vega-embed"], message: "Pure cores do no IO and render nothing." },
    { group: ["../services/*", "../utils/*", "../components/*", "../routes/*", "~/*", "../../db/*"], message: "Pure cores import nothing of ours outside themselves." },
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
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='transaction'] > ArrowFunctionExpression[async=true]", message: "better-sqlite3 transactions are synchronous: compute before, broadcast after." },
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", setTimeout: "readonly", URL: "readonly" } },
  },
  { files: ["app/routes/**", "app/components/**"], rules: { "no-restricted-imports": ["error", noDbOrServices] } },
  { files: ["app/forecast/**", "app/charts/**", "app/discussion/**"], rules: { "no-restricted-imports": ["error", pureCore] } },
  {
    files: ["app/forecast/**", "app/charts/**", "app/discussion/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Randomness is an argument to pure code (seeded PRNG)." },
        { object: "Date", property: "now", message: "Time is an argument to pure code." },
      ],
      "no-console": "error",
    },
  },
);
