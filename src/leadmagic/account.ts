/** LeadMagic account: credit balance. */
import { z } from "zod";
import { defineTools } from "../tools/define";

export const ACCOUNT_TOOLS = defineTools([
  {
    name: "leadmagic_get_credits",
    title: "LeadMagic: credit balance",
    description: "Shows how many LeadMagic credits the account has left. Free. Check it before a large enrichment run.",
    toolset: "leadmagic_account",
    catalogId: "lm.get_credits",
    base: "leadmagic",
    method: "GET",
    path: "/v1/credits",
    input: z.object({}).strict(),
    effect: "read",
    costsCredits: false,
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    output: z.looseObject({ credits: z.number().optional() }),
  },
]);
