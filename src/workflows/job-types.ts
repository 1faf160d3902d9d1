/**
 * The records of a verified-import job, in plain types (no imports), so the
 * services interface (src/policy/stores.ts) can name them.
 */

export type LeadState = "pending" | "validating" | "accepted" | "rejected" | "importing" | "imported" | "failed" | "unknown" | "blocked";

export interface JobLead {
  /** Position in the caller's `leads`. */
  index: number;
  email: string;
  lead: Record<string, unknown>;
  state: LeadState;
  /** LeadMagic's email_status, once known. */
  validation?: string;
  reason?: string;
  chunk?: number;
}

export type JobStatus = "running" | "done" | "failed" | "cancelled";

export interface JobMeta {
  id: string;
  user: string;
  campaign_id: number;
  accept: readonly string[];
  chunk_size: number;
  status: JobStatus;
  error?: { code: string; message: string; retry_after_seconds?: number };
  created_at: string;
  updated_at: string;
  credits_spent: number;
  chunks: { chunk: number; leads: number; result?: Record<string, unknown>; error?: { code: string; message: string } }[];
  /** Leads the plan left out, as it reported them. */
  excluded: { index: number; email: string; reason: string }[];
}

export interface Job {
  meta: JobMeta;
  leads: JobLead[];
}

/** Where a job's changes go (the Durable Object's storage, or a map in memory). */
export interface JobWriter {
  meta(meta: JobMeta): Promise<void>;
  leads(leads: readonly JobLead[]): Promise<void>;
}

/** What a job's owner sees (see report() in ./job.ts). */
export type JobReport = Record<string, unknown> & { job_id: string; status: JobStatus; counts: Record<string, number> };

/** The methods of one ImportJob Durable Object (src/workflows/import-job.ts). */
export interface JobObject {
  create(job: Job): Promise<JobReport>;
  report(user: string, offset: number, limit: number): Promise<JobReport | undefined>;
  resume(user: string, retryUnknown: boolean): Promise<JobReport | undefined>;
  cancel(user: string): Promise<JobReport | undefined>;
}

/** The jobs of a deployment (one ImportJob Durable Object each, or the in-memory twin). Undefined: no such job for this user. */
export interface JobsService {
  create(job: Job): Promise<JobReport>;
  report(id: string, user: string, offset: number, limit: number): Promise<JobReport | undefined>;
  resume(id: string, user: string, retryUnknown: boolean): Promise<JobReport | undefined>;
  cancel(id: string, user: string): Promise<JobReport | undefined>;
}
