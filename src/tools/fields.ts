/**
 * Reusable zod fields, so every tool validates the same kind of input the same
 * way. Each carries a short description that ends up in the advertised schema.
 */
import { z } from "zod";

/** A positive integer id (campaign, lead, email account, …). */
export const id = (what: string) => z.number().int().positive().describe(`${what} (positive integer)`);

export const email = (what = "Email address") => z.email().max(320).describe(what);

export const url = (what: string) =>
  z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .describe(what);

/** Bounded free text. */
export const text = (what: string, max = 500) => z.string().trim().min(1).max(max).describe(what);

export const date = (what = "Date") => z.iso.date().describe(`${what} (YYYY-MM-DD)`);

export const datetime = (what = "Date and time") => z.iso.datetime({ offset: true }).describe(`${what} (ISO 8601, e.g. 2026-01-31T09:00:00Z)`);

/** Clock time "HH:MM", 24-hour. */
export const hhmm = (what: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)")
    .describe(`${what} (HH:MM, 24-hour)`);

/** An IANA time zone name, checked against the runtime's time zone database. */
export const timezone = (what = "IANA time zone, e.g. America/New_York") =>
  z
    .string()
    .min(1)
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "not a valid IANA time zone")
    .describe(what);

/** Day of week, 0 = Sunday … 6 = Saturday. */
export const weekday = z.number().int().min(0).max(6).describe("Day of week, 0 = Sunday … 6 = Saturday");

export const offset = () => z.number().int().min(0).default(0).describe("Number of items to skip (≥ 0)");

export const limit = (max: number, fallback?: number) => {
  const base = z.number().int().min(1).max(max);
  return (fallback === undefined ? base.optional() : base.default(fallback)).describe(`Items per page (1–${max})`);
};

export const page = () => z.number().int().min(1).max(10_000).optional().describe("Page number (≥ 1)");

const DOMAIN_NAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

/** A company domain such as example.com (no scheme, no path). */
export const domain = (what = "Company domain, e.g. example.com") =>
  z.string().trim().toLowerCase().max(253).regex(DOMAIN_NAME, "expected a bare domain like example.com").describe(what);

/**
 * A custom tracking domain, the host name a mailbox's tracked links point at
 * (SmartLead's custom_tracking_url: the docs' examples are bare hosts such as
 * track.example.com, despite the field's name).
 */
export const trackingDomain = (what = "Custom tracking domain for links, e.g. track.example.com (no scheme or path)") =>
  z.string().trim().toLowerCase().max(253).regex(DOMAIN_NAME, "expected a tracking domain like track.example.com (no scheme or path)").describe(what);

/** Requires at least one of the named fields to be present. */
export function atLeastOne<T extends z.ZodObject>(schema: T, fields: readonly (keyof z.infer<T> & string)[]) {
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    if (!fields.some((f) => v[f] !== undefined && v[f] !== "")) {
      ctx.addIssue({ code: "custom", path: [fields[0]!], message: `provide at least one of: ${fields.join(", ")}` });
    }
  });
}

/** Requires exactly one of the named fields (they are alternatives, e.g. chosen ids or a whole list). */
export function exactlyOne<T extends z.ZodObject>(schema: T, fields: readonly (keyof z.infer<T> & string)[]) {
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    if (fields.filter((f) => v[f] !== undefined).length !== 1) {
      ctx.addIssue({ code: "custom", path: [fields[0]!], message: `give exactly one of ${fields.join(" or ")}` });
    }
  });
}
