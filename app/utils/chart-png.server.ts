// Social-card PNGs of our charts (docs/decisions/027): the server SVG, centred on a 1200×630
// card, rasterised by resvg (@resvg/resvg-js, a native build per platform). resvg gets no system
// font we could count on, so it is given Inter, the font the SVG names, from @fontsource/inter:
// the node binding reads only TrueType/OpenType files, so the package's WOFF files are unwrapped
// (woff.server.ts) once per process into a folder of their own under the system's temp dir.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentVersion } from "./asset-version.server";
import { appError } from "./errors";
import { woffToSfnt } from "./woff.server";

export const CARD = { width: 1200, height: 630 } as const;
/** Room left around the chart, so no platform's rounded crop clips an axis label. */
const MARGIN = { x: 30, y: 20 };
/** Bumped when the card's layout changes: part of every card's version, so old URLs stop being current. */
const CARD_LAYOUT = 1;

/** The weights our charts use (app/charts: labels 400, legends 500, titles 600) in the scripts names are written in. */
const INTER_FILES = ["latin", "latin-ext", "greek", "cyrillic"].flatMap((subset) => [400, 500, 600].map((weight) => `inter-${subset}-${weight}-normal.woff`));

let fonts: Promise<string[]> | null = null;
function interFonts(): Promise<string[]> {
  fonts ??= (async () => {
    const require = createRequire(import.meta.url);
    const woffs = await Promise.all(INTER_FILES.map((name) => readFile(require.resolve(`@fontsource/inter/files/${name}`))));
    // Named by the bytes: processes sharing the folder agree on its contents, and each writes a
    // file under a private name before renaming it into place, so nobody reads half a file.
    const digest = createHash("sha256");
    for (const w of woffs) digest.update(w);
    const dir = join(tmpdir(), `forkcast-fonts-${digest.digest("hex").slice(0, 12)}`);
    await mkdir(dir, { recursive: true });
    return Promise.all(
      woffs.map(async (woff, i) => {
        const path = join(dir, INTER_FILES[i]!.replace(/\.woff$/, ".ttf"));
        const temp = `${path}.${process.pid}.tmp`;
        await writeFile(temp, woffToSfnt(woff));
        await rename(temp, path);
        return path;
      }),
    );
  })();
  fonts.catch(() => {
    fonts = null;
  });
  return fonts;
}

/** The version of the card drawn from these SVG bytes: what `?v=` and the ETag of the PNG say. */
export function cardVersion(svg: string): string {
  return contentVersion(`card${CARD_LAYOUT}:${svg}`);
}

// The static Inter files name each weight as a family of its own ("Inter SemiBold"), and resvg
// matches weights only within one family: a weight is asked for by that family's name.
const WEIGHT_FAMILIES: Record<string, string> = { "500": "Inter Medium", "600": "Inter SemiBold", "700": "Inter SemiBold", bold: "Inter SemiBold" };

function weightsAsFamilies(markup: string): string {
  return markup.replace(/<[^<>]*\sfont-weight="([^"]+)"[^<>]*>/g, (tag, weight: string) => {
    const family = WEIGHT_FAMILIES[weight];
    return family ? tag.replace(/\sfont-family="[^"]*"/, "").replace(/(\/?>)$/, ` font-family="${family}"$1`) : tag;
  });
}

/** The chart SVG placed on the card: a nested <svg> keeps its viewBox and scales as a whole. */
export function cardSvg(svg: string, background = "#ffffff"): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  const box = open && /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(open[0]);
  if (!open || !box) throw new Error("A chart SVG with a viewBox was expected");
  const [w, h] = [Number(box[1]), Number(box[2])];
  const scale = Math.min((CARD.width - 2 * MARGIN.x) / w, (CARD.height - 2 * MARGIN.y) / h);
  const [cw, ch] = [w * scale, h * scale];
  const attrs = open[0]
    .replace(/\s(width|height|x|y)="[^"]*"/g, "")
    .replace(/>$/, ` x="${((CARD.width - cw) / 2).toFixed(2)}" y="${((CARD.height - ch) / 2).toFixed(2)}" width="${cw.toFixed(2)}" height="${ch.toFixed(2)}">`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">` +
    `<rect width="${CARD.width}" height="${CARD.height}" fill="${background}"/>${attrs}${weightsAsFamilies(svg.slice(open[0].length))}</svg>`
  );
}

// A render holds a libuv thread for 30–80 ms; these bound how many run and wait at once, so a
// burst of crawlers costs a few threads and a short queue, then 503s with Retry-After.
const RUNNING_CAP = 2;
const WAITING_CAP = 16;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= RUNNING_CAP) {
    if (waiting.length >= WAITING_CAP) throw appError(503, "Too many chart images are being drawn right now; try again in a few seconds.", undefined, 5);
    await new Promise<void>((go) => waiting.push(go));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    // The slot passes straight to the next in line; `running` counts it still taken.
    if (next) next();
    else running--;
  }
}

const CACHE_CAP = 64;
/** Cards by version (insertion-ordered Map as an LRU); a failed render is not kept. */
const cache = new Map<string, Promise<Buffer>>();

/** The card for a chart SVG as PNG bytes, 1200×630. */
export function cardPng(svg: string): Promise<Buffer> {
  const key = cardVersion(svg);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = slot(async () => {
    // Loaded on first use: on a platform without a prebuilt binary only the cards fail, not the server.
    const { renderAsync } = await import("@resvg/resvg-js");
    const image = await renderAsync(cardSvg(svg), {
      font: { fontFiles: await interFonts(), loadSystemFonts: false, defaultFontFamily: "Inter", sansSerifFamily: "Inter" },
      fitTo: { mode: "original" },
      logLevel: "off",
    });
    return image.asPng();
  });
  cache.set(key, pending);
  if (cache.size > CACHE_CAP) cache.delete(cache.keys().next().value as string);
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return pending;
}
