/** Every LeadMagic tool, one file per domain. */
import type { ToolDefinition } from "../tools/define";
import { ACCOUNT_TOOLS } from "./account";
import { ADS_TOOLS } from "./ads";
import { ANALYTICS_TOOLS } from "./analytics";
import { COMPANIES_TOOLS } from "./companies";
import { JOBS_TOOLS } from "./jobs";
import { PEOPLE_TOOLS } from "./people";

export const LEADMAGIC_TOOLS: readonly ToolDefinition[] = [
  ...ACCOUNT_TOOLS,
  ...PEOPLE_TOOLS,
  ...COMPANIES_TOOLS,
  ...JOBS_TOOLS,
  ...ADS_TOOLS,
  ...ANALYTICS_TOOLS,
];
