/** Inputs and outputs the SmartLead lead tools share. */
import { z } from "zod";
import { date, datetime, email, id } from "../../tools/fields";
import { leadStatus } from "../fields";
import { leadFields } from "./import";

export const CAMPAIGN_LOOKUP = { path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] } as const;

export const leadListId = id("Lead list id");
export const tagId = id("Tag id");
export const transferAction = z.enum(["copy", "move"]).describe("copy keeps the leads in the source; move removes them from it");

/** The campaign-leads filter takes every lead status except BLOCKED (catalog param notes). */
export const leadStatusFilter = leadStatus.exclude(["BLOCKED"]);
export const emailStatus = z.enum([
  "is_opened",
  "is_clicked",
  "is_bounced",
  "is_replied",
  "is_unsubscribed",
  "is_spam",
  "is_accepted",
  "not_replied",
  "is_sender_bounced",
]);

/** Activity filters accept ISO 8601 or a bare YYYY-MM-DD (docs). */
export const dateOrDateTime = (what: string) => z.union([datetime(what), date(what)]).describe(`${what} (ISO 8601 or YYYY-MM-DD)`);

export const primitive = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
/** An opaque settings/filters object the docs do not spell out: small, flat, primitive values (or short lists of them). */
export const looseSettings = (what: string, maxKeys = 20) =>
  z
    .record(z.string().min(1).max(64), z.union([primitive, z.array(primitive).max(100)]))
    .refine((o) => Object.keys(o).length <= maxKeys, `at most ${maxKeys} keys`)
    .describe(what);

export const pageFields = {
  items: z.array(z.looseObject({})).optional(),
  count: z.number().optional(),
  offset: z.number().optional(),
  limit: z.number().nullable().optional(),
  next_offset: z.number().nullable().optional(),
};

export const leadRecord = z.looseObject({
  id: z.number().optional(),
  email: z.string().nullable().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  company_name: z.string().nullable().optional(),
  is_unsubscribed: z.boolean().nullable().optional(),
});

export const okResult = z.looseObject({ ok: z.boolean().optional(), message: z.string().nullable().optional() });

/** Lead list import: the docs show free-form lead objects (e.g. "company"), so extra flat fields are allowed. */
export const listLead = z
  .object({ email: email("Lead's email address (required)"), ...leadFields })
  .catchall(primitive)
  .refine((o) => Object.keys(o).length <= 250, "at most 250 fields per lead");
