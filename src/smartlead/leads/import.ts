/**
 * Bulk import of leads into a campaign (POST /campaigns/{campaign_id}/leads).
 *
 * SmartLead takes at most 400 leads per request (current docs; older docs said
 * 350, and the old help-center page 100), so one tool call of up to 2,000 leads
 * is split into chunks sent one after another. Exact duplicate emails
 * (case-insensitive) are dropped before sending; the first occurrence wins.
 *
 * Failure policy (a judgement call): a failed first chunk means nothing was
 * imported, so the call fails as an isError result with the upstream's error
 * code. A chunk that fails after at least one chunk went through cannot be an
 * isError result without hiding what was imported, so the call returns a normal
 * result with `complete: false`, `failed_chunk`, the error, the per-chunk
 * reports and exactly which leads were not sent, with a summary that starts
 * with "Partial import". A chunk answered with `ok: false` counts as failed; a
 * chunk whose answer says the account's lead limit is exhausted stops the
 * import too, since every later chunk would be refused.
 */
import { z } from "zod";
import { type Args, MAX_UPSTREAM_REQUESTS_PER_CALL, type RunContext, type ToolOutcome } from "../../tools/define";
import { email } from "../../tools/fields";
import { fillPath } from "../../tools/forward";
import { ToolError } from "../../upstream/errors";
import { redact, upstreamMessage } from "../../upstream/redact";
import { campaignId } from "../fields";

export const MAX_LEADS_PER_CALL = 2000;
/** Current docs; older docs said 350 and 100. */
export const MAX_LEADS_PER_REQUEST = 400;
export const MAX_CUSTOM_FIELDS = 200;

export const customFields = z
  .record(z.string().trim().min(1).max(100), z.string().max(5000))
  .refine((o) => Object.keys(o).length <= MAX_CUSTOM_FIELDS, `at most ${MAX_CUSTOM_FIELDS} custom fields per lead`)
  .describe(`Up to ${MAX_CUSTOM_FIELDS} personalization fields, string values`);

/** Optional lead text; empty strings are allowed because CSV-derived rows often carry them. */
const field = (what: string, max: number) => z.string().max(max).optional().describe(what);

/** The documented lead fields; unknown keys are refused so a typo (e.g. "company") never silently disappears. */
export const leadFields = {
  first_name: field("First name", 200),
  last_name: field("Last name", 200),
  phone_number: field("Phone", 50),
  company_name: field("Company", 300),
  website: field("Website", 2048),
  location: field("Location", 300),
  linkedin_profile: field("LinkedIn URL", 2048),
  company_url: field("Company URL", 2048),
  custom_fields: customFields.optional(),
};

export const leadInput = z.object({ email: email("Email (required)"), ...leadFields }).strict();

export const importSettings = z
  .object({
    ignore_global_block_list: z.boolean().optional().describe("Import globally blocked leads too"),
    ignore_unsubscribe_list: z.boolean().optional().describe("Import unsubscribed leads too"),
    ignore_duplicate_leads_in_other_campaign: z.boolean().optional().describe("Allow leads already in other campaigns"),
    ignore_community_bounce_list: z.boolean().optional().describe("Skip the community bounce list"),
    return_lead_ids: z.boolean().optional().describe("Return the new lead ids"),
  })
  .strict()
  .describe("Checks to relax (all default false)");

export const addLeadsInput = z
  .object({
    campaign_id: campaignId,
    lead_list: z.array(leadInput).min(1).max(MAX_LEADS_PER_CALL).describe("Leads to add"),
    settings: importSettings.optional(),
    chunk_size: z
      .number()
      .int()
      .min(1)
      .max(MAX_LEADS_PER_REQUEST)
      .default(MAX_LEADS_PER_REQUEST)
      .describe("Leads per request; lower it if the account enforces an older limit (350 or 100)"),
  })
  .strict()
  .superRefine((v, ctx) => {
    const requests = Math.ceil(v.lead_list.length / v.chunk_size);
    if (requests > MAX_UPSTREAM_REQUESTS_PER_CALL) {
      ctx.addIssue({
        code: "custom",
        path: ["chunk_size"],
        message: `${v.lead_list.length} leads in chunks of ${v.chunk_size} would take ${requests} requests, and one call makes at most ${MAX_UPSTREAM_REQUESTS_PER_CALL}: use a chunk_size of at least ${Math.ceil(v.lead_list.length / MAX_UPSTREAM_REQUESTS_PER_CALL)}, or split the leads over several calls`,
      });
    }
  });

/** SmartLead's counters in an add-leads answer, summed over the chunks that went through. */
const COUNTERS = [
  "upload_count",
  "total_leads",
  "already_added_to_campaign",
  "duplicate_count",
  "invalid_email_count",
  "block_count",
  "bounce_count",
  "unsubscribed_leads",
  "lead_import_stopped_count",
] as const;

type Lead = z.infer<typeof leadInput>;

interface ChunkReport {
  chunk: number;
  status: "sent" | "failed" | "not_sent";
  lead_count: number;
  /** Positions in the caller's lead_list (0-based) of the first and last lead in this chunk. */
  first_index: number;
  last_index: number;
  /** SmartLead's answer for this chunk, as it came. */
  result?: unknown;
  error?: { code: string; message: string; status?: number; may_have_acted?: boolean };
}

function count(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  // unsubscribed_leads (and invalid_emails) come back as lists of emails.
  if (Array.isArray(value)) return value.length;
  return undefined;
}

const fmt = (n: number) => n.toLocaleString("en-US");

