/** Every SmartLead tool, one file per domain. */
import type { ToolDefinition } from "../tools/define";

export const SMARTLEAD_TOOLS: readonly ToolDefinition[] = [];
