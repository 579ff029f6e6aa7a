/** One changed input: its values before and after, and the author's reason when they gave one. */
export interface DiffRow {
  name: string;
  label: string;
  from: string;
  to: string;
  rationale?: string | null;
}

/** Changed inputs as "from → to" rows (a fork card against its parent, the compare page's A against B). */
export function DiffTable({ rows, columns, className = "fork-diff", caption }: { rows: DiffRow[]; columns: [string, string]; className?: string; caption?: string }) {
  return (
    <table className={className}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{columns[0]}</th>
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.name}>
            <th scope="row">{d.label}</th>
            <td>
              <span className="fork-diff__from">{d.from}</span> → <strong>{d.to}</strong>
              {d.rationale ? <span className="fork-diff__why">“{d.rationale}”</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
