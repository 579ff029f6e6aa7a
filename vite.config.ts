import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  // Pre-bundled up front: discovering them on the first page load reloads the page mid-hydration.
  optimizeDeps: { include: ["socket.io-client", "vega-embed", "vega", "vega-lite"] },
  server: { watch: { ignored: ["**/data/**", "**/var/**", "**/build/**", "**/dist/**", "**/screenshots/**"] } },
  build: { chunkSizeWarningLimit: 1200 },
});
