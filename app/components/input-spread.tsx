import { stripScale, type InputSpread, type SpreadHolder } from "~/forecast/spread";
import type { SpreadView } from "~/services/types";
import { Kept, isOnce, type Once } from "./kept";

/** Rows shown before the rest fold away; the most-disputed inputs come first. */
const OPEN_ROWS = 6;
/** Vertical step between dots of authors who hold the same value. */
const STACK_REM = 0.72;

/**
 * The Assumptions view: per input some fork changed, each author's latest value as a dot on
 * a strip and the post's value as a tick. Plain HTML and CSS, so it reads with JS off.
 */
export function InputSpreadView({ spread }: { spread: SpreadView | Once<SpreadView> }) {
  if (!isOnce(spread) && spread.inputs.length === 0) return null;
  // Nothing here is interactive but the fold: the post page's HTML carries it once (components/kept.tsx).
  return (
    <Kept as="section" className="spread" aria-labelledby="spread-heading" value={spread}>
      {(s) => <SpreadContents spread={s} />}
    </Kept>
  );
}

function SpreadContents({ spread }: { spread: SpreadView }) {
  const open = spread.inputs.slice(0, OPEN_ROWS);
  const rest = spread.inputs.slice(OPEN_ROWS);
  const tally = `${spread.authors} ${spread.authors === 1 ? "author" : "authors"}, ${spread.forks} ${spread.forks === 1 ? "fork" : "forks"}.`;
  return (
    <>
      <h3 id="spread-heading">Assumptions</h3>
      <p className="spread__intro">
        What the thread believes about each input a fork changed. <span className="spread__key spread__key--dot" aria-hidden="true" /> an
        author's latest fork, <span className="spread__key spread__key--post" aria-hidden="true" /> the post. {tally}
      </p>
      <ul className="spread__list">
        {open.map((s) => (
          <SpreadRow key={s.key} s={s} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details className="spread__more">
          <summary>
            {rest.length} more {rest.length === 1 ? "input" : "inputs"}
          </summary>
          <ul className="spread__list">
            {rest.map((s) => (
              <SpreadRow key={s.key} s={s} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function SpreadRow({ s }: { s: InputSpread }) {
  const past = s.holders.length === 0;
  return (
    <li className={`spread__row${past ? " spread__row--past" : ""}`}>
      <div className="spread__text">
        <span className="spread__label">{s.label}</span>
        {s.unit && !s.label.endsWith(s.unit) ? <span className="spread__unit">{` (${s.unit})`}</span> : null}
        <p className="spread__summary">
          {s.summary}
          {!past && s.kept > 0 ? <span className="spread__kept">{` · ${s.kept} kept the post's value`}</span> : null}
          {s.central && !past ? <span className="spread__kept"> · ranges placed at their medians</span> : null}
        </p>
      </div>
      {past ? null : s.kind === "choice" ? <ChoiceGroups s={s} /> : <Strip s={s} />}
    </li>
  );
}

const describe = (h: SpreadHolder) => `${h.authorName}: ${h.text}${h.detail ? ` (${h.detail})` : ""}`;

function Strip({ s }: { s: InputSpread }) {
  const x = stripScale(s);
  if (!x) return null;
  // Authors on (nearly) the same value stack upwards instead of hiding one another.
  const seen = new Map<number, number>();
  const dots = s.holders.flatMap((h) => {
    if (h.value === null) return [];
    const pos = x(h.value);
    const bucket = Math.round(pos * 50);
    const level = seen.get(bucket) ?? 0;
    seen.set(bucket, level + 1);
    return [{ h, pos, level }];
  });
  const levels = Math.max(1, ...dots.map((d) => d.level + 1));
  const ends = axisEnds(s);
  return (
    <div className="spread__plot">
      <div className="spread__strip" style={{ height: `${1.3 + (levels - 1) * STACK_REM}rem` }}>
        <span className="spread__track" aria-hidden="true" />
        {s.post.value !== null ? (
          <span className="spread__post" style={{ left: `${x(s.post.value) * 100}%` }} title={`Post: ${s.post.text}`}>
            <span className="visually-hidden">Post: {s.post.text}</span>
          </span>
        ) : null}
        {dots.map(({ h, pos, level }) => (
          <a
            key={h.commentId}
            className="spread__dot"
            href={`#c-${h.commentId}`}
            style={{ left: `${pos * 100}%`, bottom: `${0.6 + level * STACK_REM}rem` }}
            title={describe(h)}
            aria-label={describe(h)}
          />
        ))}
      </div>
      {ends ? (
        <div className="spread__axis" aria-hidden="true">
          <span>{ends.low}</span>
          <span className="spread__scale">{s.scale === "log" ? "log scale" : ""}</span>
          <span>{ends.high}</span>
        </div>
      ) : null}
    </div>
  );
}

/** The lowest and highest values shown, without the unit the row label already gives. */
function axisEnds(s: InputSpread): { low: string; high: string } | null {
  const points = [...s.holders, s.post].filter((p): p is { value: number; text: string } => p.value !== null);
  if (points.length < 2) return null;
  const low = points.reduce((a, b) => (b.value < a.value ? b : a));
  const high = points.reduce((a, b) => (b.value > a.value ? b : a));
  if (low.value === high.value) return null;
  const bare = (t: string) => (s.unit && t.endsWith(` ${s.unit}`) ? t.slice(0, -s.unit.length - 1) : t);
  return { low: bare(low.text), high: bare(high.text) };
}

function ChoiceGroups({ s }: { s: InputSpread }) {
  const byText = new Map<string, SpreadHolder[]>();
  for (const h of s.holders) byText.set(h.text, [...(byText.get(h.text) ?? []), h]);
  return (
    <ul className="spread__choices">
      {s.groups.map((g) => (
        <li key={g.text}>
          <span className="spread__choice">{g.text}</span>
          {" — "}
          {(byText.get(g.text) ?? []).map((h, i) => (
            <span key={h.commentId}>
              {i > 0 ? ", " : null}
              <a href={`#c-${h.commentId}`}>{h.authorName}</a>
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
