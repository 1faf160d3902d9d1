/**
 * Smart Senders (smart-senders.smartlead.ai): buy domains and mailboxes from
 * vendors. Opt-in toolset, never default. Placing an order spends money and is
 * confirmed first.
 *
 * Left out: GET /smart-senders/auth-secret. It returns a live one-time login
 * code for an admin mailbox; handing that to a model is a credential leak, and
 * no client besides the docs implements it.
 */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { domain, email, id, text } from "../tools/fields";
import { toolset } from "../tools/toolset";

const t = toolset("smartlead_senders");

const vendorId = id("Smart Senders vendor id, from smartlead_senders_list_vendors");

const mailbox = z
  .object({
    mailbox: email("Full address of the mailbox to create"),
    first_name: text("Mailbox owner's first name", 100),
    last_name: text("Mailbox owner's last name", 100),
    profile_pic: text("Profile picture file name", 255).optional(),
    parent_account_id: id("Email account this mailbox is linked to").optional(),
  })
  .strict();

export const SENDERS_TOOLS: ToolDefinition[] = [
  t.get("/smart-senders/get-vendors", {
    name: "smartlead_senders_list_vendors",
    title: "Smart Senders: mailbox vendors",
    description: "Lists the active Smart Senders vendors with their pricing and services; their ids are needed to search domains and place orders.",
    catalogId: "sl.senders.get_smart_senders_get_vendors",
    input: z.object({}).strict(),
  }),
  t.get("/smart-senders/get-domain-list", {
    name: "smartlead_senders_list_domains",
    title: "Smart Senders: purchased domains",
    description: "Lists the domains already purchased through Smart Senders.",
    catalogId: "sl.senders.get_smart_senders_get_domain_list",
    input: z.object({}).strict(),
  }),
  t.get("/smart-senders/search-domain", {
    name: "smartlead_senders_search_domain",
    title: "Smart Senders: search available domains",
    description: "Checks which domains are available to buy through a Smart Senders vendor, for a name you have in mind. Free.",
    catalogId: "sl.senders.get_smart_senders_search_domain",
    input: z
      .object({
        domain_name: z
          .string()
          .trim()
          .toLowerCase()
          .min(1)
          .max(253)
          .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, "expected a domain or domain name, e.g. acme-mail.com")
          .optional()
          .describe("Domain (or name) to look for, e.g. acme-mail.com"),
        vendor_id: vendorId.optional(),
      })
      .strict(),
  }),
  t.get("/smart-senders/order-details", {
    name: "smartlead_senders_get_order",
    title: "Smart Senders: order status",
    description: "Gets the status and details of one Smart Senders order: domain, mailboxes created, dates.",
    catalogId: "sl.senders.get_smart_senders_order_details",
    input: z
      .object({
        order_id: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_-]{1,64}$/, "expected an order reference such as ORD_12345")
          .describe("Order reference id"),
      })
      .strict(),
  }),
  t.post("/smart-senders/auto-generate-mailboxes", {
    name: "smartlead_senders_generate_mailboxes",
    title: "Smart Senders: suggest mailbox addresses",
    description: "Generates professional mailbox addresses for one or more domains using a vendor's naming logic (e.g. 3 for example.com). Buys nothing.",
    catalogId: "sl.senders.post_smart_senders_auto_generate_mailboxes",
    kind: "create",
    input: z
      .object({
        vendor_id: vendorId,
        domains: z
          .record(
            domain("Domain to generate mailboxes for"),
            z.object({ count: z.number().int().min(1).max(50).describe("Mailboxes to generate (1–50)") }).strict(),
          )
          .refine((d) => Object.keys(d).length >= 1 && Object.keys(d).length <= 50, "give 1–50 domains")
          .optional()
          .describe('Domains and how many mailboxes each, e.g. {"example.com": {"count": 3}}'),
      })
      .strict(),
    // The docs' example sends vendor_id as a string here ("1") but as a number for place-order; each is sent as its page shows.
    body: (rest) => ({ ...rest, vendor_id: String(rest.vendor_id) }),
  }),
  t.post("/smart-senders/place-order", {
    name: "smartlead_senders_place_order",
    title: "Smart Senders: buy domains and mailboxes (spends money)",
    description: "Places a paid order with a Smart Senders vendor to buy the listed domains and set up their mailboxes, forwarding to your domain.",
    catalogId: "sl.senders.post_smart_senders_place_order",
    kind: "spend",
    // PURCHASE_BUDGETS counts domains bought: each is the unit an order pays for.
    cost: { text: "Spends money and cannot be undone; asks for confirmation first.", credits: 1, results: { arg: "domains", default: 1 } },
    input: z
      .object({
        vendor_id: vendorId,
        forwarding_domain: domain("Domain the purchased domains forward to, e.g. your website"),
        user_details: z
          .object({
            email: email("Billing contact email"),
            firstName: text("First name", 100),
            lastName: text("Last name", 100),
            company: text("Company name", 200),
            country: text("Country", 100),
            city: text("City", 100),
            addressLineOne: text("Address line 1", 200),
            addressLineTwo: z.string().trim().max(200).optional().describe("Address line 2"),
            postalCode: text("Postal or ZIP code", 20),
            state: text("State or province", 100),
            phoneCc: z
              .string()
              .regex(/^\+\d{1,4}$/, "expected a calling code like +1")
              .describe("Phone country code, e.g. +1"),
            phone: z
              .string()
              .regex(/^[0-9][0-9 -]{3,19}$/, "expected a phone number of digits")
              .describe("Phone number without the country code"),
            languagePreference: z
              .string()
              .regex(/^[a-z]{2}(-[A-Z]{2})?$/, "expected a language code like en")
              .describe("Language code, e.g. en"),
          })
          .strict()
          .describe("Billing and contact details the vendor needs to register the domains"),
        domains: z
          .array(
            z
              .object({
                domain_name: domain("Domain to buy"),
                mailbox_details: z.array(mailbox).min(1).max(50).describe("Mailboxes to create on this domain (1–50)"),
              })
              .strict(),
          )
          .min(1)
          .max(50)
          .describe("Domains to buy, each with its mailboxes (1–50 domains)"),
      })
      .strict(),
    confirm: {
      action: (args) => {
        const domains = args.domains as { domain_name: string; mailbox_details: unknown[] }[];
        const mailboxes = domains.reduce((n, d) => n + d.mailbox_details.length, 0);
        return `Places a paid order with Smart Senders vendor ${args.vendor_id as number} for ${domains.length} domain(s) (${domains.map((d) => d.domain_name).join(", ")}) and ${mailboxes} mailbox(es); this spends money and cannot be undone.`;
      },
    },
  }),
];
