// What every field of one editor needs, without threading it through each component.

import { createContext, useContext, type Dispatch } from "react";
import type { InputIssue, Inputs } from "../../forecast/index";
import type { EditorAction } from "./editor-state";
import type { Fields } from "./fields";
import { fieldName } from "./form-fields";

export interface EditorContextValue {
  /** Unique per editor instance (React useId), so several editors can share a page. */
  uid: string;
  /** The form name prefix (the `name` prop). */
  name: string;
  /** False in the server render and the first client render (controls that need JS are disabled). */
  hydrated: boolean;
  fields: Fields;
  dispatch: Dispatch<EditorAction>;
  /** Issues to show now, by input name (client ones only after blur or a submit attempt). */
  shown: Map<string, InputIssue[]>;
  /** Inputs whose current text does not make a valid value, shown or not yet. */
  invalid: ReadonlySet<string>;
  baseline: Inputs;
  forking: boolean;
  rationales: Record<string, string>;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error("Forecast editor fields must be rendered inside <ForecastEditor>");
  return ctx;
}

/** DOM ids: one per control (by field path) and per input block, error list and help text. */
export const ids = {
  control: (uid: string, path: string) => `${uid}-f-${path}`,
  input: (uid: string, name: string) => `${uid}-in-${name}`,
  error: (uid: string, name: string) => `${uid}-err-${name}`,
  help: (uid: string, name: string) => `${uid}-help-${name}`,
  reading: (uid: string, path: string) => `${uid}-rd-${path}`,
};

/** Props shared by every text/select control bound to one field path. */
export function useFieldBinding(path: string) {
  const ctx = useEditor();
  const inputName = path.split(".")[0];
  const issues = ctx.shown.get(inputName) ?? [];
  const invalid = issues.some((i) => path === i.path || path.startsWith(`${i.path}.`) || i.path === "");
  return {
    ctx,
    id: ids.control(ctx.uid, path),
    name: fieldName(ctx.name, path),
    value: Object.hasOwn(ctx.fields, path) ? ctx.fields[path] : "",
    invalid,
    describedBy: [ids.help(ctx.uid, inputName), issues.length ? ids.error(ctx.uid, inputName) : null].filter(Boolean).join(" "),
    set: (text: string) => ctx.dispatch({ type: "field", path, text }),
  };
}
