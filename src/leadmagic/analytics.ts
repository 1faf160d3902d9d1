/**
 * LeadMagic account analytics: free, read-only usage reports. The catalog
 * documents no parameters and no response fields for these, so the output
 * schema only promises an object (or, for list answers, {items, count}).
 */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { date } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { noInput, num } from "./common";

const t = toolset("leadmagic_account");

const REPORT = z.looseObject({ items: z.array(z.unknown()).optional(), count: num() });

export const ANALYTICS_TOOLS: ToolDefinition[] = [
  t.get("/v1/analytics/dashboard", {
    name: "leadmagic_get_analytics_dashboard",
    title: "LeadMagic: usage dashboard",
    description: "Headline overview of the account's LeadMagic usage. Free.",
    catalogId: "lm.analytics_dashboard",
    input: noInput(),
    output: REPORT,
  }),
  t.get("/v1/analytics/usage", {
    name: "leadmagic_get_analytics_usage",
    title: "LeadMagic: request volume",
    description: "Request volume over time for the account. Free.",
    catalogId: "lm.analytics_usage",
    input: noInput(),
    output: REPORT,
  }),
  t.get("/v1/analytics/products", {
    name: "leadmagic_get_analytics_products",
    title: "LeadMagic: usage by product",
    description: "Usage and credit spend broken down by product (finder, validation, …). Free.",
    catalogId: "lm.analytics_products",
    input: noInput(),
    output: REPORT,
  }),
  t.get("/v1/analytics/credits", {
    name: "leadmagic_get_analytics_credits",
    title: "LeadMagic: credit spend",
    description: "Credit spend over time, e.g. to check whether the month's credits will last. Free.",
    catalogId: "lm.analytics_credits",
    input: noInput(),
    output: REPORT,
  }),
  t.get("/v1/analytics/summary", {
    name: "leadmagic_get_analytics_summary",
    title: "LeadMagic: account summary",
    description: "Compact summary of the account's usage and spend. Free.",
    catalogId: "lm.analytics_summary",
    input: noInput(),
    output: REPORT,
  }),
  t.get("/v1/analytics/daily", {
    name: "leadmagic_get_analytics_daily",
    title: "LeadMagic: daily history",
    description: "Day-by-day usage and spend history. Free.",
    catalogId: "lm.analytics_daily",
    input: noInput(),
    output: REPORT,
  }),
  t.get("/v1/analytics/day/{date}", {
    name: "leadmagic_get_analytics_day",
    title: "LeadMagic: one day's usage",
    description: "Usage and credit spend for one day in detail, e.g. to audit what a run cost. Free.",
    catalogId: "lm.analytics_day",
    input: z.object({ date: date("Day to report on") }).strict(),
    output: REPORT,
  }),
];
