/**
 * The playbooks: MCP prompts for the three things a GTM team does every week
 * (launch a campaign, triage replies, report on deliverability), each a short
 * plan that names the tools to use and where to stop for the person's yes.
 * Served as prompts/list and prompts/get on both transports, and as the
 * read-only tool gtm_get_playbook for clients that show no prompts.
 */

export interface PlaybookArgument {
  name: string;
  description: string;
  required: boolean;
}

export interface Playbook {
  name: string;
  title: string;
  description: string;
  arguments: PlaybookArgument[];
  /** The prompt text for these arguments (already checked: required ones present, all strings). */
  text: (args: Record<string, string>) => string;
}

const numbered = (steps: string[]) => steps.map((s, i) => `${i + 1}. ${s}`).join("\n");

export const PLAYBOOKS: readonly Playbook[] = [
  {
    name: "campaign_launch_checklist",
    title: "Campaign launch checklist",
    description: "Checks a SmartLead campaign end to end and starts it only once everything passes and the person agrees.",
    arguments: [{ name: "campaign_id", description: "The SmartLead campaign to launch", required: true }],
    text: (a) =>
      `Prepare SmartLead campaign ${a.campaign_id} for launch. Work through these steps in order and report what you find at each one.\n\n` +
      numbered([
        `Run smartlead_launch_preflight with campaign_id ${a.campaign_id}. List every check that is "block" or "warn", with its reason.`,
        "For each block, find the cause: smartlead_get_campaign_sequences (steps, subjects, bodies), smartlead_list_campaign_email_accounts (mailboxes attached and connected), smartlead_get_campaign (schedule and daily limits). Propose the fix; change nothing without the person's yes.",
        "Check the leads: smartlead_list_campaign_leads for a sample. If leads still have to be added, use gtm_import_verified_leads, which validates emails first and shows the cost in its preview.",
        "Offer a test email of step 1 with smartlead_send_test_email (it sends a real email, so ask first).",
        `When every check passes, call smartlead_update_campaign_status with status START. Show the person the preview (it repeats the preflight) and confirm only after they say yes. Never use override_preflight unless they ask for it explicitly.`,
      ]),
  },
  {
    name: "reply_triage",
    title: "Reply triage",
    description:
      "Sorts new replies in the SmartLead master inbox into interested, not interested, out of office and unsubscribe, and drafts the next step for each.",
    arguments: [
      { name: "campaign_id", description: "Only replies to this campaign (optional)", required: false },
      { name: "limit", description: "How many replies to look at (default 20)", required: false },
    ],
    text: (a) =>
      `Triage the latest ${a.limit ?? "20"} replies in the SmartLead master inbox${a.campaign_id ? ` for campaign ${a.campaign_id}` : ""}.\n\n` +
      numbered([
        "List them with smartlead_list_inbox_unread_replies (or smartlead_list_inbox_replies to include read ones).",
        "For each, read the thread with smartlead_get_lead_message_history and sort it: interested, question, not interested, out of office, wrong person, unsubscribe.",
        "Propose a category for each with smartlead_inbox_update_lead_category and apply the ones the person approves.",
        "For interested leads and questions, draft a reply and show it; send it with smartlead_reply_to_lead (two-step: confirm only after the person approves the exact text, and pass to_email).",
        "For unsubscribe requests, stop the lead with smartlead_unsubscribe_campaign_lead and add the address with gtm_add_do_not_contact, after the person agrees.",
        "End with a table: lead, category, action taken, action waiting for approval.",
      ]),
  },
  {
    name: "deliverability_report",
    title: "Deliverability report",
    description:
      "Reports how well mail is landing: bounce and reply rates, mailbox and domain health, warmup, and inbox-placement tests, with what to fix first.",
    arguments: [
      { name: "campaign_id", description: "Focus on this campaign (optional; default: the whole account)", required: false },
      { name: "days", description: "Look back this many days (default 30)", required: false },
    ],
    text: (a) =>
      `Write a deliverability report for ${a.campaign_id ? `SmartLead campaign ${a.campaign_id}` : "the SmartLead account"} over the last ${a.days ?? "30"} days.\n\n` +
      numbered([
        a.campaign_id
          ? `Totals: smartlead_get_campaign_analytics and smartlead_get_campaign_analytics_by_date for campaign ${a.campaign_id}: sent, opens, replies, bounces, unsubscribes.`
          : "Totals: smartlead_get_campaigns_performance across campaigns: sent, opens, replies, bounces, unsubscribes.",
        "Mailboxes: smartlead_get_mailbox_health and smartlead_get_domain_health; for any mailbox that looks weak, smartlead_get_email_account_warmup_stats.",
        "Placement: smartlead_list_placement_tests for recent inbox-placement tests, and smartlead_get_placement_domain_blacklist for any that show spam or blacklist hits.",
        "Summarise: bounce rate (flag above 2 %), reply rate, the mailboxes and domains at risk, and the three fixes that matter most. Change nothing; this is a report.",
      ]),
  },
];

/** The playbook's arguments checked as prompts/get must: required present, known names only, strings. Throws with the reason. */
export function playbookText(name: string, args: Record<string, unknown> | undefined): string {
  const playbook = PLAYBOOKS.find((p) => p.name === name);
  if (!playbook) throw new Error(`Unknown prompt: ${name}. Known: ${PLAYBOOKS.map((p) => p.name).join(", ")}.`);
  const given = args ?? {};
  const unknown = Object.keys(given).filter((k) => !playbook.arguments.some((a) => a.name === k));
  if (unknown.length) throw new Error(`${name} takes no argument ${unknown[0]}.`);
  const missing = playbook.arguments.filter((a) => a.required && (given[a.name] === undefined || given[a.name] === ""));
  if (missing.length) throw new Error(`${name} needs ${missing.map((m) => m.name).join(", ")}.`);
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(given)) {
    if (typeof v !== "string" && typeof v !== "number") throw new Error(`${name}: ${k} must be a string.`);
    const s = String(v).trim();
    // Arguments land in text a model reads: keep them to short plain values.
    if (!/^[\w .@:-]{1,64}$/.test(s)) throw new Error(`${name}: ${k} must be a short plain value (letters, digits, . @ : - _).`);
    text[k] = s;
  }
  return playbook.text(text);
}
