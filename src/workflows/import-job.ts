/**
 * One verified-import job: a Durable Object per job holds its per-lead ledger
 * in SQLite and moves it on one step per alarm, so the job outlives the request
 * that started it and the isolate that ran it. Only the user who started a job
 * can see, resume or cancel it; a finished job is kept for a week, then deleted.
 */
import { DurableObject } from "cloudflare:workers";
import { type Env, getConfig } from "../config";
import { log } from "../log";
import { servicesOf } from "../policy/services";
import { confirmerFor } from "../tools/call";
import { innerCall } from "./inner";
import { cancel, recover, report, resume, step } from "./job";
import type { Job, JobLead, JobMeta, JobObject, JobReport } from "./job-types";

/** How long a job's record stays after it stopped running. */
const RETAIN_MS = 7 * 86_400_000;

export class ImportJob extends DurableObject<Env> implements JobObject {
  private job?: Job;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      const sql = ctx.storage.sql;
      sql.exec("CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)");
      sql.exec("CREATE TABLE IF NOT EXISTS leads (idx INTEGER PRIMARY KEY, json TEXT NOT NULL)");
      const meta = sql.exec<{ json: string }>("SELECT json FROM meta").toArray()[0];
      if (!meta) return;
      const leads = sql.exec<{ json: string }>("SELECT json FROM leads ORDER BY idx").toArray();
      this.job = { meta: JSON.parse(meta.json) as JobMeta, leads: leads.map((r) => JSON.parse(r.json) as JobLead) };
      // A step in flight when the last instance stopped: its requests' outcomes are unknown.
      this.writeLeads(recover(this.job));
    });
  }

  private writeMeta(meta: JobMeta): void {
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO meta (id, json) VALUES (1, ?)", JSON.stringify(meta));
  }

  private writeLeads(leads: readonly JobLead[]): void {
    for (const l of leads) this.ctx.storage.sql.exec("INSERT OR REPLACE INTO leads (idx, json) VALUES (?, ?)", l.index, JSON.stringify(l));
  }

  private mine(user: string): Job | undefined {
    return this.job && this.job.meta.user === user ? this.job : undefined;
  }

  async create(job: Job): Promise<JobReport> {
    if (!this.job) {
      this.job = job;
      this.writeMeta(job.meta);
      this.writeLeads(job.leads);
      await this.ctx.storage.setAlarm(Date.now());
    }
    return report(this.job) as JobReport;
  }

  async report(user: string, offset: number, limit: number): Promise<JobReport | undefined> {
    const job = this.mine(user);
    return job ? (report(job, offset, limit) as JobReport) : undefined;
  }

  async resume(user: string, retryUnknown: boolean): Promise<JobReport | undefined> {
    const job = this.mine(user);
    if (!job) return undefined;
    const changed = resume(job, retryUnknown);
    if (changed) {
      this.writeLeads(changed);
      this.writeMeta(job.meta);
      await this.ctx.storage.setAlarm(Date.now());
    }
    return report(job) as JobReport;
  }

  async cancel(user: string): Promise<JobReport | undefined> {
    const job = this.mine(user);
    if (!job) return undefined;
    if (cancel(job)) {
      this.writeMeta(job.meta);
      await this.ctx.storage.setAlarm(Date.now() + RETAIN_MS);
    }
    return report(job) as JobReport;
  }

  async alarm(): Promise<void> {
    const job = this.job;
    if (!job) return;
    if (job.meta.status !== "running") {
      if (Date.parse(job.meta.updated_at) + RETAIN_MS <= Date.now()) {
        await this.ctx.storage.deleteAll();
        this.job = undefined;
      }
      return;
    }
    const config = getConfig(this.env);
    const call = innerCall({ config, user: job.meta.user, confirmer: confirmerFor(config), services: servicesOf(this.env), readOnly: false });
    const writer = {
      meta: async (meta: JobMeta) => this.writeMeta(meta),
      leads: async (leads: readonly JobLead[]) => this.writeLeads(leads),
    };
    let more = false;
    try {
      more = await step(job, writer, call);
    } catch (err) {
      // Our own bug: the job stops (resumable) rather than the alarm retrying it blind.
      log({ event: "internal_error", where: "import_job_step", error_name: err instanceof Error ? err.name : typeof err });
      job.meta.status = "failed";
      job.meta.error = { code: "internal_error", message: "The job hit an unexpected error; it has been logged. gtm_resume_job continues it." };
      this.writeLeads(recover(job));
      this.writeMeta(job.meta);
    }
    await this.ctx.storage.setAlarm(more ? Date.now() : Date.now() + RETAIN_MS);
  }
}
