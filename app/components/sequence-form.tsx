// The sequence form, for a new sequence and for its author's edits: a title, an optional
// description and a numbered box beside each of the author's posts (blank leaves it out).
import { Form, Link } from "@remix-run/react";
import { Field } from "./field";
import { POSITION_FIELD } from "~/discussion/sequences";
import type { ActionFailure } from "~/utils/errors";

export interface SequenceFormProps {
  /** The author's posts, oldest first. */
  posts: { id: number; title: string }[];
  /** What the form shows before anything is typed: a sequence's current title, description and positions. */
  initial?: { title: string; markdown: string; positions: Record<number, number> };
  failure: ActionFailure | undefined;
  submit: string;
}

export function SequenceForm({ posts, initial, failure, submit }: SequenceFormProps) {
  // After a refused send, the form shows what was sent, not what is stored.
  const value = (name: string, stored: string | undefined) => (failure ? failure.values?.[name] : stored);
  return (
    <Form method="post" noValidate className="sequence-form">
      {failure && !failure.fields.title ? (
        <p className="form-error" role="alert">
          {failure.error}
        </p>
      ) : null}
      <Field name="title" label="Title" defaultValue={value("title", initial?.title)} error={failure?.fields.title} maxLength={200} required />
      <Field name="markdown" label="Description" multiline rows={4} defaultValue={value("markdown", initial?.markdown)} hint="Markdown, optional." />
      <fieldset>
        <legend>Posts, numbered in reading order (leave a box empty to leave a post out)</legend>
        {posts.length < 2 ? <p className="empty">A sequence needs at least two of your posts; write some first.</p> : null}
        <ol className="sequence-form__posts">
          {posts.map((p) => {
            const name = `${POSITION_FIELD}${p.id}`;
            const stored = initial?.positions[p.id];
            return (
              <li key={p.id}>
                <input type="number" min={1} name={name} id={`pos-${p.id}`} defaultValue={value(name, stored === undefined ? undefined : String(stored))} aria-label={`Position of “${p.title}”`} />
                <label htmlFor={`pos-${p.id}`}>{p.title}</label>
              </li>
            );
          })}
        </ol>
      </fieldset>
      <button type="submit" className="button">
        {submit}
      </button>
    </Form>
  );
}

/** What a signed-out reader sees instead of the form: a way back to it through the login page. */
export function SequenceSignIn({ heading, from, doing }: { heading: string; from: string; doing: string }) {
  return (
    <section className="sequence-page">
      <h1>{heading}</h1>
      <p>
        <Link to={`/login?redirectTo=${encodeURIComponent(from)}`}>Log in</Link> {doing}
      </p>
    </section>
  );
}
