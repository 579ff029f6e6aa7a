// Small moderation forms shared by the post and its comments. Each is a plain POST to the
// thread action (so it works without JavaScript) run through a fetcher when it can.
import { useFetcher } from "@remix-run/react";
import type { ReactNode } from "react";

type Result = { ok: true; reported?: boolean } | { ok: false; error: string; fields?: Record<string, string> };

/** One intent, a few fields, a submit button, and the server's answer beside it. */
export function ActionForm(props: { intent: string; fields?: Record<string, string | number>; children?: ReactNode; submit: string; danger?: boolean; className?: string; done?: string }) {
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
    <details className="action-panel action-panel--inline">
      <summary className="link-button">Report</summary>
      <ActionForm intent="report" fields={{ targetType, targetId }} submit="Send report" done="Thanks: a moderator will look at it, and you will hear the outcome.">
        <ReasonField label="What is wrong?" required hint="moderators only" />
      </ActionForm>
    </details>
  );
}
