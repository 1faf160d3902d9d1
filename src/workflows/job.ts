/**
 * A verified import as a durable job: a per-lead ledger and the step that
 * moves it on. Each step validates a few leads (one LeadMagic call each, under
 * the caller's budget and scope) or imports one chunk (the same chunked import
 * the smartlead tool does), and records every outcome before the next request,
 * so a job that stops anywhere — a failed request, the request that started it
 * ending, an isolate restart — resumes without validating or importing a lead twice.
 *
 * A lead whose request was in flight when the job stopped is `unknown`: it may
 * or may not have been charged or imported, so it is not retried unless the
 * caller asks (gtm_resume_job with retry_unknown; SmartLead skips leads already
 * in the campaign).
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Args } from "../tools/define";
import type { ImportPlanState } from "./import-plan";
import type { Job, JobLead, JobWriter } from "./job-types";

export type { Job, JobLead, JobMeta, JobStatus, LeadState } from "./job-types";

/** One tool call as the job's user, through the whole call pipeline (scope, budget, pacing, do-not-contact). */
export type InnerCall = (tool: "leadmagic_validate_email" | "smartlead_add_leads_to_campaign", args: Args) => Promise<CallToolResult>;

/** Validations per step: a step is one alarm, and its requests should finish well inside it. */
export const VALIDATIONS_PER_STEP = 10;

export function newJob(id: string, user: string, plan: ImportPlanState, now = new Date()): Job {
  const at = now.toISOString();
  return {
    meta: {
      id,
      user,
      campaign_id: plan.campaign_id,
      accept: plan.accept,
      chunk_size: plan.chunk_size,
      status: "running",
      created_at: at,
      updated_at: at,
      credits_spent: 0,
      chunks: [],
      excluded: plan.excluded,
    },
    leads: plan.leads.map((l) =>
      l.cached === undefined
        ? { index: l.index, email: l.email, lead: l.lead, state: "pending" }
        : { ...judge(l.cached, plan.accept), index: l.index, email: l.email, lead: l.lead, reason: "validation from the enrichment cache" },
    ),
  };
}

function judge(status: string, accept: readonly string[]): Pick<JobLead, "state" | "validation"> {
  return { state: accept.includes(status) ? "accepted" : "rejected", validation: status };
}

interface Failure {
  code: string;
  message: string;
  may_have_acted?: boolean;
  retry_after_seconds?: number;
}

function failureOf(result: CallToolResult): Failure | undefined {
  return result.isError ? ((result.structuredContent as { error: Failure }).error ?? { code: "unknown", message: "The call failed." }) : undefined;
}

/** Errors about this one lead: the job goes on without it. Anything else stops the job (resumable). */
const LEAD_ERRORS = new Set(["invalid_input", "upstream_rejected", "not_found"]);

/** A job found mid-request (its isolate stopped): what was in flight is unknown. */
export function recover(job: Job): JobLead[] {
  const changed = job.leads.filter((l) => l.state === "validating" || l.state === "importing");
  for (const l of changed) {
    l.reason = l.state === "validating" ? "validation was in flight when the job stopped" : "import was in flight when the job stopped";
    l.state = "unknown";
  }
  return changed;
}

function stop(job: Job, failure: Failure): void {
  job.meta.status = "failed";
  job.meta.error = { code: failure.code, message: failure.message, retry_after_seconds: failure.retry_after_seconds };
}

/** Validates up to VALIDATIONS_PER_STEP leads, one request each, recording each outcome before the next. */
async function validateSome(job: Job, write: JobWriter, call: InnerCall): Promise<void> {
  for (const lead of job.leads.filter((l) => l.state === "pending").slice(0, VALIDATIONS_PER_STEP)) {
    if (job.meta.status !== "running") return;
    lead.state = "validating";
    await write.leads([lead]);
    const result = await call("leadmagic_validate_email", { email: lead.email });
    const failure = failureOf(result);
    if (!failure) {
      const data = result.structuredContent as { email_status?: unknown; credits_consumed?: unknown };
      Object.assign(lead, judge(String(data.email_status ?? "unknown"), job.meta.accept));
      if (typeof data.credits_consumed === "number") job.meta.credits_spent += data.credits_consumed;
    } else if (failure.may_have_acted) {
      Object.assign(lead, { state: "unknown", reason: `validation ${failure.code}: ${failure.message}` });
    } else if (LEAD_ERRORS.has(failure.code)) {
      Object.assign(lead, { state: "failed", reason: `validation ${failure.code}: ${failure.message}` });
    } else {
      lead.state = "pending";
      stop(job, failure);
    }
    await write.leads([lead]);
  }
}

