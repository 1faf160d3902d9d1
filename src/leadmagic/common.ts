/**
 * What every LeadMagic tool shares: the two annotation sets (paid / free
 * lookups), lenient output-field builders, and the result shapes that turn
 * "nothing found" (HTTP 200, null fields, credits_consumed 0) into a plain
 * one-line summary instead of an error.
 */
import { z } from "zod";
import type { Args, ToolDefinition, ToolOutcome } from "../tools/define";
import { defaultShape } from "../tools/shape";
import type { UpstreamResponse } from "../upstream/client";

// Output fields are all optional and nullable: LeadMagic's published field
// sets drift between versions, and a real answer must never fail validation.
export const str = () => z.string().nullable().optional();
export const num = () => z.number().nullable().optional();
export const bool = () => z.boolean().nullable().optional();
/** Documented as a string in one source and a number in another. */
export const strOrNum = () => z.union([z.string(), z.number()]).nullable().optional();
/** A nested value whose shape the sources do not agree on. */
export const any = () => z.unknown().optional();
export const list = <T extends z.ZodType>(item: T) => z.array(item).nullable().optional();
export const record = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape).nullable().optional();

/** Credit facts: credits_consumed from the body, credits_remaining / credits_cost from the headers. */
export const USAGE = {
  credits_consumed: num().describe("Credits charged (0 on a free miss)"),
  credits_remaining: num(),
  credits_cost: num(),
};

/** Declared by the finder tools, whose shape adds it. */
export const FOUND = { found: z.boolean().describe("False when nothing was found (a normal result)") };

/** An array answer, wrapped by the forwarder. */
export function itemsOutput<T extends z.ZodRawShape>(item: T) {
  return z.looseObject({ items: z.array(z.looseObject(item)), count: z.number(), ...USAGE });
}

type Data = Record<string, unknown>;

/** A value that carries information: not null/empty, and for objects at least one such member. */
export function has(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.values(v as object).some(has);
  return true;
}

export const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

/** Credits the call was charged: the body's credits_consumed, else the X-Credits-Cost header. */
function creditsCharged(data: Data, response: UpstreamResponse): number | undefined {
  const body = data.credits_consumed;
  if (typeof body === "number" && Number.isFinite(body)) return body;
  return response.creditsCost;
}

export function chargeText(credits: number | undefined): string {
  if (credits === undefined) return "the credit charge was not reported";
  if (credits === 0) return "no credits were charged";
  return `${credits} credit${credits === 1 ? " was" : "s were"} charged`;
}

/** The given string parts joined with spaces, e.g. first and last name. */
export function subject(...parts: unknown[]): string {
  return parts.filter((p) => typeof p === "string" && p.trim() !== "").join(" ");
}

/** The first of these inputs that was given (e.g. the company domain, else its name). */
export function firstOf(args: Args, ...keys: string[]): string {
  for (const k of keys) {
    const v = args[k];
    if (typeof v === "string" && v.trim()) return v;
  }
  return "";
}

export interface FinderSpec {
  /** Whether the answer holds a result. */
  found: (data: Data) => boolean;
  /** What was found, e.g. "Found jane@example.com (valid) for Jane Doe at example.com". */
  hit: (data: Data, args: Args) => string;
  /** What was looked for, e.g. "No email found for Jane Doe at example.com". */
  miss: (args: Args, data: Data) => string;
}

/**
 * Shape for the paid lookups: the answer unchanged plus `found`, and one plain
 * sentence saying what was (or was not) found and what it cost.
 */
export function finder(spec: FinderSpec): NonNullable<ToolDefinition["shape"]> {
  return (raw: unknown, args: Args, response: UpstreamResponse): ToolOutcome => {
    const data = defaultShape(raw);
    const found = spec.found(data);
    const text = found ? spec.hit(data, args) : spec.miss(args, data);
    return { data: { ...data, found }, summary: `${text}; ${chargeText(creditsCharged(data, response))}.` };
  };
}

/** Shape that only adds a summary (lookups where "found" does not fit, e.g. validation). */
export function summarized(text: (data: Data, args: Args) => string): NonNullable<ToolDefinition["shape"]> {
  return (raw: unknown, args: Args, response: UpstreamResponse): ToolOutcome => {
    const data = defaultShape(raw);
    return { data, summary: `${text(data, args)}; ${chargeText(creditsCharged(data, response))}.` };
  };
}

/** Input schema of a tool that takes nothing. */
export const noInput = () => z.object({}).strict();
