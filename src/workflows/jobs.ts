/**
 * The jobs service a tool call sees: the ImportJob Durable Objects of the
 * deployment, or an in-memory twin for the in-process tests that runs the same
 * steps on a timer.
 */
import { cancel, type InnerCall, report, resume, step } from "./job";
import type { Job, JobLead, JobObject, JobReport, JobsService } from "./job-types";

/** One ImportJob object per job id, on this deployment's IMPORT_JOBS namespace. */
export function durableJobs(namespace: DurableObjectNamespace): JobsService {
  const of = (id: string) => namespace.get(namespace.idFromName(`job:${id}`)) as unknown as JobObject;
  return {
    create: (job) => of(job.meta.id).create(job),
    report: (id, user, offset, limit) => of(id).report(user, offset, limit),
    resume: (id, user, retryUnknown) => of(id).resume(user, retryUnknown),
    cancel: (id, user) => of(id).cancel(user),
  };
}

/** The same jobs in this process, each step run on the next tick with the caller's own inner calls. */
export function memoryJobs(callFor: (user: string) => InnerCall): JobsService {
  const jobs = new Map<string, Job>();
  const none = { meta: async () => {}, leads: async (_: readonly JobLead[]) => {} };
  const run = (job: Job) => {
    setTimeout(async () => {
      if (await step(job, none, callFor(job.meta.user))) run(job);
    }, 0);
  };
  const mine = (id: string, user: string) => {
    const job = jobs.get(id);
    return job && job.meta.user === user ? job : undefined;
  };
  const show = (job: Job | undefined, offset?: number, limit?: number) => (job ? (report(job, offset, limit) as JobReport) : undefined);
  return {
    async create(job) {
      if (!jobs.has(job.meta.id)) {
        jobs.set(job.meta.id, job);
        run(job);
      }
      return show(jobs.get(job.meta.id))!;
    },
    async report(id, user, offset, limit) {
      return show(mine(id, user), offset, limit);
    },
    async resume(id, user, retryUnknown) {
      const job = mine(id, user);
      if (job && resume(job, retryUnknown)) run(job);
      return show(job);
    },
    async cancel(id, user) {
      const job = mine(id, user);
      if (job) cancel(job);
      return show(job);
    },
  };
}
