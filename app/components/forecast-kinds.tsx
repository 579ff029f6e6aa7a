// The post editor's forecast: one model picker with every kind side by side (the built-in
// models, quick forecasts and a Squiggle model), and the editor of the chosen kind. An editor
// once opened stays mounted, disabled and hidden, so switching back keeps what was typed and
// only the shown one is submitted. Without JavaScript the other kinds are links (?model=…).

import { useId, useState } from "react";
import { listModels, SQUIGGLE_MODEL_ID, SQUIGGLE_TEMPLATE, type Inputs } from "~/forecast/index";
import { ForecastEditor, ModelCards, registeredGroups, type ModelGroup } from "./forecast-editor";
import { useHydrated } from "./forecast-editor/use-forecast-editor";
import { SquiggleEditor } from "./squiggle-editor";
import type { ProgramShape } from "./squiggle-editor/state";

export type ForecastKind = "built-in" | "squiggle";

/** What a post's forecast starts from: a built-in model's overrides, or a Squiggle program. */
export type StartingForecast = { modelId: string; inputs: Inputs; source?: string; program?: ProgramShape | null };

const SQUIGGLE_CARD = { id: SQUIGGLE_MODEL_ID, title: "Squiggle model", summary: "Write your own model in Squiggle; readers fork its parameters or its code." };

export function kindOf(modelId: string | undefined): ForecastKind {
  return modelId === SQUIGGLE_MODEL_ID ? "squiggle" : "built-in";
}

export function ForecastKinds(props: { name: string; forecast: StartingForecast | null; kind: ForecastKind; errors: Record<string, string>; modelHref?: (modelId: string) => string }) {
  const { name, forecast, errors, modelHref } = props;
  const uid = useId();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<ForecastKind>(props.kind);
  const [opened, setOpened] = useState<ForecastKind[]>([props.kind]);
  // A built-in card chosen from the Squiggle side remounts the built-in editor on that model.
  const [builtIn, setBuiltIn] = useState({ modelId: kind === "built-in" ? forecast?.modelId : undefined, key: 0 });
  const open = (k: ForecastKind) => {
    setKind(k);
    setOpened((o) => (o.includes(k) ? o : [...o, k]));
  };
  const squiggleGroup = (selected: boolean): ModelGroup => ({
    title: "Your own model",
    options: [{ ...SQUIGGLE_CARD, selected, onSelect: () => open("squiggle"), href: modelHref?.(SQUIGGLE_MODEL_ID) }],
  });
  // On the Squiggle side, a registered model's card switches back to the built-in editor on it.
  const fromSquiggle = registeredGroups(listModels(), {
    selectedId: null,
    hrefFor: modelHref,
    onSelect: (id) => {
      if (id !== builtIn.modelId) setBuiltIn((b) => ({ modelId: id, key: b.key + 1 }));
      open("built-in");
    },
  });
  const squiggleStart = kindOf(forecast?.modelId) === "squiggle" ? { source: forecast!.source ?? "", inputs: forecast!.inputs, program: forecast!.program } : { source: SQUIGGLE_TEMPLATE };

  return (
    <>
      {opened.includes("built-in") ? (
        <fieldset className="fe-kind" disabled={kind !== "built-in"} hidden={kind !== "built-in"}>
          <ForecastEditor
            key={builtIn.key}
            name={name}
            initial={builtIn.modelId ? { modelId: builtIn.modelId, inputs: builtIn.modelId === forecast?.modelId ? forecast.inputs : {} } : undefined}
            allowModelChange
            otherModels={[squiggleGroup(false)]}
            modelHref={modelHref}
            errors={kind === "built-in" ? errors : undefined}
          />
        </fieldset>
      ) : null}
      {opened.includes("squiggle") ? (
        <fieldset className="fe-kind" disabled={kind !== "squiggle"} hidden={kind !== "squiggle"}>
          <SquiggleEditor name={name} initial={squiggleStart} errors={kind === "squiggle" ? errors : undefined} picker={<ModelCards groups={[...fromSquiggle, squiggleGroup(true)]} hydrated={hydrated} uid={uid} />} />
        </fieldset>
      ) : null}
    </>
  );
}
