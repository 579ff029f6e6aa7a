import { defineConfig } from "vitest/config";

// Separate from vite.config.ts so the Remix plugin never loads under vitest.
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "test/unit/**/*.test.ts", "test/architecture/**/*.test.ts", "test/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
