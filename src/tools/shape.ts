/**
 * From upstream answer to structured result: the default shape, the one list
 * shaper every list tool declares its rows and paging to, and the usage facts
 * upstream headers add. structuredContent is always an object.
 */
import type { UpstreamResponse } from "../upstream/client";
import type { Args, ListSpec } from "./define";

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Objects as they came, arrays as {items, count}, nothing as {ok: true}, anything else as {value}. */
export function defaultShape(data: unknown): Record<string, unknown> {
  if (Array.isArray(data)) return { items: data, count: data.length };
  if (isRecord(data)) return data;
  if (data === null) return { ok: true };
  return { value: data };
}

/** A count the API sends as a number or as a string of digits; null when it sent neither. */
function countOf(value: unknown): number | null {
  if (typeof value === "number") return value;
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null;
}

/** A list answer as its spec says (see ListSpec): rows, total and, for paged lists, where the next page starts. */
export function listResult(spec: ListSpec, data: unknown, args: Args): Record<string, unknown> {
  const keys = spec.rows ?? [];
  let out: Record<string, unknown>;
  let rows: unknown[] | undefined;
  if (spec.inPlace) {
    out = { ...defaultShape(data) };
    rows = keys.map((k) => out[k]).find(Array.isArray);
  } else {
    const obj = isRecord(data) ? data : undefined;
    const key = keys.find((k) => Array.isArray(obj?.[k]));
    rows = Array.isArray(data) ? data : key ? (obj![key] as unknown[]) : undefined;
    if (spec.only) out = { items: rows ?? [], count: rows?.length ?? 0 };
    else if (rows) {
      const { [key ?? ""]: _rows, ...rest } = obj ?? {};
      out = { ...rest, items: rows, count: rows.length };
    } else out = { ...defaultShape(data) };
  }
  const total = spec.total ? countOf(isRecord(data) ? data[spec.total] : undefined) : null;
  if (spec.total) out.total_count = total;
  if (spec.paged) {
    const offset = typeof args.offset === "number" ? args.offset : 0;
    const limit = typeof args.limit === "number" ? args.limit : null;
    const seen = rows?.length ?? 0;
    const more = total !== null ? offset + seen < total : rows !== undefined && limit !== null && seen >= limit;
    out.offset = offset;
    out.limit = limit;
    out.next_offset = more && seen > 0 ? offset + seen : null;
  }
  return out;
}

/** Usage facts from headers, shown to the model when present. */
export function withUsage(data: Record<string, unknown>, response: UpstreamResponse): Record<string, unknown> {
  const out = { ...data };
  if (response.creditsRemaining !== undefined) out.credits_remaining = response.creditsRemaining;
  if (response.creditsCost !== undefined) out.credits_cost = response.creditsCost;
  if (response.rateLimitExhausted) {
    out.rate_limit = { remaining: 0, reset_seconds: response.rateLimitResetSeconds ?? null };
  }
  return out;
}
