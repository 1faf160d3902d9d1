/** LeadMagic companies: company enrichment, funding, competitors, technographics. All spend credits. */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { atLeastOne, domain, text, url } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { count, FOUND, finder, firstOf, has, list, num, record, str, strOrNum, USAGE } from "./common";

const t = toolset("leadmagic_companies");

const companyName = (what = "Company name") => text(what, 200);
const who = (a: Record<string, unknown>) => firstOf(a, "company_domain", "company_name", "profile_url", "company_url");

export const COMPANIES_TOOLS: ToolDefinition[] = [
  t.post("/v1/companies/company-search", {
    name: "leadmagic_search_company",
    title: "LeadMagic: enrich a company",
    description:
      "Returns a company's firmographics (industry, size, location, website) from its domain, name or profile URL (at least one; domain is most precise).",
    catalogId: "lm.search_company",
    kind: "paid_read",
    cost: { text: "Costs 1 credit; free when nothing is found.", credits: 1 },
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
  }),
  t.post("/v1/companies/company-funding", {
    name: "leadmagic_get_company_funding",
    title: "LeadMagic: company funding and financials",
    description: "Returns a company's funding, revenue, size and top competitors from its domain or name (give at least one).",
    catalogId: "lm.get_company_funding",
    kind: "paid_read",
    cost: { text: "Costs 4 credits; free when nothing is found.", credits: 4 },
    input: atLeastOne(z.object({ company_domain: domain().optional(), company_name: companyName().optional() }).strict(), ["company_domain", "company_name"]),
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
  }),
  t.post("/v1/companies/competitors-search", {
    name: "leadmagic_search_competitors",
    title: "LeadMagic: find a company's competitors",
    description: "Lists a company's competitors from its domain, name or website URL (give at least one).",
    catalogId: "lm.search_competitors",
    kind: "paid_read",
    cost: { text: "Costs about 5 credits (some sources say 1); the result shows the actual charge.", credits: 5 },
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
  }),
  t.post("/v1/companies/technographics", {
    name: "leadmagic_get_technographics",
    title: "LeadMagic: company tech stack",
    description: "Lists the technologies a company's website uses, from its domain.",
    catalogId: "lm.get_technographics",
    kind: "paid_read",
    cost: { text: "Costs 1 credit; free when nothing is found.", credits: 1 },
    input: z.object({ company_domain: domain() }).strict(),
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
  }),
];
