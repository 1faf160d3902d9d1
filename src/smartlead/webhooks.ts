import { defineTools } from "../tools/define";

export const WEBHOOKS_TOOLS = defineTools([]);
