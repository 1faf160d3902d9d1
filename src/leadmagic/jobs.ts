/** LeadMagic jobs: the paid job-postings search and its free filter vocabularies. */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { page, text } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { count, FOUND, finder, itemsOutput, list, noInput, num, record, str, strOrNum, USAGE } from "./common";

const t = toolset("leadmagic_jobs");

const EXPERIENCE_LEVELS = ["entry", "mid", "senior", "executive"] as const;

/** A vocabulary: a list of {id, name} filter values. */
const VOCABULARY = itemsOutput({ id: strOrNum(), name: str() });

export const JOBS_TOOLS: ToolDefinition[] = [
  t.post("/v1/jobs/jobs-finder", {
    name: "leadmagic_find_jobs",
    title: "LeadMagic: search job postings",
    description: "Searches open job postings by company, title, location, experience level or description keywords.",
    catalogId: "lm.find_jobs",
    kind: "paid_read",
    cost: {
      text: "Costs 1 credit per job returned, so per_page caps the spend; free when nothing matches.",
      credits: 1,
      results: { arg: "per_page", default: 20 },
    },
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
  }),
  t.get("/v1/jobs/countries", {
    name: "leadmagic_list_job_countries",
    title: "LeadMagic: job countries",
    description: "Lists the job countries LeadMagic knows (use an id as country_id in leadmagic_find_jobs). Free.",
    catalogId: "lm.get_job_countries",
    input: noInput(),
    output: VOCABULARY,
  }),
  t.get("/v1/jobs/job-types", {
    name: "leadmagic_list_job_types",
    title: "LeadMagic: job types",
    description: "Lists the job types LeadMagic knows (full time, part time, contract, …). Free.",
    catalogId: "lm.get_job_types",
    input: noInput(),
    output: VOCABULARY,
  }),
  t.get("/v1/jobs/regions", {
    name: "leadmagic_list_job_regions",
    title: "LeadMagic: job regions",
    description: "Lists the job regions LeadMagic knows. Free.",
    catalogId: "lm.get_job_regions",
    input: noInput(),
    output: VOCABULARY,
  }),
  t.get("/v1/jobs/industries", {
    name: "leadmagic_list_job_industries",
    title: "LeadMagic: job industries",
    description: "Lists the job industries LeadMagic knows. Free.",
    catalogId: "lm.get_job_industries",
    input: noInput(),
    output: VOCABULARY,
  }),
  t.get("/v1/jobs/company-types", {
    name: "leadmagic_list_job_company_types",
    title: "LeadMagic: job company types",
    description: "Lists the job company types LeadMagic knows. Free.",
    catalogId: "lm.get_job_company_types",
    input: noInput(),
    output: VOCABULARY,
  }),
];
