/**
 * The toolsets (domains): typed ids, each with the host its tools call and the
 * words that head its README section and help a client choose. A tool names
 * its toolset by this id, never by a free string. The curated `default`
 * selection is a view across them (see ./registry.ts).
 */
import type { ToolHost } from "../upstream/hosts";

export interface ToolsetInfo {
  /** The upstream host every tool of the set calls, or "local" for tools that run in this server. */
  base: ToolHost;
  title: string;
  description: string;
  /** Offered only when asked for by name (or with toolsets=all): never part of the default selection. */
  optIn?: true;
}

export const TOOLSET_INFO = {
  leadmagic_account: {
    base: "leadmagic",
    title: "LeadMagic account",
    description: "Credit balance and health, and usage and spend analytics. Free.",
  },
  leadmagic_people: {
    base: "leadmagic",
    title: "LeadMagic people",
    description: "Email validation and the email, mobile, profile, role and employee finders; job-change detection. Paid lookups.",
  },
  leadmagic_companies: {
    base: "leadmagic",
    title: "LeadMagic companies",
    description: "Firmographics, funding, competitors and technographics. Paid lookups.",
  },
  leadmagic_jobs: {
    base: "leadmagic",
    title: "LeadMagic jobs",
    description: "Open job postings, and the vocabularies (countries, job types, industries) their filters take.",
  },
  leadmagic_ads: {
    base: "leadmagic",
    title: "LeadMagic ads",
    description: "The Google, Meta and B2B ads a company runs. Paid lookups.",
  },
  smartlead_campaigns: {
    base: "smartlead",
    title: "SmartLead campaigns",
    description: "Campaigns, their status, sequences, schedule and settings, and test emails.",
  },
  smartlead_leads: {
    base: "smartlead",
    title: "SmartLead leads",
    description: "Leads in campaigns and lists, bulk import, categories, notes, tags, tasks, and the block list.",
  },
  smartlead_email_accounts: {
    base: "smartlead",
    title: "SmartLead email accounts",
    description: "Mailboxes: SMTP/IMAP and OAuth accounts, warmup, tags, and which campaigns send from them.",
  },
  smartlead_inbox: {
    base: "smartlead",
    title: "SmartLead master inbox",
    description: "Replies and threads across campaigns: reading, replying, forwarding, and one-off sends.",
  },
  smartlead_webhooks: {
    base: "smartlead",
    title: "SmartLead webhooks",
    description: "Campaign and account webhooks and their delivery history.",
  },
  smartlead_admin: {
    base: "smartlead",
    title: "SmartLead clients",
    description: "White-label client sub-accounts and their API keys.",
  },
  smartlead_analytics: {
    base: "smartlead",
    title: "SmartLead analytics",
    description: "Account-wide and per-campaign statistics: sends, opens, replies, bounces, mailbox and domain health.",
  },
  smartlead_deliverability: {
    base: "smartdelivery",
    title: "Smart Delivery",
    description: "Inbox-placement (spam) tests, their reports, folders and seed providers.",
  },
  smartlead_prospect: {
    base: "smartprospect",
    title: "SmartProspect",
    description: "Contact search, saved searches and email finding. Fetching contacts spends SmartProspect credits.",
    optIn: true,
  },
  smartlead_senders: {
    base: "smartsenders",
    title: "Smart Senders",
    description: "Buying domains and mailboxes from Smart Senders vendors. Placing an order spends money.",
    optIn: true,
  },
  gtm_workflows: {
    base: "local",
    title: "Workflows",
    description: "Steps across both APIs in one call with one preview: verified lead import as a durable job, and the playbooks (also as MCP prompts).",
  },
  gtm_policy: {
    base: "local",
    title: "Spend and send policy",
    description: "Your daily budgets, and the do-not-contact list that every send and lead import is checked against.",
  },
  gtm_tools: {
    base: "local",
    title: "Finding and running tools",
    description: "Search every tool this connection may use, and run any of them by name, even those its toolsets do not list.",
  },
} as const satisfies Record<string, ToolsetInfo>;

export type ToolsetId = keyof typeof TOOLSET_INFO;

export const TOOLSET_IDS = Object.keys(TOOLSET_INFO) as ToolsetId[];

/**
 * The most the default tools/list may weigh: about 4,000 tokens of a model's
 * context. Tools left out of the default stay reachable through gtm_call_tool.
 */
export const DEFAULT_LISTING_MAX_BYTES = 15 * 1024;

/**
 * The curated default selection: the most used tools across both upstreams,
 * small enough (≤ 25 tools, ≤ DEFAULT_LISTING_MAX_BYTES of tools/list) to leave room in a model's context.
 */
export const DEFAULT_TOOL_NAMES: readonly string[] = [
  // LeadMagic: the everyday enrichment loop.
  "leadmagic_get_credits",
  "leadmagic_validate_email",
  "leadmagic_find_email",
  // SmartLead: how are campaigns doing, who is in them, who replied.
  "smartlead_list_campaigns",
  "smartlead_get_campaign_analytics",
  "smartlead_list_campaign_leads",
  "smartlead_list_inbox_replies",
  "smartlead_update_campaign_status",
  // This server: verified import; every other tool is found and run through the last two.
  "gtm_import_verified_leads",
  "gtm_search_tools",
  "gtm_call_tool",
];
