// A code fork's change to the program, as a readable diff: hunks of numbered lines, removed
// ones struck in red, added ones in green, each also marked with − or + for readers who do
// not see colour, and a one-line summary.

import { diffSummary, type CodeDiff } from "../../forecast/squiggle/code-diff";

export function CodeDiffView({ diff, caption }: { diff: CodeDiff; caption: string }) {
  return (
    <figure className="sq-diff">
      <figcaption className="sq-diff__caption">
        {caption} <span className="sq-diff__summary">{diffSummary(diff)}</span>
      </figcaption>
      {diff.hunks.map((h) => (
        <table className="sq-diff__hunk" key={h.header}>
          <caption className="visually-hidden">{h.header}</caption>
          <tbody>
            {h.lines.map((l, i) => (
              <tr key={i} className={`sq-diff__line sq-diff__line--${l.kind}`}>
                <td className="sq-diff__no">{l.old ?? ""}</td>
                <td className="sq-diff__no">{l.new ?? ""}</td>
                <td className="sq-diff__sign">{l.kind === "add" ? "+" : l.kind === "del" ? "−" : ""}</td>
                <td className="sq-diff__text">
                  {l.kind === "add" ? <ins>{l.text || " "}</ins> : l.kind === "del" ? <del>{l.text || " "}</del> : l.text || " "}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {diff.truncated ? <p className="sq-diff__more">…and {diff.truncated} more lines.</p> : null}
    </figure>
  );
}
