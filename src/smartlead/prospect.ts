import { defineTools } from "../tools/define";

export const PROSPECT_TOOLS = defineTools([]);
