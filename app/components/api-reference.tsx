// The OpenAPI document read aloud: each endpoint with its parameters and answer, each schema
// with its fields (routes/api._index.tsx). Drawn from the document itself, so it says what
// /api/openapi.json says; no script, no external viewer (our CSP forbids both).
type Json = Record<string, unknown>;

const isObj = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const refName = (ref: string) => ref.replace("#/components/schemas/", "");

/** A schema's type in a few words, schema names linked to their entry below. */
export function TypeOf({ schema }: { schema: unknown }) {
  if (!isObj(schema)) return <>any</>;
  if (typeof schema.$ref === "string") {
    const name = refName(schema.$ref);
    return <a href={`#schema-${name}`}>{name}</a>;
  }
  const alternatives = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null;
  if (alternatives) return <Alternatives items={alternatives} />;
  if (Array.isArray(schema.enum)) return <>one of {schema.enum.map((v) => JSON.stringify(v)).join(", ")}</>;
  if ("const" in schema) return <>{JSON.stringify(schema.const)}</>;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  if (types.includes("array")) {
    return (
      <>
        list of <TypeOf schema={schema.items} />
      </>
    );
  }
  if (types.includes("object") && !isObj(schema.properties)) return <>object{isObj(schema.additionalProperties) ? " of named values" : ""}</>;
  const words = types.map((t) => (t === "string" && schema.format === "date-time" ? "date-time" : t));
  return <>{words.join(" or ") || "any"}</>;
}

function Alternatives({ items }: { items: unknown[] }) {
  return (
    <>
      {items.map((item, i) => (
        <span key={i}>
          {i > 0 ? " or " : null}
          <TypeOf schema={item} />
        </span>
      ))}
    </>
  );
}

/** Limits worth telling a caller: lengths, ranges, a default. */
function constraints(schema: Json): string {
  const out: string[] = [];
  if (typeof schema.minimum === "number") out.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === "number") out.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === "number") out.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === "number" && schema.minLength > 1) out.push(`at least ${schema.minLength} characters`);
  if (typeof schema.maxLength === "number") out.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.pattern === "string") out.push(`matches ${schema.pattern}`);
  if ("default" in schema) out.push(`default ${JSON.stringify(schema.default)}`);
  return out.join(", ");
}

export function Parameters({ parameters }: { parameters: Json[] }) {
  if (parameters.length === 0) return <p className="muted">No parameters.</p>;
  return (
    <table className="api-table">
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">In</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={`${String(p.in)}:${String(p.name)}`}>
            <th scope="row">
              <code>{String(p.name)}</code>
              {p.required ? <span className="api-required"> required</span> : null}
            </th>
            <td>{String(p.in)}</td>
            <td>
              <TypeOf schema={p.schema} />
              {isObj(p.schema) && constraints(p.schema) ? <div className="muted">{constraints(p.schema)}</div> : null}
            </td>
            <td>{typeof p.description === "string" ? p.description : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SchemaFields({ schema }: { schema: Json }) {
  const properties = isObj(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return (
    <table className="api-table">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(properties).map(([name, field]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
              {required.has(name) ? null : <span className="muted"> optional</span>}
            </th>
            <td>
              <TypeOf schema={field} />
              {isObj(field) && isObj(field.properties) ? <SchemaFields schema={field} /> : null}
            </td>
            <td>{isObj(field) && typeof field.description === "string" ? field.description : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
