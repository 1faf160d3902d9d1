import { defineTools } from "../tools/define";

export const CAMPAIGNS_TOOLS = defineTools([]);
