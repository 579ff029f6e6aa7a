// Remix matches a request's path against the whole route tree five or six times per page (the
// server's handler, the static handler, the router's render, the lazy-discovery manifest), and
// every match flattens and ranks all ~50 routes and compiles a regular expression per branch
// tried: about an eighth of a page's CPU in a profile (docs/decisions/032). The answer depends only
// on the tree's shape (each route's path, index and caseSensitive flags, and children) and
// the path, so it is kept here by both and rebuilt on the routes the caller passed in.
import { createRequire } from "node:module";

interface RouteLike {
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteLike[];
}

interface Match {
  params: Record<string, string | undefined>;
  pathname: string;
  pathnameBase: string;
  route: RouteLike;
}

type MatchRoutes = (routes: RouteLike[], location: string | { pathname?: string }, basename?: string) => Match[] | null;

/** What a kept answer holds: where each matched route sits in the tree, never the route objects. */
interface Kept {
  at: number[];
  params: Record<string, string | undefined>;
  pathnames: [string, string][];
}

/** Paths kept per tree shape; a site's pages are many but the hot ones few. */
const PATHS_PER_SHAPE = 2000;

const shapes = new WeakMap<RouteLike[], string>();

/** A string naming everything about a tree that matching reads. */
export function shapeOf(routes: RouteLike[]): string {
  let known = shapes.get(routes);
  if (known === undefined) {
    known = routes.map((r) => `${r.index === true ? "i" : ""}${r.caseSensitive === true ? "c" : ""}:${r.path ?? ""}${r.children && r.children.length > 0 ? `(${shapeOf(r.children)})` : ""}`).join(",");
    shapes.set(routes, known);
  }
  return known;
}

/** `match`, kept by the tree's shape, the basename and the path (its query and hash aside). */
export function memoizeMatchRoutes(match: MatchRoutes): MatchRoutes {
  const byShape = new Map<string, Map<string, Kept | null>>();
  return (routes, location, basename = "/") => {
    const path = typeof location === "string" ? location.split(/[?#]/)[0]! : location.pathname;
    if (path === undefined) return match(routes, location, basename);
    const shape = shapeOf(routes);
    let paths = byShape.get(shape);
    if (!paths) byShape.set(shape, (paths = new Map()));
    const key = `${basename}\u0000${path}`;
    let kept = paths.get(key);
    if (kept === undefined) {
      const found = match(routes, location, basename);
      kept = found === null ? null : keep(routes, found);
      paths.set(key, kept);
      if (paths.size > PATHS_PER_SHAPE) paths.delete(paths.keys().next().value as string);
    } else {
      paths.delete(key);
      paths.set(key, kept);
    }
    return kept === null ? null : rebuild(routes, kept);
  };
}

function keep(routes: RouteLike[], found: Match[]): Kept {
  let level = routes;
  const at = found.map((m) => {
    const i = level.indexOf(m.route);
    if (i < 0) throw new Error("A matched route is not a child of the one before it");
    level = m.route.children ?? [];
    return i;
  });
  return { at, params: { ...found[0]?.params }, pathnames: found.map((m) => [m.pathname, m.pathnameBase]) };
}

function rebuild(routes: RouteLike[], kept: Kept): Match[] {
  // One params object shared by every match, as the router hands it out.
  const params = { ...kept.params };
  let level = routes;
  return kept.at.map((i, n) => {
    const route = level[i]!;
    level = route.children ?? [];
    return { params, pathname: kept.pathnames[n]![0], pathnameBase: kept.pathnames[n]![1], route };
  });
}

/**
 * Puts the memo in place of the router's export. The server runtime, React Router and Remix's
 * route discovery all call it through the module object (`router.matchRoutes(…)`), so they all
 * get it; the router's own internal calls are untouched.
 */
export function installRouteMatchMemo(): void {
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes & { memoized?: true } };
  if (router.matchRoutes.memoized) return;
  router.matchRoutes = Object.assign(memoizeMatchRoutes(router.matchRoutes), { memoized: true as const });
}
