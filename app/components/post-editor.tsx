import { Form, useNavigation } from "@remix-run/react";
import { TITLE_MAX } from "~/discussion/schemas";
import type { ActionFailure } from "~/utils/http.server";
import { Field } from "./field";

export function PostEditor({ failure, initial, submitLabel }: { failure?: ActionFailure; initial?: { title: string; markdown: string }; submitLabel: string }) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" className="post-editor" noValidate>
      {failure && !failure.fields.title && !failure.fields.markdown ? (
        <p className="form-error" role="alert">{failure.error}</p>
      ) : null}
      <Field name="title" label="Title" defaultValue={failure?.values?.title ?? initial?.title} error={failure?.fields.title} maxLength={TITLE_MAX} required autoFocus />
      <Field
        name="markdown"
        label="Body"
        multiline
        rows={18}
        defaultValue={failure?.values?.markdown ?? initial?.markdown}
        error={failure?.fields.markdown}
        hint="Markdown with tables, footnotes, $inline$ and $$display$$ math. Link another post with <@text@>(@Post title@)."
        required
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
