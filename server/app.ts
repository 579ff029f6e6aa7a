import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { openStore } from "../db/open";
import type { Store } from "../db/store";
import { seedIfEmpty } from "./seed/index";
import { createServices, type Services } from "../app/services/index.server";
import { sessionTokenFrom } from "../app/utils/cookies.server";
import { securityHeaders, sameOriginWrites, readBody, writeConcurrency } from "./middleware";
import { remixHandler } from "./remix-handler";
import { installRouteMatchMemo } from "./route-match-memo";
import { createRenderTurns } from "./render-turns";
import { PageCache } from "./page-cache";
import { runAs } from "./request-scope";
import { contentSecurityPolicy, cspNonceOf } from "./csp";
import { openReadCors } from "./cors";
import { createComputePool } from "./compute-pool";
import { createSquigglePool, type SquiggleSandbox } from "./squiggle/pool";
import { squiggleRunner } from "./squiggle/runner-path";
import { attachLive } from "./live";
import type { CrossNodeAdapter } from "./live-adapter";
import { createLiveSlot } from "../app/services/broadcast";
import { useChartRenderer, warmUpCharts } from "../app/utils/chart-svg.server";
import { forecastSpec } from "../app/charts/index";
import { listModels, runModel } from "../app/forecast/index";

export interface AppServerOptions {
  mode: "production" | "development";
  port: number;
  host?: string;
  databasePath: string;
  /** postgres://…: run on PostgreSQL instead of the SQLite file at databasePath. */
  databaseUrl?: string;
  seed?: boolean;
  trustProxy?: number;
  /** Wall-clock budget of one model run in the worker pool. */
  computeTimeoutMs?: number;
  /** Wall-clock budget of one Markdown render in the worker pool (server/compute-pool.ts). */
  markdownBudgetMs?: number;
  /** How often the live channel looks for expired sessions with sockets open (default 30 s). */
  liveSessionSweepMs?: number;
  /** Where the live channel reports refused and misbehaving sockets. */
  liveLog?: (line: string) => void;
  log?: (line: string) => void;
  /** Rate limits (app/discussion/rate-limits.ts); on unless a load or crash test turns them off. */
  rateLimits?: boolean;
  /** Keep signed-out documents between writes (server/page-cache.ts); on unless measured without. */
  pageCache?: boolean;
  /** Keep interactive parts by their props (components/rendered-once.tsx); on unless measured or checked without. */
  partCache?: boolean;
  /** Threads of the model/Markdown worker pool in this process (server/cluster.ts says how many). */
  computeThreads?: number;
  /**
   * A cluster worker (server/cluster.ts): its listen joins the primary's port, live events
   * reach the other workers' sockets through this adapter, and the live channel is
   * WebSocket-only (a polling session's requests would land on different workers).
   */
  clusterWorker?: { adapter: NonNullable<Parameters<typeof attachLive>[1]["adapter"]> };
  /**
   * Live events and socket drops across app nodes (server/live-adapter.ts, ADR 030); used in
   * place of the cluster adapter, since it reaches this machine's other processes too. Closed
   * with the server.
   */
  crossNode?: CrossNodeAdapter;
  /**
   * Long-polling on the live channel. Default: on for one process, off with several processes
   * or nodes, where a polling session's requests could land on a process that never heard of
   * it; turn it on only behind a load balancer that keeps each client on one node.
   */
  livePolling?: boolean;
}

export interface AppServer {
  url: string;
  http: HttpServer;
  store: Store;
  services: Services;
  /** The Squiggle sandbox processes (tests watch them being replaced). */
  squiggle: SquiggleSandbox;
  live: ReturnType<typeof attachLive>;
  close(): Promise<void>;
}

/**
 * Writes one person may have in flight at once (server/middleware.ts writeConcurrency): a
 * browser keeps at most six connections to a host. Signed out, a whole network address shares
 * one allowance (offices and campuses sit behind one), so it is larger.
 */
const WRITES_IN_FLIGHT = { user: 8, address: 32 };

