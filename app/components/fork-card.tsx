import { useFetcher } from "@remix-run/react";
import { PHONE, PHONE_MEDIA } from "~/charts/theme";
import type { ForkPresentation } from "~/services/types";
import { AttributionParts } from "./attribution-view";
import { DiffTable } from "./diff-table";
import { QuestionBox } from "./question-box";
import { CodeDiffView } from "./squiggle-editor/code-diff-view";
import { Kept, type Once } from "./kept";
import { OpenedForm } from "./opened-form";
import { RenderedOnce } from "./rendered-once";

/** What a card shows below its shift line: the same for every reader. */
export type ForkCardBody = Pick<ForkPresentation, "quick" | "diff" | "code" | "attribution" | "legacyAttribution" | "headline" | "squiggle" | "chartUrl" | "description">;

/** A fork as the post page sends it: its card's body may be markup the HTML carries once (components/kept.tsx). */
export type PageFork = Omit<ForkPresentation, "code" | "attribution" | "legacyAttribution" | "description"> & {
  card: Once<ForkCardBody>;
  /** A code fork's change in lines, for the forks table (the card carries the diff itself). */
  codeLines: { added: number; removed: number } | null;
};

export type AnyFork = ForkPresentation | PageFork;

export function cardBody(fork: ForkPresentation): ForkCardBody {
  const { quick, diff, code, attribution, legacyAttribution, headline, squiggle, chartUrl, description } = fork;
  return { quick, diff, code, attribution, legacyAttribution, headline, squiggle, chartUrl, description };
}

/** Reapplies this fork's changes on the current forecast, as a new fork in a reply. */
function RebaseButton({ commentId }: { commentId: number }) {
  const fetcher = useFetcher<{ ok: boolean; error?: string }>();
  return (
    <fetcher.Form method="post" className="fork-card__rebase" preventScrollReset>
      <input type="hidden" name="intent" value="rebase-fork" />
      <input type="hidden" name="commentId" value={commentId} />
      <button type="submit" className="button button--small" disabled={fetcher.state !== "idle"}>
        {fetcher.state !== "idle" ? "Rebasing…" : "Rebase onto the current forecast"}
      </button>
      {fetcher.data && !fetcher.data.ok ? <span role="alert"> {fetcher.data.error}</span> : null}
    </fetcher.Form>
  );
}

/** What a card shows around its body, as plain values: equal faces, equal markup (rendered-once.tsx). */
interface Face {
  quick: ForkPresentation["quick"];
  shift: string;
  stale: boolean;
  rebased: boolean;
  forecastId: number;
  parentForecastId: number | null;
  card: Once<ForkCardBody> | ForkCardBody;
  /** Only the fork's author may rebase it: the one card that is theirs alone. */
  rebaseFor: number | null;
}

/** A fork inside its comment: what changed and why, what that does, and the overlay chart. */
export function ForkCard({ fork, commentId, viewerId }: { fork: AnyFork; commentId: number; viewerId: number | null }) {
  const face: Face = {
    quick: fork.quick,
    shift: fork.shift,
    stale: fork.stale,
    rebased: fork.rebased,
    forecastId: fork.forecastId,
    parentForecastId: fork.parentForecastId,
    card: "card" in fork ? fork.card : cardBody(fork),
    rebaseFor: fork.stale && !fork.rebased && viewerId === fork.authorId ? commentId : null,
  };
  // A card whose body travels as a version is kept by its face; a whole body would make a key as big as the card.
  const kept = face.rebaseFor === null && "card" in fork && fork.card.data === undefined;
  return (
    <RenderedOnce as="section" className={`fork-card${fork.quick ? " fork-card--answer" : ""}`} aria-label={`${fork.quick ? "Answer" : "Forked forecast"}: ${fork.shift}`} part="fork" sameFor={kept ? face : null}>
      <CardFace face={face} />
    </RenderedOnce>
  );
}

