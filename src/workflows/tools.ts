/**
 * The gtm_workflows toolset: steps a GTM team takes across both APIs, done in
 * one call with one preview. A verified import runs as a durable job
 * (./import-job.ts); small ones finish within the call, with progress
 * notifications when the client asked for them, and bigger ones answer with a
 * job id at once.
 */
import { z } from "zod";
import { randomHex } from "../crypto";
import { PEOPLE_TOOLS } from "../leadmagic/people";
import { CAMPAIGN_LEADS_TOOLS } from "../smartlead/leads/campaign-leads";
import type { RunContext, ToolDefinition, ToolOutcome } from "../tools/define";
import { toolset } from "../tools/toolset";
import { ToolError } from "../upstream/errors";
import { type ImportPlanState, type ImportTools, importVerifiedInput, planImport } from "./import-plan";
import { newJob } from "./job";
import type { JobReport, JobsService } from "./job-types";
import { PLAYBOOKS, playbookText } from "./prompts";

const t = toolset("gtm_workflows");

/** Up to this many leads to validate and import, a job finishes within the call that starts it. */
export const SYNC_LEADS = 25;
/** How long a call waits for a small job before answering with its id anyway. */
const SYNC_WAIT_MS = 20_000;
const POLL_MS = 150;

const tool = (list: readonly ToolDefinition[], name: string) => list.find((d) => d.name === name)!;
const IMPORT_TOOLS: ImportTools = {
  validate: tool(PEOPLE_TOOLS, "leadmagic_validate_email"),
  addLeads: tool(CAMPAIGN_LEADS_TOOLS, "smartlead_add_leads_to_campaign"),
};

function jobsOf(ctx: RunContext): JobsService {
  if (!ctx.services.jobs) throw new ToolError("not_configured", "Workflow jobs need the IMPORT_JOBS Durable Object binding, which this deployment lacks.");
  return ctx.services.jobs;
}

const jobId = z
  .string()
  .regex(/^[0-9a-f]{32}$/, "expected a job id as returned by gtm_import_verified_leads")
  .describe("The job id gtm_import_verified_leads returned");

const notFound = (id: string) => new ToolError("not_found", `No job ${id} of yours exists (jobs are kept for 7 days after they stop).`);

