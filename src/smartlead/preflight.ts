/**
 * Launch preflight: what a careful person checks before starting a campaign,
 * from four reads (the campaign, its sequence, its mailboxes, its lead counts).
 * Each check is pass, warn or block with the reason. The tool answers it, and
 * starting a campaign (smartlead_update_campaign_status with START) shows it in
 * the preview and refuses the confirmation while a check blocks, unless the
 * caller passes override_preflight.
 */
import { z } from "zod";
import type { RunContext, ToolDefinition } from "../tools/define";
import { fillPath } from "../tools/forward";
import { toolset } from "../tools/toolset";
import { campaignId } from "./fields";

const t = toolset("smartlead_campaigns");

export type Verdict = "pass" | "warn" | "block";

export interface Check {
  check: string;
  result: Verdict;
  why: string;
}

export interface Preflight {
  campaign_id: number;
  campaign_name?: string;
  /** The worst verdict of the checks. */
  result: Verdict;
  checks: Check[];
}

/** The endpoints the preflight reads, by catalog id (declared on every tool that runs it). */
export const PREFLIGHT_READS = [
  "sl.get_campaigns_by_campaign_id",
  "sl.get_campaigns_by_campaign_id_sequences",
  "sl.get_campaigns_by_campaign_id_email_accounts",
  "sl.get_campaigns_by_campaign_id_analytics",
] as const;

/** A mailbox whose warmup reputation is below this is warned about. */
const MIN_WARMUP_REPUTATION = 80;

type Row = Record<string, unknown>;
const rows = (data: unknown): Row[] => (Array.isArray(data) ? data.filter((r): r is Row => Boolean(r) && typeof r === "object") : []);
const text = (v: unknown) => (typeof v === "string" ? v.replace(/<[^>]*>/g, "").trim() : "");
const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN);

function sequenceCheck(steps: Row[]): Check {
  const check = "sequence";
  if (steps.length === 0) return { check, result: "block", why: "The campaign has no email steps." };
  const sorted = [...steps].sort((a, b) => num(a.seq_number) - num(b.seq_number));
  const emptyBody = sorted.filter((s) => text(s.email_body) === "").map((s) => s.seq_number);
  if (emptyBody.length) return { check, result: "block", why: `Step(s) ${emptyBody.join(", ")} have no body.` };
  if (text(sorted[0]!.subject) === "") return { check, result: "block", why: "The first step has no subject." };
  // Later steps without a subject are sent as replies in the same thread: normal.
  return { check, result: "pass", why: `${steps.length} step(s), the first with a subject, each with a body.` };
}

function mailboxChecks(accounts: Row[]): Check[] {
  if (accounts.length === 0) {
    return [{ check: "email_accounts", result: "block", why: "No email account is attached: the campaign has nothing to send from." }];
  }
  const connected = accounts.filter((a) => a.is_smtp_success === true && a.is_imap_success === true);
  const broken = accounts.length - connected.length;
  const connection: Check =
    connected.length === 0
      ? { check: "email_accounts", result: "block", why: `None of the ${accounts.length} attached email account(s) has working SMTP and IMAP.` }
      : broken > 0
        ? { check: "email_accounts", result: "warn", why: `${broken} of ${accounts.length} attached email account(s) fail SMTP or IMAP; they will not send.` }
        : { check: "email_accounts", result: "pass", why: `${accounts.length} email account(s) attached, SMTP and IMAP connected.` };
  const cold = connected.filter((a) => {
    const warmup = (a.warmup_details ?? {}) as Row;
    const reputation = num(String(warmup.warmup_reputation ?? "").replace("%", ""));
    return warmup.status !== "ACTIVE" || !(reputation >= MIN_WARMUP_REPUTATION);
  });
  const warmup: Check = cold.length
    ? {
        check: "warmup",
        result: "warn",
        why: `${cold.length} connected email account(s) have warmup off or a reputation under ${MIN_WARMUP_REPUTATION}%: mail from them is likelier to land in spam.`,
      }
    : { check: "warmup", result: "pass", why: `Every connected email account is warming up with a reputation of ${MIN_WARMUP_REPUTATION}% or more.` };
  return [connection, warmup];
}

function scheduleCheck(campaign: Row): Check {
  const check = "schedule";
  const cron = (campaign.scheduler_cron_value ?? {}) as Row;
  const days = Array.isArray(cron.days) ? cron.days : [];
  if (!text(cron.tz) || days.length === 0 || !text(cron.startHour) || !text(cron.endHour)) {
    return { check, result: "block", why: "No sending schedule (time zone, days and hours) is set." };
  }
  if (String(cron.startHour) >= String(cron.endHour)) {
    return { check, result: "block", why: `The sending window ${String(cron.startHour)}–${String(cron.endHour)} is empty.` };
  }
  return { check, result: "pass", why: `Sends ${String(cron.startHour)}–${String(cron.endHour)} ${String(cron.tz)} on ${days.length} day(s) a week.` };
}

