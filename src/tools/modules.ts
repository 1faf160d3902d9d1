/**
 * Every module of tool definitions, each loaded on first use: building the zod
 * schemas of ~240 tools was most of a cold isolate's startup, and a call needs
 * only its own tool's module. Selecting, listing and searching read the
 * recorded listing instead (./listed.ts), which names each tool's module.
 * This order is the listing order of toolsets=all.
 */
import type { ListedTool, ToolDefinition } from "./define";

type Load = () => Promise<readonly ToolDefinition[]>;

export const TOOL_MODULES = {
  "leadmagic/account": () => import("../leadmagic/account").then((m) => m.ACCOUNT_TOOLS),
  "leadmagic/people": () => import("../leadmagic/people").then((m) => m.PEOPLE_TOOLS),
  "leadmagic/companies": () => import("../leadmagic/companies").then((m) => m.COMPANIES_TOOLS),
  "leadmagic/jobs": () => import("../leadmagic/jobs").then((m) => m.JOBS_TOOLS),
  "leadmagic/ads": () => import("../leadmagic/ads").then((m) => m.ADS_TOOLS),
  "leadmagic/analytics": () => import("../leadmagic/analytics").then((m) => m.ANALYTICS_TOOLS),
  "smartlead/campaigns": () => import("../smartlead/campaigns").then((m) => m.CAMPAIGNS_TOOLS),
  "smartlead/preflight": () => import("../smartlead/preflight").then((m) => m.PREFLIGHT_TOOLS),
  "smartlead/leads/campaign-leads": () => import("../smartlead/leads/campaign-leads").then((m) => m.CAMPAIGN_LEADS_TOOLS),
  "smartlead/leads/crm": () => import("../smartlead/leads/crm").then((m) => m.CRM_TOOLS),
  "smartlead/leads/lists": () => import("../smartlead/leads/lists").then((m) => m.LEAD_LISTS_TOOLS),
  "smartlead/email-accounts": () => import("../smartlead/email-accounts").then((m) => m.EMAIL_ACCOUNTS_TOOLS),
  "smartlead/inbox/lists": () => import("../smartlead/inbox/lists").then((m) => m.INBOX_LIST_TOOLS),
  "smartlead/inbox/threads": () => import("../smartlead/inbox/threads").then((m) => m.INBOX_ACTION_TOOLS),
  "smartlead/send": () => import("../smartlead/send").then((m) => m.SEND_TOOLS),
  "smartlead/webhooks": () => import("../smartlead/webhooks").then((m) => m.WEBHOOKS_TOOLS),
  "smartlead/admin": () => import("../smartlead/admin").then((m) => m.ADMIN_TOOLS),
  "smartlead/blocklist": () => import("../smartlead/blocklist").then((m) => m.BLOCKLIST_TOOLS),
  "smartlead/analytics/campaigns": () => import("../smartlead/analytics/campaigns").then((m) => m.CAMPAIGN_REPORTS),
  "smartlead/analytics/account": () => import("../smartlead/analytics/account").then((m) => m.ACCOUNT_REPORTS),
  "smartlead/deliverability": () => import("../smartlead/deliverability").then((m) => m.DELIVERABILITY_TOOLS),
  "smartlead/prospect": () => import("../smartlead/prospect").then((m) => m.PROSPECT_TOOLS),
  "smartlead/senders": () => import("../smartlead/senders").then((m) => m.SENDERS_TOOLS),
  "workflows/tools": () => import("../workflows/tools").then((m) => m.WORKFLOW_TOOLS),
  "policy/tools": () => import("../policy/tools").then((m) => m.POLICY_TOOLS),
  "tools/reach": () => import("./reach").then((m) => m.REACH_TOOLS),
} as const satisfies Record<string, Load>;

export type ToolModule = keyof typeof TOOL_MODULES;

const loaded = new Map<string, Promise<ReadonlyMap<string, ToolDefinition>>>();

function loadModule(module: string): Promise<ReadonlyMap<string, ToolDefinition>> {
  let tools = loaded.get(module);
  if (!tools) {
    const load = (TOOL_MODULES as Record<string, Load>)[module];
    if (!load) throw new Error(`no tool module ${module}`);
    tools = load().then((list) => new Map(list.map((t) => [t.name, t])));
    loaded.set(module, tools);
  }
  return tools;
}

/** A listed tool's definition, its module loaded once per isolate. */
export async function definitionOf(tool: Pick<ListedTool, "name" | "module">): Promise<ToolDefinition> {
  const definition = (await loadModule(tool.module)).get(tool.name);
  if (!definition) throw new Error(`${tool.name} is not in ${tool.module}: the recorded listing is stale (npm run snapshots)`);
  return definition;
}

/** Every definition, module by module in listing order, with its module (for the recorded listing, the scripts and the tests). */
export async function allDefinitions(): Promise<{ module: ToolModule; tool: ToolDefinition }[]> {
  const modules = Object.keys(TOOL_MODULES) as ToolModule[];
  const lists = await Promise.all(modules.map((m) => TOOL_MODULES[m]()));
  return modules.flatMap((module, i) => lists[i]!.map((tool) => ({ module, tool })));
}
