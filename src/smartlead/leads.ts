import { defineTools } from "../tools/define";

export const LEADS_TOOLS = defineTools([]);