function limitsCheck(campaign: Row, accounts: Row[]): Check {
  const check = "daily_limits";
  const perDay = num(campaign.max_leads_per_day);
  if (!(perDay > 0)) return { check, result: "block", why: "The campaign's new leads per day is not set (or 0)." };
  const capacity = accounts.filter((a) => a.is_smtp_success === true).reduce((n, a) => n + (num(a.message_per_day) || 0), 0);
  if (capacity > 0 && perDay > capacity) {
    return {
      check,
      result: "warn",
      why: `${perDay} new leads a day is more than the ${capacity} emails a day its connected mailboxes may send; the rest wait.`,
    };
  }
  const gap = num(campaign.min_time_btwn_emails);
  if (gap >= 0 && gap < 3) return { check, result: "warn", why: `${gap} minute(s) between emails from one mailbox looks robotic; 3 or more is usual.` };
  return { check, result: "pass", why: `${perDay} new leads a day within the mailboxes' ${capacity} emails a day.` };
}

function leadsCheck(analytics: Row): Check {
  const check = "leads";
  const stats = (analytics.campaign_lead_stats ?? {}) as Row;
  const total = num(stats.total ?? analytics.total_count);
  if (!(total > 0)) return { check, result: "block", why: "The campaign has no leads." };
  const unsendable = ["blocked", "stopped", "completed", "paused"].reduce((n, k) => n + (num(stats[k]) || 0), 0);
  if (unsendable >= total) return { check, result: "block", why: `All ${total} leads are blocked, stopped, paused or completed: nobody would be emailed.` };
  return { check, result: "pass", why: `${total - unsendable} of ${total} leads can still be emailed.` };
}

function campaignCheck(campaign: Row): Check {
  const status = String(campaign.status ?? "");
  if (status === "STOPPED" || status === "COMPLETED")
    return { check: "status", result: "block", why: `The campaign is ${status}; it cannot be started again.` };
  if (status === "ACTIVE") return { check: "status", result: "warn", why: "The campaign is already running." };
  return { check: "status", result: "pass", why: `The campaign is ${status || "not started"}.` };
}

const ORDER: Record<Verdict, number> = { pass: 0, warn: 1, block: 2 };

/** Runs every check for one campaign: four reads, no write. */
export async function runPreflight(campaign_id: number, ctx: RunContext): Promise<Preflight> {
  const get = async (path: string) => (await ctx.call({ base: "smartlead", method: "GET", path: fillPath(path, { campaign_id }) })).data;
  // One after another: four small reads, in an order the wire contract can record.
  const campaign = await get("/campaigns/{campaign_id}");
  const steps = await get("/campaigns/{campaign_id}/sequences");
  const accounts = await get("/campaigns/{campaign_id}/email-accounts");
  const analytics = await get("/campaigns/{campaign_id}/analytics");
  const c = (campaign ?? {}) as Row;
  const mailboxes = rows(accounts);
  const checks = [
    campaignCheck(c),
    sequenceCheck(rows(steps)),
    ...mailboxChecks(mailboxes),
    scheduleCheck(c),
    limitsCheck(c, mailboxes),
    leadsCheck((analytics ?? {}) as Row),
  ];
  const result = checks.reduce<Verdict>((worst, k) => (ORDER[k.result] > ORDER[worst] ? k.result : worst), "pass");
  return { campaign_id, campaign_name: typeof c.name === "string" ? c.name : undefined, result, checks };
}

export function preflightSummary(p: Preflight): string {
  const blocks = p.checks.filter((c) => c.result === "block");
  const warns = p.checks.filter((c) => c.result === "warn");
  const head = `Preflight of campaign ${p.campaign_id}${p.campaign_name ? ` (${p.campaign_name})` : ""}: ${p.result}.`;
  const detail = [...blocks, ...warns].map((c) => `${c.result} ${c.check}: ${c.why}`).join(" ");
  return detail ? `${head} ${detail}` : `${head} Every check passes.`;
}

export const PREFLIGHT_TOOLS: ToolDefinition[] = [
  t.get("/campaigns/{campaign_id}", {
    name: "smartlead_launch_preflight",
    title: "SmartLead: check a campaign before launch",
    description:
      "Checks a campaign before it starts: sequence steps with subject and body, email accounts attached, connected and warmed, schedule set, daily limits sane, leads present and not all blocked. " +
      "Each check is pass, warn or block, with why. Reads only.",
    // A composite read: no endpoint of its own, four it reads.
    catalogId: "",
    alsoReads: PREFLIGHT_READS,
    input: z.object({ campaign_id: campaignId }).strict(),
    output: z.looseObject({
      campaign_id: z.number(),
      result: z.enum(["pass", "warn", "block"]),
      checks: z.array(z.looseObject({ check: z.string(), result: z.enum(["pass", "warn", "block"]), why: z.string() })),
    }),
    run: async (args, ctx) => {
      const preflight = await runPreflight(args.campaign_id as number, ctx);
      return { data: { ...preflight }, summary: preflightSummary(preflight) };
    },
  }),
];
