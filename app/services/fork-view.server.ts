// A fork as its comment shows it: the diff with reasons, the shift in words, the per-input
// attribution with the crux, staleness, and where its overlay chart is drawn.
import { describeShift } from "../charts/index";
import { CODE_CHANGE, diffInputs, formatHeadline } from "../forecast/index";
import { codeDiff } from "../forecast/squiggle/code-diff";
import type { ForecastService } from "./forecasts.server";
import { presentAttribution } from "./analysis.server";
import type { AttributionRecord, ForkPresentation, LegacyAttribution } from "./types";

export async function presentFork(
  forecasts: ForecastService,
  forecastId: number,
  opts: { currentPostForecastId: number | null; authorName: string },
): Promise<ForkPresentation | null> {
  const fork = await forecasts.load(forecastId);
  if (!fork.row.parentForecastId || !fork.result || !fork.model) return null;
  const parent = await forecasts.load(fork.row.parentForecastId);
  if (!parent.result) return null;
  const rationales = JSON.parse(fork.row.rationales) as Record<string, string>;
  const diff = diffInputs(fork.model, parent.inputs, fork.inputs).map((d) => ({
    name: d.name,
    label: d.label,
    from: d.fromText,
    to: d.toText,
    rationale: Object.hasOwn(rationales, d.name) ? rationales[d.name]! : null,
  }));
  const primaryParent = parent.result.headlines[0];
  const primaryFork = fork.result.headlines[0];
  const stored = JSON.parse(fork.row.attribution) as LegacyAttribution[] | AttributionRecord | null;
  const base = primaryParent?.value ?? null;
  const legacy = Array.isArray(stored) ? stored : [];
  const distance = (v: number | null) => (v === null || base === null ? -1 : Math.abs(v - base));
  const crux = legacy.length ? legacy.reduce((a, b) => (distance(b.alone) > distance(a.alone) ? b : a)) : null;
  const fmt = (v: number | null) => formatHeadline({ format: primaryParent?.format ?? "number", value: v });
  const shift = fork.row.shift ?? describeShift(parent.result, fork.result);
  const parentIsPostVersion = parent.row.commentId === null;
  const program = await forecasts.programOf(fork.row);
  const parentProgram = await forecasts.programOf(parent.row);
  const code =
    program && parentProgram && program.hash !== parentProgram.hash
      ? { diff: codeDiff(await forecasts.effectiveCode(parent.row) ?? parentProgram.source, program.source), rationale: Object.hasOwn(rationales, CODE_CHANGE) ? rationales[CODE_CHANGE]! : null }
      : null;
  return {
    forecastId,
    authorId: fork.row.authorId,
    authorName: opts.authorName,
    parentForecastId: fork.row.parentForecastId,
    modelTitle: fork.model.title,
    diff,
    shift,
    headline: { label: primaryParent?.label ?? "", format: primaryParent?.format ?? "number", parent: base, fork: primaryFork?.value ?? null },
    attribution: stored && !Array.isArray(stored) && stored.v === 2 ? presentAttribution(stored) : null,
    legacyAttribution: legacy.map((a) => ({ label: a.label, text: `${fmt(base)} → ${fmt(a.alone)}`, crux: a === crux })),
    code,
    squiggle: program !== null,
    chartUrl: `/api/forecasts/${forecastId}.overlay.svg`,
    description: shift,
    stale: parentIsPostVersion && opts.currentPostForecastId !== null && parent.row.id !== opts.currentPostForecastId,
    rebased: false,
    quick: fork.model.quick ?? null,
  };
}

