/**
 * SmartLead analytics: account-wide /analytics/* reports and per-campaign
 * statistics. Counts often arrive as strings; they are passed through exactly
 * as SmartLead sent them (no output schema normalises them).
 */
import type { ToolDefinition } from "../../tools/define";
import { ACCOUNT_REPORTS } from "./account";
import { CAMPAIGN_REPORTS } from "./campaigns";

export const ANALYTICS_TOOLS: ToolDefinition[] = [...CAMPAIGN_REPORTS, ...ACCOUNT_REPORTS];
