// Small moderation forms shared by the post and its comments. Each is a plain POST to the
// thread action (so it works without JavaScript) run through a fetcher when it can.
import { useFetcher } from "@remix-run/react";
import { useState, type ReactNode } from "react";

type Result = { ok: true; reported?: boolean } | { ok: false; error: string; fields?: Record<string, string> };

interface ActionFormProps {
  intent: string;
  fields?: Record<string, string | number>;
  children?: ReactNode;
  submit: string;
  danger?: boolean;
  className?: string;
  done?: string;
  /** False: a plain form with no hooks (the server render of a closed menu, and no-JS use). */
  live?: boolean;
}

/** One intent, a few fields, a submit button, and the server's answer beside it. */
export function ActionForm(props: ActionFormProps) {
  return props.live === false ? <PlainActionForm {...props} /> : <FetcherActionForm {...props} />;
}

function PlainActionForm(props: ActionFormProps) {
  return (
    <form method="post" className={props.className ?? "mod-form"}>
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit" className={`button button--small${props.danger ? " button--danger" : ""}`}>
        {props.submit}
      </button>
    </form>
  );
}

/**
 * A `<details>` menu whose forms only become fetchers once opened: a thread of 150 comments
 * would otherwise set up 150 fetchers per reader for menus almost nobody opens.
 */
export function Menu({ summary, className, summaryClassName = "link-button", children }: { summary: string; className?: string; summaryClassName?: string; children: (live: boolean) => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className ?? "action-panel action-panel--inline"} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className={summaryClassName || undefined}>{summary}</summary>
      {children(opened)}
    </details>
  );
}

function FetcherActionForm(props: ActionFormProps) {
  const fetcher = useFetcher<Result>();
  const result = fetcher.data;
  return (
    <fetcher.Form method="post" className={props.className ?? "mod-form"} preventScrollReset>
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit" className={`button button--small${props.danger ? " button--danger" : ""}`} disabled={fetcher.state !== "idle"}>
        {fetcher.state !== "idle" ? "Working…" : props.submit}
      </button>
      {result && !result.ok ? (
        <span className="field__error" role="alert">
          {result.error}
        </span>
      ) : null}
      {result?.ok && props.done ? (
        <span className="mod-form__done" role="status">
          {props.done}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

export function ReasonField({ label = "Reason", required = false, name = "reason", hint = "public" }: { label?: string; required?: boolean; name?: string; hint?: string }) {
  return (
    <label className="mod-form__field">
      <span>
        {label} <span className="muted">({hint})</span>
      </span>
      <input name={name} required={required} minLength={required ? 3 : undefined} maxLength={500} />
    </label>
  );
}

/** "Report": anyone signed in, on anything not their own. */
export function ReportMenu({ targetType, targetId }: { targetType: "post" | "comment" | "fork"; targetId: number }) {
  return (
    <Menu summary="Report">
      {(live) => (
        <ActionForm live={live} intent="report" fields={{ targetType, targetId }} submit="Send report" done="Thanks: a moderator will look at it, and you will hear the outcome.">
          <ReasonField label="What is wrong?" required hint="moderators only" />
        </ActionForm>
      )}
    </Menu>
  );
}
