// What the fork editor needs of the forecast it forks, when the server renders it open (a
// page asked for with `fork=1`: without JavaScript the editor cannot fetch it itself).
import type { AppLoadContext } from "@remix-run/node";
import type { ForkParent } from "../components/fork-form";
import type { Inputs } from "../forecast/types";

export async function forkParentOf(context: AppLoadContext, forecastId: number): Promise<ForkParent> {
  const { forecasts } = context.services;
  const row = await forecasts.row(forecastId);
  const program = await forecasts.programOf(row);
  const code = await forecasts.effectiveCode(row);
  return {
    modelId: row.modelId,
    inputs: JSON.parse(row.inputs) as Inputs,
    ...(program && code !== null ? { program: { source: code, inputs: program.model.inputs, output: program.analysis.output } } : {}),
  };
}
