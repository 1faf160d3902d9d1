/** LeadMagic account: credit balance, balance refresh and health. All free. */
import { z } from "zod";
import { defineTools } from "../tools/define";
import { bool, noInput, num, str } from "./common";
import { READ } from "../tools/annotations";

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
    input: noInput(),
    effect: "read",
    costsCredits: false,
    annotations: READ,
    output: z.looseObject({
      credits: num(),
      is_frozen: bool(),
      credits_frozen: num(),
      credits_liquid: num(),
      credit_freeze_message: str(),
      credits_remaining: num(),
    }),
  },
  {
    name: "leadmagic_refresh_credits",
    title: "LeadMagic: refresh credit balance",
    description:
      "Asks LeadMagic to recompute the account's credit balance (e.g. right after a top-up) and returns it. Free; spends and changes nothing else.",
    toolset: "leadmagic_account",
    catalogId: "lm.refresh_credits",
    base: "leadmagic",
    method: "POST",
    path: "/v1/credits/refresh",
    input: noInput(),
    effect: "read",
    costsCredits: false,
    annotations: READ,
    output: z.looseObject({ credits: num(), credits_remaining: num() }),
  },
  {
    name: "leadmagic_get_credits_health",
    title: "LeadMagic: credit health",
    description: "Reports the health of the account's credits (balance and freeze state). Free.",
    toolset: "leadmagic_account",
    catalogId: "lm.credits_health",
    base: "leadmagic",
    method: "GET",
    path: "/v1/credits/health",
    input: noInput(),
    effect: "read",
    costsCredits: false,
    annotations: READ,
    // The response is not documented beyond the balance fields /v1/credits also returns.
    output: z.looseObject({ credits: num(), is_frozen: bool(), credits_remaining: num() }),
  },
]);
