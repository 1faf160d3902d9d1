/** LeadMagic companies: company enrichment, funding, competitors, technographics. All spend credits. */
import { z } from "zod";
import { defineTools } from "../tools/define";
import { atLeastOne, domain, text, url } from "../tools/fields";
import { count, finder, firstOf, FOUND, has, list, num, record, str, strOrNum, USAGE } from "./common";
import { PAID_READ } from "../tools/annotations";

const companyName = (what = "Company name") => text(what, 200);
const who = (a: Record<string, unknown>) => firstOf(a, "company_domain", "company_name", "profile_url", "company_url");

export const COMPANIES_TOOLS = defineTools([
  {
    name: "leadmagic_search_company",
    title: "LeadMagic: enrich a company",
    description:
      "Returns a company's firmographics (industry, size, location, website) from its domain, name or profile URL (at least one; domain is most precise). " +
      "Costs 1 credit; free when nothing is found.",
    toolset: "leadmagic_companies",
    catalogId: "lm.search_company",
    base: "leadmagic",
    method: "POST",
    path: "/v1/companies/company-search",
    input: atLeastOne(
      z
        .object({
          company_domain: domain().optional(),
          company_name: companyName().optional(),
          profile_url: url("The company's B2B profile URL").optional(),
        })
        .strict(),
      ["company_domain", "company_name", "profile_url"],
    ),
    effect: "read",
    costsCredits: true,
    annotations: PAID_READ,
    // Published versions answer in snake_case (company_name, employee_count) or camelCase (companyName, employeeCount): both are accepted.
    output: z.looseObject({
      company_name: str(),
      companyName: str(),
      industry: str(),
      employee_count: num(),
      employeeCount: num(),
      website_url: str(),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.company_name) || has(d.companyName) || has(d.company_id) || has(d.website_url),
      hit: (d, a) => `Found ${String(d.company_name ?? d.companyName ?? who(a))}${has(d.industry) ? ` (${String(d.industry)})` : ""}`,
      miss: (a) => `No company found for ${who(a)}`,
    }),
  },
  {
    name: "leadmagic_get_company_funding",
    title: "LeadMagic: company funding and financials",
    description:
      "Returns a company's funding, revenue, size and top competitors from its domain or name (give at least one). Costs 4 credits; free when nothing is found.",
    toolset: "leadmagic_companies",
    catalogId: "lm.get_company_funding",
    base: "leadmagic",
    method: "POST",
    path: "/v1/companies/company-funding",
    input: atLeastOne(
      z.object({ company_domain: domain().optional(), company_name: companyName().optional() }).strict(),
      ["company_domain", "company_name"],
    ),
    effect: "read",
    costsCredits: true,
    annotations: PAID_READ,
    output: z.looseObject({
      basicInfo: record({ companyName: str(), primaryDomain: str(), founded: strOrNum(), ownership: str() }),
      financialInfo: record({ revenue: num(), formattedRevenue: str(), totalFunding: num(), formattedFunding: str() }),
      companySize: record({ employees: num(), employeeRange: str() }),
      fundingHistory: list(z.unknown()),
      topCompetitors: list(z.looseObject({ name: str(), website: str() })),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.basicInfo) || has(d.financialInfo) || has(d.fundingHistory),
      hit: (d, a) => {
        const fin = (d.financialInfo ?? {}) as Record<string, unknown>;
        const basic = (d.basicInfo ?? {}) as Record<string, unknown>;
        const funding = has(fin.formattedFunding) ? `, total funding ${String(fin.formattedFunding)}` : "";
        return `Found funding data for ${String(basic.companyName ?? who(a))}${funding}`;
      },
      miss: (a) => `No funding data found for ${who(a)}`,
    }),
  },
  {
    name: "leadmagic_search_competitors",
    title: "LeadMagic: find a company's competitors",
    description:
      "Lists a company's competitors from its domain, name or website URL (give at least one). Costs about 5 credits (some sources say 1); the result shows the actual charge.",
    toolset: "leadmagic_companies",
    catalogId: "lm.search_competitors",
    base: "leadmagic",
    method: "POST",
    path: "/v1/companies/competitors-search",
    input: atLeastOne(
      z
        .object({
          company_domain: domain().optional(),
          company_name: companyName().optional(),
          // The catalog's (CLI) name; the n8n node sends profile_url instead. The catalog is the contract.
          company_url: url("The company's website URL").optional(),
        })
        .strict(),
      ["company_domain", "company_name", "company_url"],
    ),
    effect: "read",
    costsCredits: true,
    annotations: PAID_READ,
    output: z.looseObject({
      competitors: list(z.looseObject({ name: str(), shortDescription: str(), employeesCount: num() })),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.competitors) || has(d.items),
      hit: (d, a) => `Found ${count(d.competitors ?? d.items)} competitors of ${who(a)}`,
      miss: (a) => `No competitors found for ${who(a)}`,
    }),
  },
  {
    name: "leadmagic_get_technographics",
    title: "LeadMagic: company tech stack",
    description: "Lists the technologies a company's website uses, from its domain. Costs 1 credit; free when nothing is found.",
    toolset: "leadmagic_companies",
    catalogId: "lm.get_technographics",
    base: "leadmagic",
    method: "POST",
    path: "/v1/companies/technographics",
    input: z.object({ company_domain: domain() }).strict(),
    effect: "read",
    costsCredits: true,
    annotations: PAID_READ,
    // Sources show both a bare array of technologies (wrapped as {items, count}) and an object: both are accepted.
    output: z.looseObject({
      items: list(z.looseObject({ name: str(), categories: list(z.unknown()) })),
      count: num(),
      technologies: list(z.unknown()),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.items) || has(d.technologies),
      hit: (d, a) => `Found ${count(d.items ?? d.technologies)} technologies used by ${String(a.company_domain)}`,
      miss: (a) => `No technologies found for ${String(a.company_domain)}`,
    }),
  },
]);
