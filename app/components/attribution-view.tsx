import type { AttributionView } from "~/services/types";

/**
 * Each change's share of a shift, parts adding up to the total (Shapley values on common
 * random numbers), as a short diverging bar list. The crux is the largest part.
 */
export function AttributionParts({ attribution, heading = true }: { attribution: AttributionView; heading?: boolean }) {
  const a = attribution;
  if (a.parts.length === 1) {
    const p = a.parts[0]!;
    return (
      <p className="attribution attribution--one">
        <span className="tag">crux</span> {p.label}, the only change: {a.metricLabel} {a.fromText} → {a.toText} <strong>({a.totalText})</strong>
      </p>
    );
  }
  return (
    <div className="attribution">
      {heading ? (
        <p className="attribution__total">
          <span className="eyebrow">What each change contributes</span> {a.metricLabel} {a.fromText} → {a.toText}{" "}
          <strong>({a.totalText})</strong>
        </p>
      ) : null}
      <ul className="attribution__parts">
        {a.parts.map((p) => {
          const width = Math.min(50, (Math.abs(p.rounded) / a.scaleMax) * 50);
          return (
            <li key={p.name} className={p.crux ? "is-crux" : undefined}>
              <span className="attribution__label">
                {p.label}
                {p.crux ? <span className="tag">crux</span> : null}
              </span>
              <span className="attribution__bar" aria-hidden="true">
                <span className={p.rounded < 0 ? "attribution__fill is-neg" : "attribution__fill"} style={p.rounded < 0 ? { right: "50%", width: `${width}%` } : { left: "50%", width: `${width}%` }} />
              </span>
              <span className="attribution__value">{p.text}</span>
            </li>
          );
        })}
      </ul>
      <p className="attribution__method">{a.methodText} The parts add up to the total.</p>
    </div>
  );
}
