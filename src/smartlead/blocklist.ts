import { defineTools } from "../tools/define";

export const BLOCKLIST_TOOLS = defineTools([]);
