import { defineTools } from "../tools/define";

export const EMAIL_ACCOUNTS_TOOLS = defineTools([]);
