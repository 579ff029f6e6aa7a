// Posts a form to a route's single-fetch endpoint (`<path>.data`), as Remix's browser client
// does, and reads the action's result. The document endpoint would render the whole page
// (every comment of the thread) on each reply and carries no comment id.
import type { Client } from "./client";

export interface ActionReply {
  status: number;
  data: Record<string, unknown> | null;
}

export async function postAction(client: Client, path: string, form: Record<string, string | number>): Promise<ActionReply> {
  const res = await client.post(`${path}.data`, form);
  return { status: res.status, data: decodeActionData(res.text) };
}

/**
 * Just enough of Remix's turbo-stream format for flat action results: the first line is a
 * JSON array; objects map `_<key index>` to a value index; the root is `{ data: <result> }`.
 */
export function decodeActionData(text: string): Record<string, unknown> | null {
  let table: unknown[];
  try {
    table = JSON.parse(text.split("\n")[0]!) as unknown[];
  } catch {
    return null;
  }
  const at = (index: number): unknown => {
    if (index < 0) return undefined; // negative indexes encode undefined, null, NaN and the like
    const value = table[index];
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [String(table[Number(k.slice(1))]), at(v as number)]));
  };
  const root = at(0) as { data?: unknown } | undefined;
  return root && typeof root.data === "object" ? (root.data as Record<string, unknown>) : null;
}
