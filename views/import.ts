/**
 * The verified import: its preview (the confirmation card, with the plan's
 * lead counts, exclusions and credits), then the job — accepted, rejected and
 * blocked per lead, credits spent, and progress, refreshed with gtm_get_job
 * while the job runs.
 */
import { progress } from "./charts";
import type { ViewContext } from "./context";
import { fmt, h, heading, isObject, type Json, notice, section, table, tile } from "./dom";

/** The outcomes a person tells apart, in reading order (see report() in src/workflows/job.ts). */
const OUTCOMES: [string, string][] = [
  ["imported", "Accepted"],
  ["rejected", "Rejected"],
  ["blocked", "Blocked"],
  ["skipped", "Skipped"],
  ["failed", "Failed"],
  ["unknown", "Unknown"],
  ["pending", "Pending"],
  ["not_run", "Not run"],
];
const REFRESH_MS = 1500;
/** Refreshes of a running job one view makes at most (10 minutes' worth); after that, gtm_get_job by hand. */
const MAX_REFRESHES = 400;
let refreshes = 0;

export function renderJob(job: Json, ctx: ViewContext): HTMLElement[] {
  const counts = isObject(job.counts) ? job.counts : {};
  const total = Number(job.total_leads ?? 0);
  const open = Number(counts.pending ?? 0);
  const leads = Array.isArray(job.leads) ? job.leads.filter(isObject) : [];
  const status = String(job.status ?? "");
  const error = isObject(job.error) ? String(job.error.message ?? "") : undefined;
  if (status === "running" && typeof job.job_id === "string" && refreshes++ < MAX_REFRESHES) {
    // A job that runs on in the background: show its next report when it comes.
    setTimeout(() => {
      ctx.callTool("gtm_get_job", { job_id: job.job_id as string, limit: 500 }).then(ctx.show, () => {});
    }, REFRESH_MS);
  }
  return [
    heading("Verified import", `Job ${String(job.job_id ?? "")} · ${status} · campaign ${String(job.campaign_id ?? "")}`),
    error ? notice("error", error) : null,
    progress("Leads done", total - open, total),
    h(
      "div",
      { class: "tiles" },
      ...OUTCOMES.filter(([k]) => counts[k] !== undefined || k === "imported" || k === "rejected" || k === "blocked").map(([k, l]) =>
        tile(l, Number(counts[k] ?? 0)),
      ),
      tile("Credits spent", Number(job.credits_spent ?? 0)),
    ),
    leads.length
      ? section(
          "Leads",
          table(
            ["Lead", "Email", "Outcome", "Validation", "Reason"],
            leads.map((l) => [
              String(l.position ?? ""),
              String(l.email ?? ""),
              h("span", { class: `badge outcome-${String(l.outcome)}` }, OUTCOMES.find(([k]) => k === l.outcome)?.[1] ?? String(l.outcome)),
              String(l.validation ?? "—"),
              String(l.reason ?? ""),
            ]),
          ),
          job.next_offset !== null && job.next_offset !== undefined ? h("p", { class: "muted" }, `Showing ${fmt(leads.length)} of ${fmt(total)}.`) : null,
        )
      : null,
  ].filter((e): e is HTMLElement => e !== null);
}