/** Imports the next chunk of accepted leads in one request. */
async function importChunk(job: Job, write: JobWriter, call: InnerCall): Promise<void> {
  const chunk = job.leads.filter((l) => l.state === "accepted").slice(0, job.meta.chunk_size);
  const number = job.meta.chunks.length + 1;
  for (const l of chunk) Object.assign(l, { state: "importing", chunk: number });
  await write.leads(chunk);
  const args: Args = { campaign_id: job.meta.campaign_id, lead_list: chunk.map((l) => l.lead), chunk_size: job.meta.chunk_size };
  const result = await call("smartlead_add_leads_to_campaign", args);
  const failure = failureOf(result);
  const data = (result.structuredContent ?? {}) as { totals?: Record<string, unknown>; do_not_contact?: { positions?: string[] } };
  if (!failure) {
    // The do-not-contact lists are checked again at import: a lead listed since the preview is dropped there.
    const dropped = new Set((data.do_not_contact?.positions ?? []).map((p) => Number(/\[(\d+)\]/.exec(p)?.[1])));
    chunk.forEach((l, i) => {
      Object.assign(l, dropped.has(i) ? { state: "blocked", reason: "on the do-not-contact list at import time" } : { state: "imported" });
    });
    job.meta.chunks.push({ chunk: number, leads: chunk.length - dropped.size, result: data.totals });
  } else if (failure.code === "do_not_contact") {
    for (const l of chunk) Object.assign(l, { state: "blocked", reason: "on the do-not-contact list at import time" });
    job.meta.chunks.push({ chunk: number, leads: 0, error: { code: failure.code, message: failure.message } });
  } else {
    for (const l of chunk) {
      if (failure.may_have_acted) Object.assign(l, { state: "unknown", reason: `import ${failure.code}: ${failure.message}` });
      else l.state = "accepted";
    }
    job.meta.chunks.push({ chunk: number, leads: 0, error: { code: failure.code, message: failure.message } });
    stop(job, failure);
  }
  await write.leads(chunk);
}

/**
 * Moves a running job on by one step: validations first, then imports, then
 * done. Returns whether there is more to do.
 */
export async function step(job: Job, write: JobWriter, call: InnerCall): Promise<boolean> {
  if (job.meta.status !== "running") return false;
  if (job.leads.some((l) => l.state === "pending")) await validateSome(job, write, call);
  else if (job.leads.some((l) => l.state === "accepted")) await importChunk(job, write, call);
  else job.meta.status = "done";
  job.meta.updated_at = new Date().toISOString();
  await write.meta(job.meta);
  return job.meta.status === "running";
}

/**
 * Continues a failed job (and, when asked, retries the leads whose outcome is
 * unknown, also of a finished job). Returns the leads it changed, or undefined
 * when there is nothing to resume.
 */
export function resume(job: Job, retryUnknown: boolean): JobLead[] | undefined {
  if (!(job.meta.status === "failed" || (retryUnknown && job.meta.status === "done"))) return undefined;
  const changed: JobLead[] = [];
  if (retryUnknown) {
    for (const l of job.leads.filter((x) => x.state === "unknown")) {
      // One that was validated and accepted was lost at import; resending it is safe (SmartLead skips leads already in the campaign).
      l.state = l.validation !== undefined ? "accepted" : "pending";
      l.reason = "retried after an unknown outcome";
      changed.push(l);
    }
  }
  job.meta.status = "running";
  job.meta.error = undefined;
  return changed;
}

/** Stops a running or failed job for good; false when it had already stopped. */
export function cancel(job: Job): boolean {
  if (job.meta.status !== "running" && job.meta.status !== "failed") return false;
  job.meta.status = "cancelled";
  job.meta.updated_at = new Date().toISOString();
  return true;
}

/** What a job's caller sees: its state, counts by outcome, and a page of per-lead outcomes. */
export function report(job: Job, offset = 0, limit = 100) {
  const outcome = (l: JobLead) =>
    l.state === "accepted" || l.state === "importing" || l.state === "pending" || l.state === "validating"
      ? job.meta.status === "cancelled"
        ? "not_run"
        : "pending"
      : l.state;
  const rows = [
    ...job.leads.map((l) => ({
      position: `leads[${l.index}]`,
      index: l.index,
      email: l.email,
      outcome: outcome(l),
      validation: l.validation,
      reason: l.reason,
      chunk: l.chunk,
    })),
    ...job.meta.excluded.map((e) => ({
      position: `leads[${e.index}]`,
      index: e.index,
      email: e.email,
      outcome: e.reason === "do_not_contact" || e.reason === "block_list" ? "blocked" : "skipped",
      validation: undefined,
      reason: e.reason,
      chunk: undefined,
    })),
  ].sort((a, b) => a.index - b.index);
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  const { user: _user, excluded: _excluded, id, ...meta } = job.meta;
  const page = rows.slice(offset, offset + limit).map(({ index: _i, ...r }) => r);
  return {
    job_id: id,
    ...meta,
    counts,
    total_leads: rows.length,
    leads: page,
    offset,
    next_offset: offset + page.length < rows.length ? offset + page.length : null,
  };
}
