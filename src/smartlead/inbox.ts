import { defineTools } from "../tools/define";

export const INBOX_TOOLS = defineTools([]);