function summary(r: JobReport): string {
  const counts = Object.entries(r.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const error = (r.error as { message?: string } | undefined)?.message;
  return `Job ${r.job_id} is ${r.status}: ${counts || "no leads"}.${error ? ` It stopped: ${error} gtm_resume_job (directly or through gtm_call_tool) continues it.` : ""}`;
}

const outcome = (r: JobReport): ToolOutcome => ({ data: r, summary: summary(r) });

/** The job's report after a read or a step, or not_found when the caller has no such job. */
async function jobOutcome(id: string, report: Promise<JobReport | undefined>): Promise<ToolOutcome> {
  const r = await report;
  if (!r) throw notFound(id);
  return outcome(r);
}

/** The lead outcomes still open (not yet validated or imported). */
const open = (r: JobReport) => (r.counts.pending ?? 0) as number;

async function startImport(ctx: RunContext): Promise<ToolOutcome> {
  const plan = ctx.plan?.state as ImportPlanState;
  const jobs = jobsOf(ctx);
  const id = randomHex(16);
  let current = await jobs.create(newJob(id, ctx.user, plan));
  const total = plan.leads.length;
  if (total > SYNC_LEADS) {
    return {
      data: current,
      summary: `Started job ${id} for ${total} lead(s); it runs in the background. Follow it with gtm_get_job (job_id "${id}"), directly or through gtm_call_tool.`,
    };
  }
  const until = Date.now() + SYNC_WAIT_MS;
  while (current.status === "running" && Date.now() < until) {
    await ctx.progress(total - open(current), total, `${total - open(current)} of ${total} lead(s) done`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = (await jobs.report(id, ctx.user, 0, 100))!;
  }
  await ctx.progress(total - open(current), total, summary(current));
  return outcome(current);
}

export const WORKFLOW_TOOLS: ToolDefinition[] = [
  t.local({
    name: "gtm_import_verified_leads",
    view: "import_summary",
    title: "Import leads into a campaign, verified first",
    description:
      "Validates each lead's email with LeadMagic, then imports the accepted ones into a SmartLead campaign. " +
      "First call: a free preview (duplicates, do-not-contact, block list, already in the campaign, credits, budget). " +
      `Confirmed: up to ${SYNC_LEADS} leads finish in the call, more in a background job (gtm_get_job).`,
    kind: "send",
    annotations: { openWorldHint: true },
    input: importVerifiedInput,
    confirm: {
      action: (a) =>
        `Validate the emails of the listed leads with LeadMagic (spending credits) and import the ones whose result is ${(a.accept as string[]).join(" or ")} into SmartLead campaign ${String(a.campaign_id)}, which may start emailing them.`,
      plan: (args, ctx) => planImport(args, ctx, IMPORT_TOOLS),
    },
    run: async (_args, ctx) => startImport(ctx),
  }),
  t.local({
    name: "gtm_get_job",
    view: "import_summary",
    title: "Show a workflow job",
    description: "A verified-import job's status, counts by outcome, credits spent, and a page of per-lead outcomes.",
    kind: "read",
    input: z
      .object({
        job_id: jobId,
        offset: z.number().int().min(0).default(0).describe("Lead outcomes to skip"),
        limit: z.number().int().min(1).max(500).default(100).describe("Lead outcomes per page (1–500)"),
      })
      .strict(),
    run: (args, ctx) => jobOutcome(args.job_id as string, jobsOf(ctx).report(args.job_id as string, ctx.user, args.offset as number, args.limit as number)),
  }),
  t.local({
    name: "gtm_resume_job",
    title: "Resume a workflow job",
    description:
      "Continues a job that stopped (a failed request, a budget or rate limit) from where it stopped, without validating or importing any lead twice. " +
      "retry_unknown also retries leads whose request was cut off mid-way (SmartLead skips leads already in the campaign).",
    kind: "update",
    annotations: { openWorldHint: true },
    input: z
      .object({
        job_id: jobId,
        retry_unknown: z.boolean().default(false).describe("Also retry leads whose outcome is unknown (may charge a validation twice)"),
      })
      .strict(),
    run: (args, ctx) => jobOutcome(args.job_id as string, jobsOf(ctx).resume(args.job_id as string, ctx.user, args.retry_unknown as boolean)),
  }),
  t.local({
    name: "gtm_cancel_job",
    title: "Cancel a workflow job",
    description: "Stops a running or failed job for good. What was already imported stays; leads not yet handled are reported as not_run.",
    kind: "update",
    input: z.object({ job_id: jobId }).strict(),
    run: (args, ctx) => jobOutcome(args.job_id as string, jobsOf(ctx).cancel(args.job_id as string, ctx.user)),
  }),
  t.local({
    name: "gtm_get_playbook",
    title: "Get a playbook",
    description:
      "The same step-by-step plans this server offers as MCP prompts, for clients that show no prompts: campaign_launch_checklist (campaign_id), reply_triage (campaign_id?, limit?), deliverability_report (campaign_id?, days?).",
    kind: "read",
    input: z
      .object({
        name: z.enum(PLAYBOOKS.map((p) => p.name) as [string, ...string[]]).describe("Which playbook"),
        arguments: z.record(z.string().max(32), z.string().max(64)).optional().describe('Its arguments, e.g. {"campaign_id": "101"}'),
      })
      .strict(),
    run: async (args) => {
      let text: string;
      try {
        text = playbookText(args.name as string, args.arguments as Record<string, string> | undefined);
      } catch (err) {
        throw new ToolError("invalid_input", (err as Error).message, { field: "arguments" });
      }
      return { data: { name: args.name, text }, summary: text };
    },
  }),
];
