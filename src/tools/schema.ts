/**
 * Advertised JSON Schemas, built from the zod schemas once per isolate.
 * The server validates every call with zod itself, so the advertised form only
 * needs what helps a model, in a form every client's validator accepts: types,
 * formats, bounds, enums, descriptions. Dropped or rewritten: `$schema`, zod's
 * regexes beside a `format`, its ±2^53 integer bounds, tuples (2020-12
 * `prefixItems` with `items: false`, which older validators reject), and empty
 * schemas `{}` (strict validators refuse them; they become "any JSON value").
 */
import { z } from "zod";

type Json = Record<string, unknown>;

const SAFE_INT = Number.MAX_SAFE_INTEGER;

/** What an unconstrained value is, spelled out. */
export const ANY_JSON_TYPES = ["object", "array", "string", "number", "boolean", "null"] as const;

/** Keywords whose presence says what a value is (a schema without any of them says nothing). */
const SHAPE_KEYWORDS = ["type", "anyOf", "oneOf", "allOf", "$ref", "enum", "const", "not"];

const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);
const isEmptyObject = (v: unknown) => isObject(v) && Object.keys(v).length === 0;

const mapValues = (map: unknown, f: (v: unknown) => unknown): unknown =>
  isObject(map) ? Object.fromEntries(Object.entries(map).map(([k, v]) => [k, f(v)])) : map;

/** One schema (not a keyword map): its sub-schemas are leaned by position. */
function lean(node: unknown): unknown {
  if (!isObject(node)) return node;
  const src = tupleAsList(node);
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === "$schema") continue;
    if (k === "pattern" && "format" in src) continue;
    if ((k === "maximum" && v === SAFE_INT) || (k === "minimum" && v === -SAFE_INT)) continue;
    // Open objects are the JSON Schema default; an empty property list says nothing.
    if (k === "additionalProperties" && isEmptyObject(v)) continue;
    if (k === "properties" && isEmptyObject(v)) continue;
    if (k === "properties" || k === "$defs" || k === "definitions") out[k] = mapValues(v, lean);
    else if (k === "items" || k === "additionalProperties" || k === "not") out[k] = lean(v);
    else if (k === "anyOf" || k === "oneOf" || k === "allOf") out[k] = (v as unknown[]).map(lean);
    else out[k] = v;
  }
  if (!SHAPE_KEYWORDS.some((k) => k in out)) out.type = [...ANY_JSON_TYPES];
  return nullableAsTypeList(out);
}

/** {prefixItems: [a, b], items: false} → {items: a | b, minItems: 2, maxItems: 2}: the same bound, in every draft's words. */
function tupleAsList(node: Json): Json {
  if (!Array.isArray(node.prefixItems)) return node;
  const { prefixItems, items: _closed, ...rest } = node;
  const distinct = [...new Map((prefixItems as unknown[]).map((s) => [JSON.stringify(s), s])).values()];
  const n = (prefixItems as unknown[]).length;
  return { ...rest, items: distinct.length === 1 ? distinct[0] : { anyOf: distinct }, minItems: n, maxItems: n };
}

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
