import { defineTools } from "../tools/define";

export const DELIVERABILITY_TOOLS = defineTools([]);
