// Bio Anchors chart: the arrival-year CDF, the model's main view.
import type { TopLevelSpec } from "vega-lite";
import type { ForecastResult } from "../forecast/types";
import { cdfEncoding, cdfLegendOrient, fitMedianLabel, halfGuide, hoverLayer, medianBeyondLayer, medianLayers } from "./cdf-layers";
import { cdfRows, inYears, isNum, yearDomain } from "./data";
import { findHeadline, yearSubtitle } from "./text";
import { formatPercent, formatYear } from "../forecast/format";
import { COLORS, frame, lineLegend, sourceLine, subtitle, tag, title, topLevel, type ChartOptions, type Layer } from "./theme";

export const FORECAST_LABEL = "This forecast";
export const REFERENCE_LABEL = "Cotra 2020 spreadsheet";
const SOURCE = "Model: Cotra 2020 Bio Anchors, reimplemented; faint dashed line: Cotra's spreadsheet";

export function bioAnchorsSpec(result: ForecastResult, options: ChartOptions = {}): TopLevelSpec {
  const f = frame(options);
  const all = cdfRows(result);
  const reference = cdfRows(result, "reference");
  const domain = yearDomain(all);
  const cdf = inYears(all, domain);
  const median = findHeadline(result, "median")?.value;
  const legend = lineLegend(
    [
      { label: FORECAST_LABEL, color: COLORS.accent },
      { label: REFERENCE_LABEL, color: COLORS.reference, dash: [5, 4] },
    ],
    cdfLegendOrient([cdf, reference], domain),
  );
  const layers: Layer[] = [halfGuide()];
  if (reference.length) {
    layers.push({
      data: { values: tag(reference.filter((r) => r.year >= domain[0] && r.year <= domain[1]), REFERENCE_LABEL) },
      mark: { type: "line", strokeWidth: 1.25, interpolate: "monotone" },
      encoding: legend,
    });
  }
  layers.push({
    data: { values: tag(cdf, FORECAST_LABEL) },
    mark: { type: "line", strokeWidth: 2.5 },
    encoding: legend,
  });
  if (isNum(median)) {
    layers.push(...medianLayers([fitMedianLabel({ year: median, color: COLORS.ink, label: `Median ${formatYear(median)}`, side: "right" }, domain, f)]));
  } else if (median === null) {
    layers.push(medianBeyondLayer(`Median after ${domain[1]}`, domain[1]));
  }
  const hoverRows = cdf.map((r) => ({ ...r, yearText: String(r.year), pText: formatPercent(r.p) }));
  layers.push(hoverLayer(hoverRows, [{ field: "yearText", title: "Year" }, { field: "pText", title: "P(TAI by then)" }], COLORS.accent));
  layers.push(...sourceLine(SOURCE, f));
  return {
    ...topLevel(f, "Cumulative probability of transformative AI by year (Bio Anchors)"),
    title: { text: title(f, "When could transformative AI arrive?"), subtitle: subtitle(f, yearSubtitle(result, f.compact)) },
    encoding: cdfEncoding(domain),
    layer: layers,
  } as TopLevelSpec;
}
