/** Every LeadMagic tool, one file per domain. */
import type { ToolDefinition } from "../tools/define";
import { ACCOUNT_TOOLS } from "./account";
import { PEOPLE_TOOLS } from "./people";

export const LEADMAGIC_TOOLS: readonly ToolDefinition[] = [...ACCOUNT_TOOLS, ...PEOPLE_TOOLS];
