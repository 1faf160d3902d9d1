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
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === "$schema") continue;
    if (k === "pattern" && "format" in src) continue;
    if ((k === "maximum" && v === SAFE_INT) || (k === "minimum" && v === -SAFE_INT)) continue;
    // Open objects are the JSON Schema default; an empty property list says nothing.
    if (k === "additionalProperties" && isEmptyObject(v)) continue;
    if (k === "properties" && isEmptyObject(v)) continue;
    out[k] = lean(v);
  }
  return nullableAsTypeList(out);
}

const isEmptyObject = (v: unknown) => !!v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;

/** {anyOf: [{type: "x", …}, {type: "null"}]} → {type: ["x", "null"], …}: same meaning, half the bytes. */
function nullableAsTypeList(node: Json): Json {
  const anyOf = node.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return node;
  const nullIndex = anyOf.findIndex((s) => (s as Json).type === "null" && Object.keys(s as Json).length === 1);
  if (nullIndex < 0) return node;
  const other = anyOf[1 - nullIndex] as Json;
  if (typeof other.type !== "string") return node;
  const { anyOf: _anyOf, ...rest } = node;
  return { ...rest, ...other, type: [other.type, "null"] };
}

export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const json = lean(z.toJSONSchema(schema, { io, unrepresentable: "any" })) as Json;
  if (json.type !== "object") throw new Error("tool schemas must be objects");
  return json;
}
