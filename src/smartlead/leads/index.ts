/** Every SmartLead lead tool (toolset smartlead_leads, with the block list in ../blocklist.ts). */
import type { ToolDefinition } from "../../tools/define";
import { CAMPAIGN_LEADS_TOOLS } from "./campaign-leads";
import { CRM_TOOLS } from "./crm";
import { LEAD_LISTS_TOOLS } from "./lists";

export const LEADS_TOOLS: ToolDefinition[] = [...CAMPAIGN_LEADS_TOOLS, ...CRM_TOOLS, ...LEAD_LISTS_TOOLS];