export async function addLeadsToCampaign(rawArgs: Args, ctx: RunContext): Promise<ToolOutcome> {
  const args = rawArgs as z.infer<typeof addLeadsInput>;
  const leads = args.lead_list as Lead[];
  const size = args.chunk_size ?? MAX_LEADS_PER_REQUEST;

  const seen = new Map<string, number>();
  const kept: { index: number; lead: Lead }[] = [];
  const dropped: { index: number; email: string; duplicate_of: number }[] = [];
  leads.forEach((lead, index) => {
    const key = lead.email.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      kept.push({ index, lead });
    } else {
      dropped.push({ index, email: lead.email, duplicate_of: first });
    }
  });

  const chunks: { index: number; lead: Lead }[][] = [];
  for (let i = 0; i < kept.length; i += size) chunks.push(kept.slice(i, i + size));

  const path = fillPath("/campaigns/{campaign_id}/leads", args);
  const reports: ChunkReport[] = chunks.map((c, i) => ({
    chunk: i + 1,
    status: "not_sent",
    lead_count: c.length,
    first_index: c[0]!.index,
    last_index: c.at(-1)!.index,
  }));
  const totals: Record<string, number> = {};
  let failed: { chunk: number; error: NonNullable<ChunkReport["error"]>; reason: string } | undefined;

  for (let i = 0; i < chunks.length; i++) {
    const report = reports[i]!;
    const body: Record<string, unknown> = { lead_list: chunks[i]!.map((c) => c.lead) };
    if (args.settings) body.settings = args.settings;
    let data: unknown;
    try {
      data = (await ctx.call({ method: "POST", path, body })).data;
    } catch (err) {
      if (!(err instanceof ToolError)) throw err;
      const error = { code: err.code, message: err.message, status: err.details.status, may_have_acted: err.details.may_have_acted };
      if (i === 0) {
        const rest = chunks.length > 1 ? ` None of the ${chunks.length} chunks was imported.` : "";
        throw new ToolError(err.code, `${err.message}${rest}`, err.details);
      }
      report.status = "failed";
      report.error = error;
      failed = { chunk: i + 1, error, reason: "request_failed" };
      break;
    }
    report.status = "sent";
    report.result = data;
    const answer = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    for (const key of COUNTERS) {
      const n = count(answer[key]);
      if (n !== undefined) totals[key] = (totals[key] ?? 0) + n;
    }
    if (answer.ok === false) {
      report.status = "failed";
      const said = upstreamMessage(answer);
      const message = said ? redact(said, []) : "SmartLead answered ok: false for this chunk.";
      if (i === 0) throw new ToolError("upstream_rejected", `SmartLead did not import the leads: ${message}`);
      report.error = { code: "upstream_rejected", message };
      failed = { chunk: i + 1, error: report.error, reason: "rejected" };
      break;
    }
    if (answer.is_lead_limit_exhausted === true && i < chunks.length - 1) {
      failed = {
        chunk: i + 1,
        error: { code: "upstream_rejected", message: "SmartLead reports the account's lead limit is exhausted; later chunks were not sent." },
        reason: "lead_limit_exhausted",
      };
      break;
    }
  }

  const notSent = reports.filter((r) => r.status !== "sent").flatMap((r) => chunks[r.chunk - 1]!);
  const sent = reports.filter((r) => r.status === "sent");
  const leadsSent = sent.reduce((n, r) => n + r.lead_count, 0);
  const data: Record<string, unknown> = {
    complete: failed === undefined,
    campaign_id: args.campaign_id,
    leads_received: leads.length,
    duplicates_dropped: { count: dropped.length, leads: dropped },
    chunk_size: size,
    chunks_total: chunks.length,
    chunks_sent: sent.length,
    leads_sent: leadsSent,
    totals,
    chunks: reports,
  };

  const dupNote = dropped.length ? ` ${fmt(dropped.length)} duplicate email(s) dropped before sending.` : "";
  const counters = Object.entries(totals)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ");
  if (!failed) {
    return {
      data,
      summary:
        `Imported into campaign ${args.campaign_id}: ${fmt(leadsSent)} lead(s) sent in ${chunks.length} chunk(s).` +
        `${dupNote}${counters ? ` SmartLead reported: ${counters}.` : ""}`,
    };
  }

  const chunkFailed = failed.reason !== "lead_limit_exhausted";
  data.failed_chunk = chunkFailed ? failed.chunk : null;
  data.stop_reason = failed.reason;
  data.error = failed.error;
  data.not_sent = {
    count: notSent.length,
    lead_indexes: notSent.map((c) => c.index),
    emails: notSent.map((c) => c.lead.email),
  };
  const maybe = failed.error.may_have_acted
    ? ` Chunk ${failed.chunk} may have been partly imported before it failed; resending it is safe because SmartLead skips leads already in the campaign (already_added_to_campaign).`
    : "";
  data.resume =
    `Call smartlead_add_leads_to_campaign again with campaign_id ${args.campaign_id}, the same settings, and only the leads ` +
    `at not_sent.lead_indexes of the original lead_list.${maybe}`;
  const what = chunkFailed
    ? `chunk ${failed.chunk} failed (${failed.error.code}: ${failed.error.message})`
    : `stopped after chunk ${failed.chunk}: ${failed.error.message}`;
  return {
    data,
    summary:
      `Partial import into campaign ${args.campaign_id}: ${sent.length} of ${chunks.length} chunk(s) sent (${fmt(leadsSent)} lead(s)); ${what}. ` +
      `${fmt(notSent.length)} lead(s) were not sent — see not_sent.lead_indexes; to resume, send only those leads again.${dupNote}`,
  };
}
