import { defineTools } from "../tools/define";

export const SEND_TOOLS = defineTools([]);
