/**
 * LeadMagic account analytics: free, read-only usage reports. The catalog
 * documents no parameters and no response fields for these, so the output
 * schema only promises an object (or, for list answers, {items, count}).
 */
import { z } from "zod";
import { date } from "../tools/fields";
import { defineTools, type ToolDefinition } from "../tools/define";
import { noInput, num } from "./common";
import { READ } from "../tools/annotations";

const REPORT = z.looseObject({ items: z.array(z.unknown()).optional(), count: num() });

function report(name: string, catalogId: string, path: string, title: string, description: string): ToolDefinition {
  return {
    name,
    title: `LeadMagic: ${title}`,
    description: `${description} Free.`,
    toolset: "leadmagic_account",
    catalogId,
    base: "leadmagic",
    method: "GET",
    path,
    input: noInput(),
    effect: "read",
    costsCredits: false,
    annotations: READ,
    output: REPORT,
  };
}

export const ANALYTICS_TOOLS = defineTools([
  report("leadmagic_get_analytics_dashboard", "lm.analytics_dashboard", "/v1/analytics/dashboard", "usage dashboard", "Headline overview of the account's LeadMagic usage."),
  report("leadmagic_get_analytics_usage", "lm.analytics_usage", "/v1/analytics/usage", "request volume", "Request volume over time for the account."),
  report("leadmagic_get_analytics_products", "lm.analytics_products", "/v1/analytics/products", "usage by product", "Usage and credit spend broken down by product (finder, validation, …)."),
  report("leadmagic_get_analytics_credits", "lm.analytics_credits", "/v1/analytics/credits", "credit spend", "Credit spend over time, e.g. to check whether the month's credits will last."),
  report("leadmagic_get_analytics_summary", "lm.analytics_summary", "/v1/analytics/summary", "account summary", "Compact summary of the account's usage and spend."),
  report("leadmagic_get_analytics_daily", "lm.analytics_daily", "/v1/analytics/daily", "daily history", "Day-by-day usage and spend history."),
  {
    ...report("leadmagic_get_analytics_day", "lm.analytics_day", "/v1/analytics/day/{date}", "one day's usage", "Usage and credit spend for one day in detail, e.g. to audit what a run cost."),
    input: z.object({ date: date("Day to report on") }).strict(),
  },
]);