interface RequestSession {
  sessionToken: string | undefined;
  user: Awaited<ReturnType<Services["sessions"]["resolve"]>>;
  /** Who the request's work is for: "user:<id>", or "ip:<address>" when signed out. */
  owner: string;
}

// server/app.ts in the source tree and dist/server.js in the bundle both sit one level below the root.
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** One small run per model, so each chart kind's compile is cached before the first reader. */
function defaultChartSpecs() {
  return listModels().flatMap((m) => {
    const run = runModel(m.id, {}, { sampleCount: 2000 });
    return run.ok ? [forecastSpec(run.result)] : [];
  });
}

export async function createAppServer(options: AppServerOptions): Promise<AppServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  // On PostgreSQL, renders take turns with the event loop and wait while a write of this process is open.
  const renders = createRenderTurns();
  const store = await openStore({ url: options.databaseUrl, file: options.databasePath, onWrite: renders.hold });
  // Only where a write spans turns of the loop: on SQLite the turns made documents wait behind
  // every `.data` answer, and the 10-minute soak held more memory (ADR 033).
  const renderTurn = store.dialect === "postgres" ? renders.turn : () => Promise.resolve();
  const pool = createComputePool({ timeoutMs: options.computeTimeoutMs ?? 5000, markdownBudgetMs: options.markdownBudgetMs, ...(options.computeThreads ? { maxThreads: options.computeThreads } : {}) });
  const runnerBundle = await squiggleRunner();
  const squiggle = createSquigglePool({ runner: runnerBundle.path, budgetMs: options.computeTimeoutMs ?? 5000 });
  const slot = createLiveSlot();
  const services = createServices(store, { runner: pool, squiggle, live: slot.hub, rateLimits: options.rateLimits ?? true });
  // Charts are drawn on the workers, off the request loop. The first chart render and the first
  // model run pay JIT and worker start-up; pay them at boot, not on a reader's request.
  const restoreCharts = pool.drawsCharts ? useChartRenderer((spec, opts) => pool.chart(spec, opts)) : () => {};
  const specs = defaultChartSpecs();
  await Promise.all([pool.drawsCharts ? null : warmUpCharts(specs), pool.warmUp(pool.drawsCharts ? specs : [])]);
  if (options.seed) {
    const seeded = await seedIfEmpty(store, pool, squiggle);
    if (seeded) log(`Seeded demo content into ${store.dialect === "postgres" ? "the PostgreSQL database" : options.databasePath}`);
  }

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? 0);
  const http = createServer(app);
  // Longer than the idle timeouts of common proxies and browsers, so a keep-alive connection is
  // not closed by us at the moment a client reuses it (the client would see a reset).
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  // Attached before Remix's handler so engine.io owns /socket.io upgrades and polling.
  const live = attachLive(http, {
    resolveSession: async (cookie) => {
      const found = await services.sessions.resolveWithKey(sessionTokenFrom(cookie));
      return found ? { userId: found.user.id, sessionKey: found.sessionKey } : null;
    },
    sessionAlive: (sessionKey) => services.sessions.isLive(sessionKey),
    ...(options.liveSessionSweepMs ? { sweepMs: options.liveSessionSweepMs } : {}),
    postExists: (postId) => services.posts.exists(postId),
    ...(options.liveLog ? { log: options.liveLog } : {}),
    ...((options.crossNode ?? options.clusterWorker) ? { adapter: (options.crossNode ?? options.clusterWorker)!.adapter } : {}),
    websocketOnly: !(options.livePolling ?? !(options.crossNode || options.clusterWorker)),
  });
  slot.connect({ broadcast: live.emit, toUser: live.toUser, endUser: (userId, reason) => live.endUser(userId, reason), endSession: (key, reason) => live.endSession(key, reason) });

  app.use(securityHeaders(options.mode));
  // Before every route, static files and /healthz included: CSP belongs on every response.
  app.use(contentSecurityPolicy(options.mode));
  app.use(openReadCors());
  app.get("/healthz", (_req, res, next) => {
    // `pid` tells which process answered (WEB_CONCURRENCY > 1 runs several). Across nodes,
    // `liveServers` counts the socket.io servers this one reaches: fewer than the nodes running
    // means live events and bans are not reaching them all.
    const crossNode = options.crossNode;
    const liveServers = crossNode ? live.io.of("/").adapter.serverCount() : undefined;
    Promise.all([store.health(), liveServers]).then(
      ([health, servers]) => res.json({ ok: true, ...health, pid: process.pid, ...(crossNode ? { liveAdapter: crossNode.kind, liveServers: servers } : {}) }),
      next,
    );
  });
  // The session is resolved once per request; its person (or, signed out, the address) owns
  // the request: for the cap on writes in flight here, and for the worker pool's fair shares.
  // Static files skip it: they answer the same to everyone.
  app.use((req, res, next) => {
    if (req.path.startsWith("/assets/")) return next();
    const sessionToken = sessionTokenFrom(req.headers.cookie);
    services.sessions.resolve(sessionToken).then((user) => {
      res.locals.session = { sessionToken, user, owner: user ? `user:${user.id}` : `ip:${req.ip ?? "unknown"}` } satisfies RequestSession;
      next();
    }, next);
  });
  const sessionOf = (res: express.Response) => res.locals.session as RequestSession;
  app.use(sameOriginWrites());
  app.use(writeConcurrency((_req, res) => {
    const { owner, user } = sessionOf(res);
    return { owner, limit: user ? WRITES_IN_FLIGHT.user : WRITES_IN_FLIGHT.address };
  }));
  app.use(readBody());

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let closeVite: () => Promise<void> = async () => {};
  if (options.mode === "development") {
    const vite = await import("vite");
    const devServer = await vite.createServer({
      root,
      server: { middlewareMode: true, hmr: { server: http } },
      appType: "custom",
    });
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    closeVite = () => devServer.close();
  } else {
    app.use("/assets", express.static(resolve(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    // A file no longer here is one an older build named: a page open since then asks for it.
    // Answered here, since the app below needs the session the asset paths skip.
    app.use("/assets", (_req, res) => {
      res.status(404).type("text/plain").set("cache-control", "no-store").send("Not found: this file belongs to an earlier version of Forkcast. Reload the page to get the current one.");
    });
    // Only the few files at the top of build/client (favicon.svg…): statting every page's path
    // against the disk first cost each page request a file-system round trip.
    const topLevel = new Set(readdirSync(resolve(root, "build/client")));
    const serveTop = express.static(resolve(root, "build/client"), { maxAge: "1h" });
    app.use((req, res, next) => (topLevel.has(req.path.slice(1)) ? serveTop(req, res, next) : next()));
    installRouteMatchMemo();
    build = (await import(pathToFileURL(resolve(root, "build/server/index.js")).href)) as ServerBuild;
  }

  // Here, not earlier: readBody resumes the chain from a stream event, outside any scope.
  app.use((_req, res, next) => runAs(sessionOf(res).owner, next));
  app.all(
    "*",
    remixHandler({
      build,
      mode: options.mode,
      getLoadContext: (req, res) => {
        const { sessionToken, user } = sessionOf(res);
        return { services, user, sessionToken, cspNonce: cspNonceOf(res), inlineMarkup: new Map(), partCache: options.partCache !== false, documentRequest: !req.path.endsWith(".data"), ip: req.ip ?? "unknown", sharedPage: { routesAgree: false, failed: false }, renderTurn };
      },
      pages: options.pageCache === false ? undefined : { cache: new PageCache(), generation: () => store.generation() },
    }),
  );

  // In a cluster worker this asks the primary, which owns the port and hands connections over.
  await new Promise<void>((ok) => http.listen(options.port, options.host ?? "0.0.0.0", ok));
  const url = `http://localhost:${(http.address() as AddressInfo).port}`;

  return {
    url,
    http,
    store,
    services,
    squiggle,
    live,
    async close() {
      await live.close();
      await options.crossNode?.close();
      http.closeAllConnections();
      if (http.listening) await new Promise<void>((ok) => http.close(() => ok()));
      await closeVite();
      restoreCharts();
      await pool.close();
      await squiggle.close();
      runnerBundle.dispose();
      await store.close();
    },
  };
}
