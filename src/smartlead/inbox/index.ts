/** Every SmartLead master-inbox tool. */
import type { ToolDefinition } from "../../tools/define";
import { INBOX_LIST_TOOLS } from "./lists";
import { INBOX_ACTION_TOOLS } from "./threads";

export const INBOX_TOOLS: ToolDefinition[] = [...INBOX_LIST_TOOLS, ...INBOX_ACTION_TOOLS];
