// "Your own question" of a forecast with an arrival-year curve: P(by a year the reader picks)
// and the year at a probability they pick. Answered in the browser from the curve when the
// page has it, otherwise by the API; without JavaScript the form is a GET to the forecast page.
import { useState, type FormEvent } from "react";
import { formatFractionalYear, formatPercent } from "~/forecast/format";
import { probabilityAtYear, unpackCdf, yearAtProbability, type CdfPoint } from "~/forecast/summarize";

interface Answer {
  year?: number;
  pByYear?: number | null;
  p?: number;
  yearAtP?: number | null;
}

function describe(a: Answer, range: [number, number] | null): string[] {
  const out: string[] = [];
  if (a.year !== undefined) {
    out.push(a.pByYear === null || a.pByYear === undefined ? `${a.year} is outside the modelled years${range ? ` (${range[0]}–${range[1]})` : ""}.` : `P(by ${a.year}) = ${formatPercent(a.pByYear, 1)}`);
  }
  if (a.p !== undefined) {
    const pct = formatPercent(a.p, 2);
    out.push(a.yearAtP === null || a.yearAtP === undefined ? `${pct} is not reached by ${range ? range[1] : "the end of the modelled range"}.` : `${pct} is reached in ${formatFractionalYear(a.yearAtP)} (first whole year: ${Math.ceil(a.yearAtP)})`);
  }
  return out;
}

function rangeOf(cdf: CdfPoint[] | null): [number, number] | null {
  return cdf && cdf.length ? [cdf[0]!.year, cdf[cdf.length - 1]!.year] : null;
}

/** `forecastId` absent (an aggregate): answered from `cdf` only, which a page may send packed (packCdf). */
export function QuestionBox({ forecastId, cdf: given = null, initial = null, label = "Your own question" }: { forecastId?: number; cdf?: CdfPoint[] | string | null; initial?: Answer | null; label?: string }) {
  const key = forecastId ?? "aggregate";
  // Read only when there is something to answer: most renders (every post view) have nothing yet.
  const curve = (): CdfPoint[] | null => (typeof given === "string" ? unpackCdf(given) : given);
  const [year, setYear] = useState(initial?.year !== undefined ? String(initial.year) : "");
  const [p, setP] = useState(initial?.p !== undefined ? String(Number((initial.p * 100).toFixed(2))) : "");
  const [answer, setAnswer] = useState<Answer | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const y = year.trim() === "" ? undefined : Number(year);
    const pct = p.trim() === "" ? undefined : Number(p.replace("%", ""));
    if (y === undefined && pct === undefined) return setError("Enter a year, a probability, or both.");
    if (y !== undefined && !Number.isInteger(y)) return setError("The year must be a whole year, such as 2035.");
    if (pct !== undefined && !(pct > 0 && pct < 100)) return setError("The probability must be between 0 and 100%, such as 25.");
    const q = { year: y, p: pct === undefined ? undefined : pct / 100 };
    const cdf = curve();
    if (cdf || forecastId === undefined) {
      if (!cdf) return setError("This forecast has no arrival-year curve to ask about.");
      setAnswer({ ...(q.year !== undefined ? { year: q.year, pByYear: probabilityAtYear(cdf, q.year) } : {}), ...(q.p !== undefined ? { p: q.p, yearAtP: yearAtProbability(cdf, q.p) } : {}) });
      return;
    }
    setBusy(true);
    const params = new URLSearchParams();
    if (q.year !== undefined) params.set("year", String(q.year));
    if (q.p !== undefined) params.set("p", String(q.p));
    try {
      const r = await fetch(`/api/forecasts/${forecastId}?${params}`, { headers: { Accept: "application/json" } });
      const body = (await r.json().catch(() => null)) as { question?: Answer; error?: string } | null;
      if (!r.ok || !body?.question) throw new Error(body?.error ?? `the server answered ${r.status}`);
      setAnswer(body.question);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const lines = answer ? describe(answer, rangeOf(curve())) : [];
  return (
    <form className="question" method="get" action={forecastId === undefined ? undefined : `/forecasts/${forecastId}#question`} onSubmit={submit}>
      <p className="question__label">{label}</p>
      <div className="question__fields">
        <label>
          P(by year){" "}
          <input name="year" inputMode="numeric" size={5} placeholder="2035" value={year} onChange={(e) => setYear(e.target.value)} aria-describedby={`q-${key}-hint`} />
        </label>
        <label>
          Year at{" "}
          <input name="pct" inputMode="decimal" size={4} placeholder="25" value={p} onChange={(e) => setP(e.target.value)} aria-describedby={`q-${key}-hint`} />%
        </label>
        <button type="submit" className="button button--small button--quiet" disabled={busy}>
          {busy ? "…" : "Ask"}
        </button>
      </div>
      <p className="question__hint" id={`q-${key}-hint`}>
        Years between whole years are read on a straight line; the first whole year is the fractional year rounded up.
      </p>
      {error ? (
        <p className="question__error" role="alert">
          {error}
        </p>
      ) : null}
      {lines.length ? (
        <output className="question__answer" aria-live="polite">
          {lines.join(" · ")}
        </output>
      ) : null}
    </form>
  );
}
