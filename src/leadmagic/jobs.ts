/** LeadMagic jobs: the paid job-postings search and its free filter vocabularies. */
import { z } from "zod";
import { defineTools, type ToolDefinition } from "../tools/define";
import { page, text } from "../tools/fields";
import { count, finder, FOUND, itemsOutput, list, noInput, num, record, str, strOrNum, USAGE } from "./common";
import { PAID_READ, READ } from "../tools/annotations";

const EXPERIENCE_LEVELS = ["entry", "mid", "senior", "executive"] as const;

/** A free GET that returns a list of {id, name} filter values. */
function vocabulary(name: string, catalogId: string, path: string, what: string, use: string): ToolDefinition {
  return {
    name,
    title: `LeadMagic: job ${what}`,
    description: `Lists the job ${what} LeadMagic knows${use}. Free.`,
    toolset: "leadmagic_jobs",
    catalogId,
    base: "leadmagic",
    method: "GET",
    path,
    input: noInput(),
    effect: "read",
    costsCredits: false,
    annotations: READ,
    output: itemsOutput({ id: strOrNum(), name: str() }),
  };
}

export const JOBS_TOOLS = defineTools([
  {
    name: "leadmagic_find_jobs",
    title: "LeadMagic: search job postings",
    description:
      "Searches open job postings by company, title, location, experience level or description keywords. " +
      "Costs 1 credit per job returned, so per_page caps the spend; free when nothing matches.",
    toolset: "leadmagic_jobs",
    catalogId: "lm.find_jobs",
    base: "leadmagic",
    method: "POST",
    path: "/v1/jobs/jobs-finder",
    input: z
      .object({
        company_name: text("Company name", 200).optional(),
        company_website: text("Company website or domain, e.g. example.com", 255).optional(),
        job_title: text("Job title words, e.g. Data Engineer", 200).optional(),
        location: text("Job location, e.g. New York", 200).optional(),
        experience_level: z.enum(EXPERIENCE_LEVELS).optional().describe("Required experience level"),
        job_description: text("Keywords that must appear in the job description", 1000).optional(),
        country_id: text("Country id from leadmagic_list_job_countries, e.g. US", 32).optional(),
        page: page(),
        per_page: z.number().int().min(1).max(50).optional().describe("Jobs per page (1–50, default 20); each job returned costs 1 credit"),
      })
      .strict(),
    effect: "read",
    costsCredits: true,
    annotations: PAID_READ,
    output: z.looseObject({
      total_count: num(),
      page: num(),
      per_page: num(),
      total_pages: num(),
      results: list(
        z.looseObject({
          title: str(),
          location: str(),
          company: record({ name: str(), website_url: str() }),
          application_url: str(),
          experience_level: str(),
        }),
      ),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => count(d.results) > 0,
      hit: (d) => `Found ${count(d.results)} job postings${typeof d.total_count === "number" ? ` (of ${d.total_count} matching)` : ""}`,
      miss: () => "No job postings matched",
    }),
  },
  vocabulary("leadmagic_list_job_countries", "lm.get_job_countries", "/v1/jobs/countries", "countries", " (use an id as country_id in leadmagic_find_jobs)"),
  vocabulary("leadmagic_list_job_types", "lm.get_job_types", "/v1/jobs/job-types", "types", " (full time, part time, contract, …)"),
  vocabulary("leadmagic_list_job_regions", "lm.get_job_regions", "/v1/jobs/regions", "regions", ""),
  vocabulary("leadmagic_list_job_industries", "lm.get_job_industries", "/v1/jobs/industries", "industries", ""),
  vocabulary("leadmagic_list_job_company_types", "lm.get_job_company_types", "/v1/jobs/company-types", "company types", ""),
]);
