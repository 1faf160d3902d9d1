import { defineTools } from "../tools/define";

export const ANALYTICS_TOOLS = defineTools([]);
