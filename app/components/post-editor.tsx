import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { TITLE_MAX } from "~/discussion/schemas";
import { MAX_TAGS } from "~/discussion/tags";
import type { ActionFailure } from "~/utils/errors";
import { Field } from "./field";
import { MarkdownPreview } from "./markdown-preview";
import { ForecastKinds, kindOf, type ForecastKind, type StartingForecast } from "./forecast-kinds";

interface Props {
  failure?: ActionFailure;
  initial?: { title: string; markdown: string; tags?: string };
  /** The forecast to start from (a post's current one), or none. */
  forecast?: StartingForecast | null;
  /** Which kind of forecast the editor shows first (default: the starting forecast's). */
  kind?: ForecastKind;
  /** Whether the attach box starts ticked. */
  attach: boolean;
  submitLabel: string;
  /** Without JavaScript, the model picker's other models are links built by this. */
  modelHref?: (modelId: string) => string;
}

// Matches app/utils/forecast-form.server.ts (routes import that module; this one stays client-safe).
const ATTACH_FIELD = "attachForecast";

function forecastErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields ?? {})) {
    if (key === "forecast") out[""] = message;
    else if (key.startsWith("forecast.")) out[key.slice("forecast.".length)] = message;
  }
  return out;
}

export function PostEditor({ failure, initial, forecast, attach, submitLabel, kind, modelHref }: Props) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [attached, setAttached] = useState(failure?.values ? failure.values[ATTACH_FIELD] === "on" : attach);
  const errors = forecastErrors(failure?.fields);
  const general = failure && !failure.fields.title && !failure.fields.markdown && !failure.fields.tags && Object.keys(errors).length === 0 ? failure.error : null;
  return (
    <Form method="post" className="post-editor" noValidate>
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
      <Field name="title" label="Title" defaultValue={failure?.values?.title ?? initial?.title} error={failure?.fields.title} maxLength={TITLE_MAX} required autoFocus />
      <Field
        name="markdown"
        label="Body"
        multiline
        rows={14}
        defaultValue={failure?.values?.markdown ?? initial?.markdown}
        error={failure?.fields.markdown}
        hint="Markdown with tables, footnotes, $inline$ and $$display$$ math. Link another post with <@text@>(@Post title@)."
        required
      />
      <MarkdownPreview kind="post" sourceId="field-markdown" />
      <Field
        name="tags"
        label="Tags"
        defaultValue={failure?.values?.tags ?? initial?.tags}
        error={failure?.fields.tags}
        hint={`Up to ${MAX_TAGS}, separated by commas: ai-timelines, scaling-laws. See all tags at /tags.`}
        maxLength={400}
      />
      <fieldset className="post-editor__forecast">
        {/* A heading in the legend keeps the outline whole: the editor's own sections are h3s. */}
        <legend>
          <h2 className="post-editor__legend">Forecast</h2>
        </legend>
        <label className="checkbox">
          <input type="checkbox" name={ATTACH_FIELD} value="on" checked={attached} onChange={(e) => setAttached(e.target.checked)} />
          Attach a forecast to this post — readers can fork its assumptions in their replies.
        </label>
        {Object.keys(errors).length ? (
          <p className="form-error" role="alert">
            {failure?.error}
          </p>
        ) : null}
        <div className="post-editor__forecast-body">
          <ForecastKinds name="forecast" forecast={forecast ?? null} kind={kind ?? kindOf(forecast?.modelId ?? failure?.values?.["forecast.$model"])} errors={errors} modelHref={modelHref} />
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {busy ? (attached ? "Computing the forecast and saving…" : "Saving…") : submitLabel}
      </button>
    </Form>
  );
}
