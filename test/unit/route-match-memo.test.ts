// The route-match memo (server/route-match-memo.ts) against the router's own matchRoutes: the
// same answer for every kind of route, on a second tree of the same shape the answer's routes
// are that tree's, and a tree of another shape is never answered from the first one's memo.
import { describe, expect, it } from "vitest";
import { matchRoutes as routerMatch, type AgnosticRouteObject } from "@remix-run/router";
import { installRouteMatchMemo, memoizeMatchRoutes, shapeOf } from "../../server/route-match-memo";

interface R {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: R[];
}

/** Shaped like Remix's tree: a root layout, index and dynamic routes, a pathless layout, optional and splat segments. */
function tree(): R[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "index", index: true },
        { id: "post", path: "posts/:slug" },
        { id: "permalink", path: "posts/:slug/comments/:id" },
        { id: "post-edit", path: "posts/:slug/edit" },
        { id: "new", path: "posts/new" },
        { id: "Case", path: "About", caseSensitive: true },
        { id: "user", path: "users/:handle/:tab?" },
        { id: "docs", path: "docs/*" },
        { id: "svg", path: "api/forecasts/:id.svg" },
        { id: "sens", path: "api/forecasts/:id/sensitivity" },
        {
          id: "settings-layout",
          children: [
            { id: "settings", path: "settings" },
            { id: "settings-index", path: "settings/profile", children: [{ id: "settings-profile-index", index: true }] },
          ],
        },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/posts/bio-anchors",
  "/posts/bio-anchors?sensitivity=1#sensitivity",
  "/posts/new",
  "/posts/bio-anchors/comments/12",
  "/posts/bio-anchors/edit",
  "/posts/caf%C3%A9",
  "/About",
  "/about",
  "/users/ada",
  "/users/ada/forks",
  "/docs/a/b/c",
  "/api/forecasts/7.svg",
  "/api/forecasts/7/sensitivity",
  "/settings",
  "/settings/profile",
  "/nowhere/at/all",
];

/** The router's own answer, on our test trees. */
const matchRoutes = (routes: R[], location: string | { pathname: string }, basename?: string) => routerMatch(routes as unknown as AgnosticRouteObject[], location, basename);

const everyRoute = (routes: R[]): R[] => routes.flatMap((r) => [r, ...everyRoute(r.children ?? [])]);

/** A match with its route named by id, so answers from two trees compare. */
const named = (ms: ReturnType<typeof matchRoutes>) => ms?.map((m) => ({ ...m, route: (m.route as R).id })) ?? null;

describe("the route-match memo", () => {
  it("answers every path as the router does, first time and kept, by string or by location", () => {
    const memo = memoizeMatchRoutes(routerMatch as never);
    const routes = tree();
    for (const path of PATHS) {
      const truth = matchRoutes(routes, path);
      for (let i = 0; i < 2; i++) {
        const got = memo(routes, path) as ReturnType<typeof matchRoutes>;
        expect(got).toEqual(truth);
        // The very route objects of the tree passed in, and one params object, as the router gives.
        got?.forEach((m, n) => expect(m.route).toBe(truth![n]!.route));
        if (got && got.length > 1) expect(got[0]!.params).toBe(got[1]!.params);
      }
      const bare = path.split(/[?#]/)[0]!;
      expect(memo(routes, { pathname: bare }) as unknown).toEqual(matchRoutes(routes, { pathname: bare }));
    }
  });

  it("answers a new tree of the same shape with that tree's routes", () => {
    const memo = memoizeMatchRoutes(routerMatch as never);
    const first = tree();
    const second = tree();
    expect(shapeOf(second)).toBe(shapeOf(first));
    for (const path of PATHS) memo(first, path);
    for (const path of PATHS) {
      const got = memo(second, path) as ReturnType<typeof matchRoutes>;
      expect(named(got)).toEqual(named(matchRoutes(second, path)));
      const own = everyRoute(second);
      got?.forEach((m) => expect(own).toContain(m.route));
    }
  });

  it("keeps answers apart by basename, and hands out params a caller may change", () => {
    const memo = memoizeMatchRoutes(routerMatch as never);
    const routes = tree();
    expect(named(memo(routes, "/app/posts/x", "/app") as never)).toEqual(named(matchRoutes(routes, "/app/posts/x", "/app")));
    expect(memo(routes, "/app/posts/x")).toBeNull();
    const once = memo(routes, "/posts/x") as ReturnType<typeof matchRoutes>;
    (once![0]!.params as Record<string, string>).slug = "changed";
    expect((memo(routes, "/posts/x") as ReturnType<typeof matchRoutes>)![0]!.params.slug).toBe("x");
  });

  it("never answers a tree of another shape from what it kept", () => {
    const memo = memoizeMatchRoutes(routerMatch as never);
    const routes = tree();
    expect(named(memo(routes, "/posts/new") as never)?.at(-1)?.route).toBe("new");
    const other = tree();
    other[0]!.children = other[0]!.children!.filter((r) => r.id !== "new");
    expect(shapeOf(other)).not.toBe(shapeOf(routes));
    expect(named(memo(other, "/posts/new") as never)?.at(-1)?.route).toBe("post");
  });
});

describe("installRouteMatchMemo", () => {
  it("puts the memo where the server runtime calls it, once", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const router = require("@remix-run/router") as { matchRoutes: typeof routerMatch & { memoized?: true } };
    const original = router.matchRoutes;
    installRouteMatchMemo();
    installRouteMatchMemo();
    expect(router.matchRoutes.memoized).toBe(true);
    expect(router.matchRoutes).not.toBe(original);
    const { matchServerRoutes } = require("@remix-run/server-runtime/dist/routeMatching.js") as { matchServerRoutes: (routes: R[], path: string) => { route: R }[] | null };
    const routes = tree();
    for (const path of PATHS) expect(matchServerRoutes(routes, path)?.map((m) => m.route.id) ?? null).toEqual(original(routes as unknown as AgnosticRouteObject[], path)?.map((m) => (m.route as R).id) ?? null);
  });
});
