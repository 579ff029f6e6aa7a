// The distribution editor: a kind selector limited to the input's allowed kinds (the 90%
// interval first), the kind's parameters, mixtures of up to 8 components, and a one-line
// reading from the engine's describe helper.

import type { ReactNode } from "react";
import { validateValue, type Distribution, type DistributionInputDef } from "../../forecast/index";
import { ids, useEditor } from "./context";
import { NumberText, shareSuffix } from "./controls";
import { KIND_LABELS, MAX_COMPONENTS, PARAMS, convertDistribution, offeredKinds, offeredShapes, readDistribution, type DistKind, type SimpleKind } from "./dist-kinds";
import { paramStyle, valueFromFields } from "./fields";
import { fieldName } from "./form-fields";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The part of `root` at the relative path `rel` (keys as in field paths). */
function partAt(root: unknown, rel: string[]): unknown {
  let v = root;
  for (const key of rel) v = Array.isArray(v) ? v[Number(key)] : isRecord(v) ? v[key] : undefined;
  return v;
}

/** A copy of `root` with the part at `rel` replaced by `part`. */
function replaceAt(root: unknown, rel: string[], part: unknown): unknown {
  if (rel.length === 0) return part;
  const [key, ...rest] = rel;
  if (Array.isArray(root)) return root.map((x, i) => (i === Number(key) ? replaceAt(x, rest, part) : x));
  const obj = isRecord(root) ? root : {};
  return { ...obj, [key]: replaceAt(obj[key], rest, part) };
}

function componentCount(fields: Record<string, string>, path: string): number {
  let n = 0;
  while (Object.hasOwn(fields, `${path}.components.${n}.dist.kind`) && n < 64) n++;
  return n;
}

export function DistributionControl({ def, path, nested = false }: { def: DistributionInputDef; path: string; nested?: boolean }) {
  const { fields, dispatch, hydrated, uid, name } = useEditor();
  const whole = valueFromFields(def, fields);
  const rel = path.split(".").slice(1);
  const here = partAt(whole, rel);
  const kind = (fields[`${path}.kind`] ?? def.default.kind) as DistKind;
  const kinds = offeredKinds(def, nested);
  if (!kinds.includes(kind)) kinds.push(kind);
  const issues = validateValue(def, whole).filter((i) => i.path.join(".").startsWith(path));

  const update = (next: unknown) => dispatch({ type: "value", name: def.name, value: replaceAt(whole, rel, next) as Distribution });
  const switchKind = (k: DistKind) => {
    const current = isRecord(here) ? (here as Distribution) : def.default;
    update(convertDistribution(current, k, def));
  };
  const kindId = ids.control(uid, `${path}.kind`);

  const kindSelect = (
    <span className="fe-param fe-param--kind">
      <label htmlFor={kindId}>Stated as</label>
      {/* Switching kinds rebuilds the fields, so it needs JS; the hidden field carries the kind without it. */}
      <select id={kindId} value={kind} disabled={!hydrated} onChange={(e) => switchKind(e.target.value as DistKind)}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <input type="hidden" name={fieldName(name, `${path}.kind`)} value={kind} />
    </span>
  );
  const reading = issues.length === 0 && isRecord(here) && (kind !== "mixture" || !nested);

  return (
    <div className={`fe-dist${nested ? " fe-dist--nested" : ""}`}>
      {kind === "mixture" ? (
        <>
          <div className="fe-params">{kindSelect}</div>
          <MixtureControl def={def} path={path} here={here} update={update} />
        </>
      ) : (
        <Params def={def} path={path} kind={kind} lead={kindSelect} />
      )}
      {reading ? <p className="fe-dist__reading">{readDistribution(here as Distribution, def)}</p> : null}
    </div>
  );
}

