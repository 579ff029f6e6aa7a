// Embeds (docs/decisions/027): the iframe other sites put a forecast in, its size, the snippet
// the Embed button gives, and which of our URLs an oEmbed consumer may ask about. Shared by the
// post page's button, the embed page and /oembed, so the snippet and the answer agree.
import { z } from "zod";

export const embedPath = (forecastId: number) => `/embed/forecasts/${forecastId}`;

/** The wide layout's frame; the chart's own drawing is 680×400 (app/charts/theme.ts). */
export const EMBED_DEFAULT = { width: 680, height: 556 } as const;
const EMBED_MIN_WIDTH = 280;
/** At or below this width the page draws the phone chart (300×380), as app.css's phone rules do. */
const PHONE_BREAK = 600;

/** What the frame needs at a width: the chart at that width plus the title, headlines and link. */
function heightAt(width: number): number {
  if (width > PHONE_BREAK) return Math.round(((width - 24) * 400) / 680 + 170);
  return Math.round(((width - 24) * 380) / 300 + 250);
}

/** The iframe's size within a consumer's maxwidth/maxheight (oEmbed §2.2): never over them. */
export function embedSize(max: { maxwidth?: number; maxheight?: number } = {}): { width: number; height: number } {
  const width = Math.max(EMBED_MIN_WIDTH, Math.min(EMBED_DEFAULT.width, max.maxwidth ?? EMBED_DEFAULT.width));
  const height = Math.min(heightAt(width), max.maxheight ?? Number.POSITIVE_INFINITY);
  return { width, height: Math.max(1, Math.round(height)) };
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function iframeSnippet(origin: string, forecastId: number, title: string, size = embedSize()): string {
  return `<iframe src="${escapeAttr(`${origin}${embedPath(forecastId)}`)}" width="${size.width}" height="${size.height}" title="${escapeAttr(title)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

export const embedQuerySchema = z.object({ theme: z.enum(["light", "dark", "auto"]).catch("auto") });
export type EmbedTheme = z.infer<typeof embedQuerySchema>["theme"];

const dimension = (name: string) =>
  z.coerce.number({ error: `${name} must be a number of pixels.` }).int(`${name} must be a whole number of pixels.`).positive(`${name} must be positive.`).max(10_000, `${name} is larger than any screen.`).optional();

/** oEmbed's parameters; others a consumer sends (lang, theme…) are ignored, as the spec allows. */
export const oembedQuerySchema = z.object({
  url: z.string({ error: "Give the URL of a post or forecast on this site: /oembed?url=…&format=json." }).min(1, "Give the URL of a post or forecast on this site.").max(2000, "That URL is too long to be ours."),
  format: z.string().optional(),
  maxwidth: dimension("maxwidth"),
  maxheight: dimension("maxheight"),
});

/** The forecast-bearing pages an oEmbed consumer may name, read off the path. */
export type EmbeddableTarget = { kind: "post"; slug: string } | { kind: "comment"; slug: string; commentId: number } | { kind: "forecast"; id: number };

export function embeddableTarget(path: string): EmbeddableTarget | null {
  let clean: string;
  try {
    clean = decodeURIComponent(path).replace(/\/+$/, "");
  } catch {
    return null;
  }
  let m = /^\/posts\/([^/]+)$/.exec(clean);
  if (m) return { kind: "post", slug: m[1]! };
  m = /^\/posts\/([^/]+)\/comments\/(\d{1,15})$/.exec(clean);
  if (m) return { kind: "comment", slug: m[1]!, commentId: Number(m[2]) };
  m = /^\/(?:embed\/)?forecasts\/(\d{1,15})$/.exec(clean);
  if (m) return { kind: "forecast", id: Number(m[1]) };
  return null;
}
