import { defineTools } from "../tools/define";

export const SENDERS_TOOLS = defineTools([]);
