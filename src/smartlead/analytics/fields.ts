/** Inputs the SmartLead analytics tools share: date ranges, time zones, id filters and report inputs. */
import { z } from "zod";
import type { Args } from "../../tools/define";
import { date, limit, timezone } from "../../tools/fields";

/**
 * SmartLead documents no cap for the comma-separated id filters; 100 keeps the
 * URL well under any server's limit while covering realistic filters.
 */
export const MAX_FILTER_IDS = 100;

/** The analytics reports document no limit maximum; 1000 matches the largest documented page elsewhere. */
export const ANALYTICS_MAX_LIMIT = 1000;

export const idList = (what: string) =>
  z.array(z.number().int().positive()).min(1).max(MAX_FILTER_IDS).optional().describe(`Only these ${what} ids (up to ${MAX_FILTER_IDS}); omit for all`);

export const optionalOffset = () => z.number().int().min(0).optional().describe("Number of rows to skip (≥ 0)");

/**
 * Adds "end must not be before start" to a schema, reported on the end field.
 * Plain YYYY-MM-DD strings compare correctly as text; datetimes are compared as instants.
 */
export function ordered<T extends z.ZodType<Args>>(schema: T, start: string, end: string): T {
  return schema.superRefine((value, ctx) => {
    const a = (value as Args)[start];
    const b = (value as Args)[end];
    if (typeof a !== "string" || typeof b !== "string") return;
    const instant = (v: string) => Date.parse(v.replace(" ", "T"));
    const before = /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b) ? b < a : instant(b) < instant(a);
    if (before) ctx.addIssue({ code: "custom", path: [end], message: `must not be before ${start}` });
  }) as unknown as T;
}

/**
 * The statistics endpoint wants "2023-10-16 10:33:02.000Z". Accepts ISO 8601
 * (T or space, Z or an offset) and sends that exact UTC form.
 */
export const SENT_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
export const sentTime = (what: string) =>
  z
    .string()
    .max(40)
    // A refinement rather than .regex(), so the long pattern stays out of the advertised schema.
    .refine(
      (v) => SENT_TIME.test(v) && !Number.isNaN(Date.parse(v.replace(" ", "T"))),
      "expected an ISO 8601 date and time with a zone, e.g. 2026-01-31T09:00:00Z",
    )
    .transform((v) => new Date(Date.parse(v.replace(" ", "T"))).toISOString().replace("T", " "))
    .describe(`${what} (ISO 8601 with zone)`);

/** What an account-wide /analytics/* report takes besides its own fields. */
export interface ReportRange {
  /** Date range: none (snapshot), optional time zone, or required time zone (the *-by-sent-time routes). */
  range: "none" | "tz-optional" | "tz-required";
  /** Also filter by campaign ids (default: when there is a date range). */
  campaigns?: boolean;
  extra?: Record<string, z.ZodType>;
}

/** The input of an account-wide report: every input a query parameter, `timezone` spelled as SmartLead spells it there. */
export function reportInput(spec: ReportRange): z.ZodType<Args> {
  const shape: Record<string, z.ZodType> = {};
  if (spec.range !== "none") {
    shape.start_date = date("First day");
    shape.end_date = date("Last day, not before start_date");
    shape.timezone =
      spec.range === "tz-required"
        ? timezone("IANA time zone of the days, e.g. America/New_York (required)")
        : timezone("IANA time zone of the days, e.g. America/New_York").optional();
  }
  shape.client_ids = idList("client");
  if (spec.campaigns !== false && spec.range !== "none") shape.campaign_ids = idList("campaign");
  Object.assign(shape, spec.extra ?? {});
  const base = z.object(shape).strict();
  return (spec.range === "none" ? base : ordered(base, "start_date", "end_date")) as z.ZodType<Args>;
}

export const fullData = z.boolean().optional().describe("true returns SmartLead's full data set instead of the summary");
export const reportLimit = () => limit(ANALYTICS_MAX_LIMIT);
