/**
 * Advertised JSON Schemas, built from the zod schemas once per isolate.
 * The server validates every call with zod itself, so the advertised form only
 * needs what helps a model: types, formats, bounds, enums, descriptions. zod's
 * own regexes beside a `format`, its ±2^53 integer bounds and `$schema` are dropped.
 */
import { z } from "zod";

type Json = Record<string, unknown>;

const SAFE_INT = Number.MAX_SAFE_INTEGER;

function lean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lean);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === "$schema") continue;
    if (k === "pattern" && "format" in (node as Json)) continue;
    if ((k === "maximum" && v === SAFE_INT) || (k === "minimum" && v === -SAFE_INT)) continue;
    out[k] = lean(v);
  }
  return out;
}

export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const json = lean(z.toJSONSchema(schema, { io, unrepresentable: "any" })) as Json;
  if (json.type !== "object") throw new Error("tool schemas must be objects");
  return json;
}
