/**
 * LeadMagic people: email validation, the email / mobile / profile finders,
 * role and employee finders, job-change detection. Every one spends credits;
 * most are free when nothing is found, which the result summary says plainly.
 */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { atLeastOne, domain, email, text, url } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { any, bool, count, FOUND, finder, firstOf, has, list, num, str, subject, summarized, USAGE } from "./common";

const t = toolset("leadmagic_people");

const firstName = (what = "Person's first name") => text(what, 100);
const lastName = (what = "Person's last name") => text(what, 100);
const companyName = (what = "Company name") => text(what, 200);
const profileUrl = (what = "The person's B2B (professional network) profile URL") => url(what);

const roleCompany = (a: Record<string, unknown>) => firstOf(a, "company_domain", "company_name", "company_profile_url");
const person = (args: Record<string, unknown>) => subject(args.first_name, args.last_name) || "this person";

export const PEOPLE_TOOLS: ToolDefinition[] = [
  t.post("/v1/people/email-validation", {
    name: "leadmagic_validate_email",
    title: "LeadMagic: validate an email address",
    description: "Checks whether an email is deliverable (valid, invalid, catch-all, unknown) before sending to it.",
    catalogId: "lm.validate_email",
    kind: "paid_read",
    cost: { text: "Costs about 0.25 credits; unknown and unverifiable catch-all results are free.", credits: 0.25 },
    input: z
      .object({
        email: email("Email address to validate"),
        first_name: text("Person's first name (improves catch-all checks)", 100).optional(),
        last_name: text("Person's last name", 100).optional(),
      })
      .strict(),
    output: z.looseObject({
      email: str(),
      email_status: str().describe("valid, invalid, catch_all, valid_catch_all or unknown"),
      is_domain_catch_all: bool(),
      mx_provider: str(),
      ...USAGE,
    }),
    shape: summarized((d, a) => `${String(d.email ?? a.email)} is ${String(d.email_status ?? "of unknown status")}`),
  }),
  t.post("/v1/people/email-finder", {
    name: "leadmagic_find_email",
    title: "LeadMagic: find a work email",
    description: "Finds a person's verified work email from their name plus company domain or name.",
    catalogId: "lm.find_email",
    kind: "paid_read",
    cost: { text: "Costs 1 credit; free when nothing is found.", credits: 1 },
    input: atLeastOne(
      z
        .object({
          first_name: firstName(),
          last_name: lastName(),
          domain: domain("Company domain, e.g. example.com (preferred over company_name)").optional(),
          company_name: companyName("Company name, used when the domain is not known").optional(),
        })
        .strict(),
      ["domain", "company_name"],
    ),
    output: z.looseObject({
      email: str(),
      status: str().describe("valid, valid_catch_all or not_found"),
      domain: str(),
      company_name: str(),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.email),
      hit: (d, a) => `Found ${String(d.email)}${has(d.status) ? ` (${String(d.status)})` : ""} for ${person(a)} at ${firstOf(a, "domain", "company_name")}`,
      miss: (a) => `No email found for ${person(a)} at ${firstOf(a, "domain", "company_name")}`,
    }),
  }),
  t.post("/v1/people/personal-email-finder", {
    name: "leadmagic_find_personal_email",
    title: "LeadMagic: find a personal email",
    description: "Finds a person's personal (non-work) email address from their B2B profile URL.",
    catalogId: "lm.find_personal_email",
    kind: "paid_read",
    cost: { text: "Costs 2 credits; free when nothing is found.", credits: 2 },
    input: z.object({ profile_url: profileUrl() }).strict(),
    output: z.looseObject({
      personal_email: str(),
      personal_emails: list(z.string()),
      status: str().describe("found or not_found"),
      message: str(),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.personal_email) || has(d.personal_emails),
      hit: (d, a) => `Found personal email ${String(d.personal_email ?? (d.personal_emails as unknown[])[0])} for ${String(a.profile_url)}`,
      miss: (a) => `No personal email found for ${String(a.profile_url)}`,
    }),
  }),
  t.post("/v1/people/b2b-profile-email", {
    name: "leadmagic_profile_to_work_email",
    title: "LeadMagic: work email from a profile URL",
    description: "Finds a person's work email from their B2B profile URL (when you have the profile but not the name and domain).",
    catalogId: "lm.social_to_work_email",
    kind: "paid_read",
    cost: { text: "Costs 5 credits; free when nothing is found.", credits: 5 },
    input: z.object({ profile_url: profileUrl() }).strict(),
    output: z.looseObject({
      work_email: str(),
      email: str(),
      status: str().describe("found or not_found"),
      message: str(),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.work_email) || has(d.email),
      hit: (d, a) => `Found work email ${String(d.work_email ?? d.email)} for ${String(a.profile_url)}`,
      miss: (a) => `No work email found for ${String(a.profile_url)}`,
    }),
  }),
  t.post("/v1/people/profile-search", {
    name: "leadmagic_search_profile",
    title: "LeadMagic: enrich a profile",
    description: "Returns a person's professional profile (headline, company, experience, education) from their B2B profile URL.",
    catalogId: "lm.search_profile",
    kind: "paid_read",
    cost: { text: "Costs 1 credit.", credits: 1 },
    input: z.object({ profile_url: profileUrl() }).strict(),
    output: z.looseObject({
      full_name: str(),
      headline: str(),
      company_name: str(),
      company_website: str(),
      location: str(),
      experiences: list(z.looseObject({})),
      educations: list(z.looseObject({})),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.full_name) || has(d.first_name) || has(d.last_name) || has(d.headline),
      hit: (d, a) =>
        `Found the profile of ${String(d.full_name || subject(d.first_name, d.last_name))}${has(d.company_name) ? ` (${String(d.company_name)})` : ""} at ${String(a.profile_url)}`,
      miss: (a) => `No profile found at ${String(a.profile_url)}`,
    }),
  }),
  t.post("/v1/people/b2b-profile", {
    name: "leadmagic_email_to_profile",
    title: "LeadMagic: profile URL from a work email",
    description: "Finds the B2B profile URL of the person behind a work email address.",
    catalogId: "lm.email_to_profile",
    kind: "paid_read",
    cost: { text: "Costs 10 credits; free when nothing is found.", credits: 10 },
    input: z.object({ work_email: email("The person's work email address") }).strict(),
    output: z.looseObject({ profile_url: str(), message: str(), ...FOUND, ...USAGE }),
    shape: finder({
      found: (d) => has(d.profile_url),
      hit: (d, a) => `Found profile ${String(d.profile_url)} for ${String(a.work_email)}`,
      miss: (a) => `No profile found for ${String(a.work_email)}`,
    }),
  }),
  t.post("/v1/people/mobile-finder", {
    name: "leadmagic_find_mobile",
    title: "LeadMagic: find a mobile number",
    description: "Finds a person's mobile number from their profile URL, work email or personal email (at least one).",
    catalogId: "lm.find_mobile",
    kind: "paid_read",
    cost: { text: "Costs 5 credits; free when nothing is found.", credits: 5 },
    input: atLeastOne(
      z
        .object({
          profile_url: profileUrl().optional(),
          work_email: email("The person's work email").optional(),
          personal_email: email("The person's personal email").optional(),
        })
        .strict(),
      ["profile_url", "work_email", "personal_email"],
    ),
    output: z.looseObject({ mobile_number: str(), message: str(), ...FOUND, ...USAGE }),
    shape: finder({
      found: (d) => has(d.mobile_number),
      hit: (d, a) => `Found mobile ${String(d.mobile_number)} for ${firstOf(a, "profile_url", "work_email", "personal_email")}`,
      miss: (a) => `No mobile number found for ${firstOf(a, "profile_url", "work_email", "personal_email")}`,
    }),
  }),
  t.post("/v1/people/role-finder", {
    name: "leadmagic_find_role",
    title: "LeadMagic: find who holds a role",
    description: "Finds the person holding a given job title at a company (name, domain or company profile URL).",
    catalogId: "lm.find_role",
    kind: "paid_read",
    cost: { text: "Costs 2 credits; free when there is no match.", credits: 2 },
    input: z
      .object({
        job_title: text("Job title to look for, e.g. Head of Marketing", 200),
        company_name: companyName().optional(),
        company_domain: domain().optional(),
        company_profile_url: url("The company's B2B profile URL").optional(),
      })
      .strict(),
    output: z.looseObject({
      message: str(),
      full_name: str(),
      first_name: str(),
      last_name: str(),
      profile_url: str(),
      job_title: str(),
      company_name: str(),
      company_website: str(),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      // The published spec's hit carries only company fields and the message "Role found.", so the message counts too.
      found: (d) =>
        has(d.full_name) ||
        has(d.first_name) ||
        has(d.profile_url) ||
        (typeof d.message === "string" && /\bfound\b/i.test(d.message) && !/not found/i.test(d.message)),
      hit: (d, a) => {
        const at = has(d.company_name) ? String(d.company_name) : roleCompany(a);
        const who = d.full_name || subject(d.first_name, d.last_name) || d.profile_url || "a match";
        return `Found ${String(who)} as ${String(d.job_title ?? a.job_title)}${at ? ` at ${at}` : ""}`;
      },
      miss: (a) => `No ${String(a.job_title)} found${roleCompany(a) ? ` at ${roleCompany(a)}` : ""}`,
    }),
  }),
  t.post("/v1/people/employee-finder", {
    name: "leadmagic_find_employees",
    title: "LeadMagic: list a company's employees",
    description:
      "Lists people working at a company (name, title), at most limit of them (1–50, default 20), so limit caps the charge. There are no further pages: the endpoint does not take page offsets.",
    catalogId: "lm.find_employees",
    kind: "paid_read",
    cost: { text: "Costs 0.05 credits per employee returned (20 per credit).", credits: 0.05, results: { arg: "limit", default: 20 } },
    input: z
      .object({
        company_name: companyName("Company whose employees to list"),
        // The catalog (from the legacy spec and anchor v1.0.x) lists page/per_page. LeadMagic's current official
        // n8n node sends limit instead and refuses page offsets for this endpoint ("does not support page offsets"),
        // and another maintained client sends limit too. limit is always sent, so the charge is always capped.
        limit: z.number().int().min(1).max(50).default(20).describe("Most employees to return and pay for (1–50, default 20)"),
      })
      .strict(),
    output: z.looseObject({
      message: str(),
      total_count: num(),
      returned_count: num(),
      data: list(z.looseObject({ first_name: str(), last_name: str(), title: str(), company_name: str(), website: str() })),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.data) || has(d.employees),
      hit: (d, a) =>
        `Found ${count(d.data ?? d.employees)} employees of ${String(a.company_name)}${typeof d.total_count === "number" ? ` (of ${d.total_count})` : ""}`,
      miss: (a) => `No employees found for ${String(a.company_name)}`,
    }),
  }),
  t.post("/v1/people/job-change-detector", {
    name: "leadmagic_detect_job_change",
    title: "LeadMagic: detect a job change",
    description: "Checks whether a person (by profile URL) has left a company you give (domain or name) and where they work now.",
    catalogId: "lm.detect_job_change",
    kind: "paid_read",
    cost: { text: "Costs 3 credits, charged even when no change is found.", credits: 3 },
    input: z
      .object({
        profile_url: profileUrl(),
        company_domain: domain("Domain of the company you expect them at").optional(),
        company_name: companyName("Name of the company you expect them at").optional(),
      })
      .strict(),
    output: z.looseObject({
      job_change_detected: bool(),
      status: str().describe("e.g. NO_CHANGE, JOB_CHANGE_DETECTED, NEVER_WORKED_THERE, PROFILE_NOT_FOUND"),
      message: str(),
      current_position: any(),
      work_history: list(z.unknown()),
      ...USAGE,
    }),
    shape: summarized((d, a) => {
      const where = has(a.company_domain) || has(a.company_name) ? ` from ${firstOf(a, "company_domain", "company_name")}` : "";
      if (d.job_change_detected === true) return `Job change detected${where} for ${String(a.profile_url)}`;
      if (d.job_change_detected === false) return `No job change detected${where} for ${String(a.profile_url)} (${String(d.status ?? "no change")})`;
      return `Job change check for ${String(a.profile_url)}: ${String(d.status ?? d.message ?? "no conclusive answer")}`;
    }),
  }),
];
