/** LeadMagic people: email validation and finders. */
import { z } from "zod";
import { defineTools } from "../tools/define";
import { email, text } from "../tools/fields";

export const PEOPLE_TOOLS = defineTools([
  {
    name: "leadmagic_validate_email",
    title: "LeadMagic: validate an email address",
    description:
      "Checks whether an email address is deliverable (valid, invalid, catch-all, unknown) before you send to it. " +
      "Costs about 0.25 credits; unknown and unverifiable catch-all results are free.",
    toolset: "leadmagic_people",
    catalogId: "lm.validate_email",
    base: "leadmagic",
    method: "POST",
    path: "/v1/people/email-validation",
    input: z
      .object({
        email: email("Email address to validate"),
        first_name: text("Person's first name (improves catch-all checks)", 100).optional(),
        last_name: text("Person's last name", 100).optional(),
      })
      .strict(),
    effect: "read",
    costsCredits: true,
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    output: z.looseObject({
      email: z.string().nullable().optional(),
      email_status: z.string().nullable().optional(),
      credits_consumed: z.number().optional(),
    }),
  },
]);
