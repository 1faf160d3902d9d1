/** Inputs and outputs the SmartLead master-inbox tools share. */
import { z } from "zod";
import type { Args } from "../../tools/define";
import { id, limit, offset } from "../../tools/fields";

export const leadMapId = id("Lead-in-campaign id (campaign_lead_map_id / email_lead_map_id from inbox results)");
export const statsId = (what: string) => z.string().trim().min(1).max(200).describe(what);
/** An RFC 5322 Message-ID such as <uuid@domain>; a header line is at most 998 characters. */
export const messageId = (what: string) => z.string().trim().min(1).max(998).describe(what);
export const emailList = (what: string, max = 20) => z.array(z.email().max(320)).min(1).max(max).describe(`${what} (≤ ${max})`);

export const EMAIL_STATUS = z.enum(["Opened", "Clicked", "Replied", "Unsubscribed", "Bounced", "Accepted", "Not Replied"]);
export const positive = z.number().int().positive();
export const isoTime = z.iso.datetime({ offset: true });

/** Array limits of one list endpoint's filters; 1 means the endpoint takes a single value only. */
export interface FilterLimits {
  campaigns: number;
  accounts: number;
  others: number;
  subSequence?: boolean;
}

/**
 * The API takes one id or a list where several are allowed; we take a list there
 * (a one-element list is valid upstream) to keep the advertised schema small.
 */
export function ids(max: number) {
  return max === 1 ? positive : z.array(positive).min(1).max(max);
}

export function inboxFilters(l: FilterLimits) {
  const single = l.others === 1;
  return z
    .object({
      search: z.string().trim().min(1).max(30).optional().describe("Lead email, name or message text (≤ 30 chars)"),
      leadCategories: z
        .object({
          unassigned: z.boolean().optional(),
          isAssigned: z.boolean().optional(),
          categoryIdsIn: z.array(positive).min(1).max(10).optional(),
          categoryIdsNotIn: z.array(positive).min(1).max(10).optional(),
        })
        .strict()
        .optional()
        .describe("Category ids: 1 Interested, 2 Meeting Request, 3 Not Interested, 4 Do Not Contact, 5 Information Request, or custom"),
      emailStatus: (single ? EMAIL_STATUS : z.array(EMAIL_STATUS).min(1).max(7)).optional(),
      campaignId: ids(l.campaigns).optional(),
      emailAccountId: ids(l.accounts).optional(),
      campaignTeamMemberId: ids(l.others).optional(),
      campaignTagId: ids(l.others).optional(),
      campaignClientId: ids(l.others).optional(),
      ...(l.subSequence ? { subSequenceId: positive.optional().describe("Subsequence (child campaign) id") } : {}),
      replyTimeBetween: z.tuple([isoTime, isoTime]).optional().describe("Reply time range [from, to], ISO 8601"),
    })
    .strict()
    .optional()
    .describe(single ? "Filters; id filters take one id each" : "Filters; id filters take lists of ids");
}

export const PAGE = z.looseObject({
  items: z.array(z.unknown()).optional(),
  count: z.number().optional(),
  total_count: z.number().nullable().optional(),
  offset: z.number().optional(),
  limit: z.number().nullable().optional(),
  next_offset: z.number().nullable().optional(),
});

/**
 * Inbox lists come back as a bare array of threads (older docs, most clients)
 * or as {messages, total_count, offset, limit} (current docs). Either way the
 * result is {items, count, total_count, offset, limit, next_offset}.
 */
export const INBOX_PAGE = { rows: ["messages", "data"], only: true, total: "total_count", paged: true } as const;

export const SORT_REPLY = ["REPLY_TIME_DESC", "SENT_TIME_DESC"] as const;

/** The input of an inbox list: a page of at most 20, its filters and sort order, and (where the endpoint takes it) full thread history. */
export function inboxListInput(sort: readonly [string, ...string[]], filters: FilterLimits, history: boolean): z.ZodType<Args> {
  return z
    .object({
      ...(history ? { fetch_message_history: z.boolean().optional().describe("Include full thread history (slower)") } : {}),
      offset: offset(),
      limit: limit(20, 20),
      filters: inboxFilters(filters),
      sortBy: z.enum(sort).optional().describe("Sort order"),
    })
    .strict();
}

export const STANDARD: FilterLimits = { campaigns: 5, accounts: 10, others: 10 };
export const SINGLE: FilterLimits = { campaigns: 1, accounts: 1, others: 1 };

export const joinList = (v: unknown) => (Array.isArray(v) ? v.join(",") : v);

export const ACK = z.looseObject({ ok: z.boolean().optional(), success: z.boolean().optional(), message: z.string().optional() });
