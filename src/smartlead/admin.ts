import { defineTools } from "../tools/define";

export const ADMIN_TOOLS = defineTools([]);