function CardFace({ face: fork }: { face: Face }) {
  return (
    <>
      <p className="fork-card__shift">
        <span className="fork-card__badge">{fork.quick ? "Answer" : "Fork"}</span> {fork.shift}
      </p>
      {fork.stale ? (
        <div className="fork-card__stale" role="note">
          {fork.quick ? "Answers an earlier version of the post's question." : "Forked from an earlier version of the post's forecast."}
          {fork.rebased ? <> Rebased onto the current version in a reply below.</> : fork.rebaseFor !== null ? <RebaseButton commentId={fork.rebaseFor} /> : null}
        </div>
      ) : null}
      <Kept as="div" className="fork-card__body" value={fork.card}>
        {(body) => <CardBody body={body} />}
      </Kept>
      {fork.quick ? null : (
        // Without JavaScript, the fork's own page, whose forecast panel has the same box.
        <OpenedForm className="fork-card__question" label="Ask this fork your own question" href={`/forecasts/${fork.forecastId}#question`}>
          {() => <QuestionBox forecastId={fork.forecastId} label="P(by a year), or the year at a probability" />}
        </OpenedForm>
      )}
      <p className="fork-card__links">
        <a href={`/forecasts/${fork.forecastId}`}>Lineage</a>
        {fork.parentForecastId !== null ? (
          <>
            {" · "}
            <a href={`/compare?a=${fork.parentForecastId}&b=${fork.forecastId}`}>Compare with parent</a>
          </>
        ) : null}{" "}
        · <a href={`/api/forecasts/${fork.forecastId}`}>JSON</a> · <a href={`/api/forecasts/${fork.forecastId}.csv`}>CSV</a> ·{" "}
        {/* The snippet is on the fork's own page (a thread of many forks would carry one each). */}
        <a href={`/forecasts/${fork.forecastId}?embed=1#embed`}>Embed</a>
      </p>
    </>
  );
}

/** The changes, what each contributes, and the overlay chart: nothing in it to interact with. */
function CardBody({ body: fork }: { body: ForkCardBody }) {
  return (
    <>
      {fork.quick ? (
        fork.diff.map((d) => (d.rationale ? <p key={d.name} className="fork-diff__why fork-card__reason">“{d.rationale}”</p> : null))
      ) : fork.diff.length === 0 ? null : (
        <DiffTable rows={fork.diff} columns={["Assumption", "Parent → fork"]} caption="Changed assumptions" />
      )}
      {fork.code ? (
        <div className="fork-card__code">
          <CodeDiffView diff={fork.code.diff} caption="Code changed:" />
          {fork.code.rationale ? <p className="fork-diff__why">“{fork.code.rationale}”</p> : null}
        </div>
      ) : null}
      {!fork.quick && fork.attribution ? <AttributionParts attribution={fork.attribution} /> : null}
      {!fork.quick && !fork.attribution && fork.legacyAttribution.length > 1 ? (
        <div className="fork-card__attribution">
          <p className="eyebrow">
            Each change on its own ({fork.headline.label}
            {fork.squiggle ? ", applied to the parent on the same draws" : "; made before attribution added up, so these need not sum to the shift"})
          </p>
          <ul>
            {fork.legacyAttribution.map((a) => (
              <li key={a.label} className={a.crux ? "is-crux" : undefined}>
                {a.label}: {a.text}
                {a.crux ? <span className="tag">crux</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {fork.quick === "probability" ? null : (
        <div className="fork-card__chart">
          <picture>
            <source media={PHONE_MEDIA} srcSet={fork.chartUrl.replace(/\.svg$/, ".phone.svg")} width={PHONE.width} height={PHONE.height} />
            <img src={fork.chartUrl} alt={`Chart: the parent forecast and this fork. ${fork.description}`} loading="lazy" decoding="async" width={520} height={280} />
          </picture>
        </div>
      )}
    </>
  );
}