/** The kind's parameters in one row: "[kind] [5th percentile] to [95th percentile] FLOP/s [shape]". */
function Params({ def, path, kind, lead }: { def: DistributionInputDef; path: string; kind: DistKind; lead: ReactNode }) {
  const { fields, uid, name, dispatch } = useEditor();
  const params = PARAMS[kind as SimpleKind] ?? [];
  const range = kind === "ci90" || kind === "uniform";
  const shape = fields[`${path}.shape`] ?? "lognormal";
  const shapes = offeredShapes(def);
  if (kind === "ci90" && !shapes.includes(shape as "lognormal" | "normal")) shapes.push(shape as "lognormal" | "normal");
  const shapeId = ids.control(uid, `${path}.shape`);
  const unit = shareSuffix(def.unit);
  return (
    <div className="fe-params">
      {lead}
      {params.map((p, i) => (
        <span className="fe-params__item" key={p.key}>
          {range && i === 1 ? (
            <span className="fe-params__to" aria-hidden="true">
              to
            </span>
          ) : null}
          <span className="fe-param">
            <label htmlFor={ids.control(uid, `${path}.${p.key}`)}>{p.label}</label>
            <NumberText
              path={`${path}.${p.key}`}
              unit={p.inUnit ? def.unit : ""}
              style={paramStyle(def, p.inUnit)}
              signed={def.min < 0}
              // The unit follows the last parameter in it; a lognormal's spread is in OOM.
              suffix={p.inUnit ? (params[i + 1]?.inUnit ? undefined : unit) : "OOM"}
            />
          </span>
        </span>
      ))}
      {kind === "ci90" ? (
        shapes.length > 1 ? (
          <span className="fe-param fe-param--shape">
            <label htmlFor={shapeId}>Shape</label>
            <select
              id={shapeId}
              name={fieldName(name, `${path}.shape`)}
              value={shape}
              onChange={(e) => dispatch({ type: "field", path: `${path}.shape`, text: e.target.value })}
            >
              {shapes.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </span>
        ) : (
          <input type="hidden" name={fieldName(name, `${path}.shape`)} value={shape} />
        )
      ) : null}
    </div>
  );
}

function MixtureControl(props: { def: DistributionInputDef; path: string; here: unknown; update: (next: unknown) => void }) {
  const { def, path, here, update } = props;
  const { fields, hydrated, uid } = useEditor();
  const n = componentCount(fields, path);
  const components = isRecord(here) && Array.isArray(here.components) ? (here.components as unknown[]) : [];
  const remove = (i: number) => update({ kind: "mixture", components: components.filter((_, j) => j !== i) });
  const add = () => {
    const last = components[components.length - 1];
    const dist = isRecord(last) && isRecord(last.dist) ? last.dist : convertDistribution(def.default, offeredKinds(def, true)[0], def);
    update({ kind: "mixture", components: [...components, { weight: isRecord(last) ? last.weight : 1, dist }] });
  };
  return (
    <div className="fe-mixture">
      {Array.from({ length: n }, (_, i) => (
        <div className="fe-component" key={i}>
          <div className="fe-component__head">
            <span className="fe-component__title">Part {i + 1}</span>
            <span className="fe-param fe-param--inline">
              <label htmlFor={ids.control(uid, `${path}.components.${i}.weight`)}>Weight</label>
              <NumberText path={`${path}.components.${i}.weight`} unit="" style={{ sci: false, percent: false }} compact />
            </span>
            <button type="button" className="link-button" onClick={() => remove(i)} disabled={!hydrated || n <= 1}>
              Remove<span className="visually-hidden"> part {i + 1}</span>
            </button>
          </div>
          <DistributionControl def={def} path={`${path}.components.${i}.dist`} nested />
        </div>
      ))}
      <p className="fe-mixture__foot">
        <button type="button" className="link-button fe-add" onClick={add} disabled={!hydrated || n >= MAX_COMPONENTS}>
          + Add a part
        </button>
        <span className="fe-quiet">Weights are relative: each part counts in proportion to its weight.</span>
      </p>
    </div>
  );
}
