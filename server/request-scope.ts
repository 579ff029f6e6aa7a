// Who a piece of server work is for, carried along a request's async calls. The worker pool
// reads it to share its threads fairly between people (server/fair-queue.ts) without every
// service passing an owner down to each render and model run.
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<{ owner: string }>();

/** Runs `fn` (and everything it starts) on behalf of `owner`: "user:<id>" or "ip:<address>". */
export function runAs<T>(owner: string, fn: () => T): T {
  return scope.run({ owner }, fn);
}

/** Work started outside any request (boot, seeding) belongs to the server itself. */
export function currentOwner(): string {
  return scope.getStore()?.owner ?? "server";
}
