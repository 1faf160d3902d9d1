/** LeadMagic account: credit balance, balance refresh and health. All free. */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { toolset } from "../tools/toolset";
import { bool, noInput, num, str } from "./common";

const t = toolset("leadmagic_account");

export const ACCOUNT_TOOLS: ToolDefinition[] = [
  t.get("/v1/credits", {
    name: "leadmagic_get_credits",
    title: "LeadMagic: credit balance",
    description: "Shows how many LeadMagic credits the account has left. Free. Check it before a large enrichment run.",
    catalogId: "lm.get_credits",
    input: noInput(),
    output: z.looseObject({
      credits: num(),
      is_frozen: bool(),
      credits_frozen: num(),
      credits_liquid: num(),
      credit_freeze_message: str(),
      credits_remaining: num(),
    }),
  }),
  t.post("/v1/credits/refresh", {
    name: "leadmagic_refresh_credits",
    title: "LeadMagic: refresh credit balance",
    description: "Asks LeadMagic to recompute the account's credit balance (e.g. right after a top-up) and returns it. Free; spends and changes nothing else.",
    catalogId: "lm.refresh_credits",
    kind: "read",
    input: noInput(),
    output: z.looseObject({ credits: num(), credits_remaining: num() }),
  }),
  t.get("/v1/credits/health", {
    name: "leadmagic_get_credits_health",
    title: "LeadMagic: credit health",
    description: "Reports the health of the account's credits (balance and freeze state). Free.",
    catalogId: "lm.credits_health",
    input: noInput(),
    // The response is not documented beyond the balance fields /v1/credits also returns.
    output: z.looseObject({ credits: num(), is_frozen: bool(), credits_remaining: num() }),
  }),
];
