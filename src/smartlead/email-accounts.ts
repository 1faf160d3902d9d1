/** SmartLead email (sender) accounts: listing, SMTP/IMAP setup, warmup, suspension, campaign pools and tags. */
import { z } from "zod";
import type { Args, ToolDefinition } from "../tools/define";
import { datetime, email, id, limit, offset, text, trackingDomain } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { campaignId, clientId, emailAccountId } from "./fields";

const t = toolset("smartlead_email_accounts");

const hostname = (what: string) =>
  z
    .string()
    .trim()
    .max(253)
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, "expected a host name like smtp.example.com")
    .describe(what);

const port = (what: string) => z.number().int().min(1).max(65535).describe(`${what} (1–65535)`);

/** Credentials are passed through untrimmed: spaces can be part of a password. */
const secret = (what: string) => z.string().min(1).max(512).describe(what);

const tagId = id("Tag id");
const hexColor = (what: string) =>
  z
    .string()
    .regex(/^#[0-9A-Fa-f]{6}$/, "expected a hex colour like #4CAF50")
    .describe(`${what} (#RRGGBB)`);
const tagName = text("Tag name", 100);

const accountIds = (max: number, what: string) => z.array(emailAccountId).min(1).max(max).describe(`${what} (1–${max})`);

const ACCOUNT_ITEM = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  from_name: z.string().nullable().optional(),
  from_email: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  is_smtp_success: z.boolean().nullable().optional(),
  is_imap_success: z.boolean().nullable().optional(),
  message_per_day: z.number().nullable().optional(),
  daily_sent_count: z.number().nullable().optional(),
  warmup_details: z.looseObject({}).nullable().optional(),
});

const ACK = z.looseObject({ ok: z.boolean().optional(), success: z.boolean().optional(), message: z.string().optional() });

/** Settings the update endpoint (and the create/update save endpoint) accept beside the credentials. */
/** Optional mailbox settings that both the save and the update tool accept. */
const accountSettings = {
  max_email_per_day: z.number().int().min(1).max(2000).optional().describe("Daily sending cap for this mailbox, warmup included (1–2000)"),
  custom_tracking_url: trackingDomain().optional(),
  bcc: email("Address that gets a BCC of every email sent from this mailbox").optional(),
  signature: text("Email signature (HTML allowed)", 10_000).optional(),
  client_id: clientId.optional(),
  time_to_wait_in_mins: z.number().int().min(0).max(1440).optional().describe("Minimum minutes to wait between two sends (0–1440)"),
  is_suspended: z.boolean().optional().describe("true suspends the mailbox (no campaign or warmup sends); false reactivates it"),
};

export const EMAIL_ACCOUNTS_TOOLS: ToolDefinition[] = [
  t.get("/email-accounts", {
    name: "smartlead_list_email_accounts",
    title: "SmartLead: list email accounts",
    description: "Lists sender mailboxes with connection status, daily limits and warmup details, at most 100 per page. Passwords are left out.",
    catalogId: "sl.get_email_accounts",
    input: z
      .object({
        offset: offset(),
        limit: limit(100, 100),
        isInUse: z.boolean().optional().describe("Used by a campaign or not"),
        emailWarmupStatus: z.enum(["ACTIVE", "INACTIVE"]).optional(),
        isSmtpSuccess: z.boolean().optional().describe("SMTP connected (false: failing)"),
        isWarmupBlocked: z.boolean().optional(),
        esp: z.enum(["GMAIL", "OUTLOOK", "SMTP"]).optional().describe("Provider"),
        username: text("Username contains", 320).optional(),
        client_id: clientId.optional(),
        fetch_campaigns: z.boolean().optional().describe("Include each mailbox's campaign ids"),
      })
      .strict(),
    list: { rows: ["data"], only: true, paged: true },
    output: z.looseObject({
      items: z.array(z.unknown()).optional(),
      count: z.number().optional(),
      offset: z.number().optional(),
      limit: z.number().nullable().optional(),
      next_offset: z.number().nullable().optional(),
    }),
  }),
  t.get("/email-accounts/{email_account_id}", {
    name: "smartlead_get_email_account",
    title: "SmartLead: get an email account",
    description:
      "Gets one sender mailbox: SMTP/IMAP settings, connection status, daily limits and detailed warmup state, " +
      "optionally with the campaigns using it. Mailbox passwords are left out.",
    catalogId: "sl.get_email_accounts_by_email_account_id",
    input: z
      .object({
        email_account_id: emailAccountId,
        fetch_campaigns: z.boolean().optional().describe("Include campaign_ids: the campaigns using this mailbox"),
      })
      .strict(),
    output: ACCOUNT_ITEM,
  }),
  t.post("/email-accounts/save", {
    name: "smartlead_save_email_account",
    title: "SmartLead: add or update an SMTP/IMAP mailbox",
    description:
      "Connects an SMTP/IMAP sender mailbox to SmartLead, or updates its credentials and settings when id is given. " +
      "The mailbox password is sent to SmartLead only and never shown back. SmartLead tests the connection; check is_smtp_success/is_imap_success afterwards. Admin tool (offered only with MCP_ADMIN_TOOLS=true); asks for confirmation first.",
    catalogId: "sl.post_email_accounts_save",
    kind: "create",
    admin: true,
    input: z
      .object({
        id: emailAccountId.optional().describe("Existing email account id to update; leave out to create a new mailbox"),
        from_name: text("Sender display name", 200),
        from_email: email("Sender email address"),
        user_name: text("SMTP username (usually the email address)", 320),
        password: secret("SMTP password or app password (sent to SmartLead only)"),
        smtp_host: hostname("SMTP server host, e.g. smtp.gmail.com"),
        smtp_port: port("SMTP port, usually 587 (STARTTLS) or 465 (SSL)"),
        imap_host: hostname("IMAP server host, e.g. imap.gmail.com"),
        imap_port: port("IMAP port, usually 993"),
        imap_user_name: text("IMAP username, when it differs from the SMTP one", 320).optional(),
        imap_password: secret("IMAP password, when it differs from the SMTP one (sent to SmartLead only)").optional(),
        type: z.enum(["SMTP", "GMAIL", "OUTLOOK"]).optional().describe("Provider type"),
        different_reply_to_address: email("Reply-to address, when replies should go elsewhere").optional(),
        // Required by the docs page (email-accounts/add-smtp.mdx), and every documented example sends it.
        warmup_enabled: z.boolean().describe("Turn warmup on (true) or leave it off (false) for this mailbox; required"),
        total_warmup_per_day: z.number().int().min(1).max(50).optional().describe("Warmup emails per day (1–50)"),
        daily_rampup: z.number().int().min(1).max(20).optional().describe("Daily increase of warmup volume (1–20)"),
        reply_rate_percentage: z.number().min(0).max(100).optional().describe("Target warmup reply rate in percent (0–100)"),
        ...accountSettings,
      })
      .strict(),
    output: z.looseObject({
      ok: z.boolean().optional(),
      message: z.string().optional(),
      emailAccountId: z.union([z.number(), z.string()]).nullable().optional(),
      data: z.looseObject({}).nullable().optional(),
    }),
    confirm: {
      action: (a) =>
        `Mailbox ${String(a.from_email)} (${String(a.smtp_host)}) will be connected to SmartLead with the given credentials${a.id ? `, replacing account ${String(a.id)}` : ""}; campaigns can then send from it.`,
    },
  }),
  t.post("/email-accounts/{email_account_id}", {
    name: "smartlead_update_email_account",
    title: "SmartLead: update email account settings",
    description:
      "Changes a mailbox's settings without touching its credentials: daily cap, sender name, tracking domain, BCC, signature, client, " +
      "wait between sends, suspension. Only the fields given change.",
    catalogId: "sl.post_email_accounts_by_email_account_id",
    kind: "update",
    input: z
      .object({
        email_account_id: emailAccountId,
        from_name: text("Sender display name", 200).optional(),
        ...accountSettings,
      })
      .strict()
      .superRefine((v, ctx) => {
        if (Object.keys(v).filter((k) => k !== "email_account_id" && (v as Args)[k] !== undefined).length === 0) {
          ctx.addIssue({ code: "custom", path: ["max_email_per_day"], message: "provide at least one setting to change" });
        }
      }),
    output: ACK,
  }),
  t.delete("/email-accounts/{email_account_id}", {
    name: "smartlead_delete_email_account",
    title: "SmartLead: delete an email account",
    description:
      "Deletes a sender mailbox: it leaves every campaign and its warmup stops. Cannot be undone. Two-step: the first call returns a preview and a confirmation token.",
    catalogId: "sl.delete_email_accounts_by_email_account_id",
    kind: "delete",
    input: z.object({ email_account_id: emailAccountId }).strict(),
    confirm: {
      action: (a) => `Delete email account ${a.email_account_id}: it is removed from all campaigns and its warmup stops. This cannot be undone.`,
      lookup: { path: "/email-accounts/{email_account_id}", pick: ["id", "from_email", "from_name"] },
    },
    output: ACK,
  }),
  t.put("/email-accounts/suspend/{email_account_id}", {
    name: "smartlead_suspend_email_account",
    title: "SmartLead: suspend an email account",
    description:
      "Pauses a mailbox: it stops sending campaign and warmup emails but keeps its settings and campaign places. Undo with smartlead_unsuspend_email_account.",
    catalogId: "sl.put_email_accounts_suspend_by_email_account_id",
    kind: "update",
    input: z.object({ email_account_id: emailAccountId }).strict(),
    body: () => undefined,
    output: ACK,
  }),
  t.delete("/email-accounts/unsuspend/{email_account_id}", {
    name: "smartlead_unsuspend_email_account",
    title: "SmartLead: unsuspend an email account",
    description: "Reactivates a suspended mailbox: it rejoins campaign rotation and warmup resumes if it was on, so it starts sending again right away.",
    catalogId: "sl.delete_email_accounts_unsuspend_by_email_account_id",
    kind: "update",
    input: z.object({ email_account_id: emailAccountId }).strict(),
    output: ACK,
  }),
  t.post("/email-accounts/reconnect-failed-email-accounts", {
    name: "smartlead_reconnect_failed_email_accounts",
    title: "SmartLead: reconnect failed email accounts",
    description: "Asks SmartLead to retry the SMTP/IMAP connection of every mailbox whose connection failed. Takes no arguments.",
    catalogId: "sl.post_email_accounts_reconnect_failed_email_accounts",
    kind: "update",
    input: z.object({}).strict(),
    output: ACK,
  }),
  t.post("/email-accounts/{email_account_id}/warmup", {
    name: "smartlead_update_email_account_warmup",
    title: "SmartLead: update warmup settings",
    description:
      "Turns warmup on or off for a mailbox and sets its volume: warmup emails per day (1–50), daily ramp-up (5–20) and target reply rate (20–100 %).",
    catalogId: "sl.post_email_accounts_by_email_account_id_warmup",
    kind: "update",
    input: z
      .object({
        email_account_id: emailAccountId,
        warmup_enabled: z.boolean().describe("true turns warmup on, false turns it off"),
        total_warmup_per_day: z.number().int().min(1).max(50).optional().describe("Warmup emails per day (1–50)"),
        daily_rampup: z.number().int().min(5).max(20).optional().describe("Daily increase of warmup volume (5–20)"),
        reply_rate_percentage: z.number().min(20).max(100).optional().describe("Target warmup reply rate in percent (20–100)"),
        warmup_key_id: text("Warmup key identifier (the tag SmartLead puts in warmup emails)", 100).optional(),
        auto_adjust_warmup: z.boolean().optional().describe("Let SmartLead adjust warmup volume from results"),
        is_rampup_enabled: z.boolean().optional().describe("Ramp warmup volume up gradually"),
      })
      .strict(),
    output: ACK,
  }),
  t.get("/email-accounts/{email_account_id}/warmup-stats", {
    name: "smartlead_get_email_account_warmup_stats",
    title: "SmartLead: warmup statistics",
    description: "Warmup results of one mailbox for the last 7 days: sent, spam, inbox placement and per-day counts.",
    catalogId: "sl.get_email_accounts_by_email_account_id_warmup_stats",
    input: z.object({ email_account_id: emailAccountId }).strict(),
  }),
  t.post("/email-accounts/{email_account_id}/fetch-messages", {
    name: "smartlead_fetch_email_account_messages",
    title: "SmartLead: fetch a mailbox's messages",
    description: "Reads recent messages from one mailbox over IMAP, optionally from a folder and a time window, with or without bodies (up to 100).",
    catalogId: "sl.post_email_accounts_by_email_account_id_fetch_messages",
    kind: "read",
    input: z
      .object({
        email_account_id: emailAccountId,
        limit: limit(100),
        folder: text("Mailbox folder, e.g. INBOX", 200).optional(),
        includeBody: z.boolean().optional().describe("Include message bodies"),
        from: datetime("Only messages after").optional(),
        to: datetime("Only messages before").optional(),
      })
      .strict(),
  }),
  t.get("/campaigns/{campaign_id}/email-accounts", {
    name: "smartlead_list_campaign_email_accounts",
    title: "SmartLead: list a campaign's email accounts",
    description: "Lists the sender mailboxes a campaign rotates between, with type, warmup and connection status. Mailbox passwords are left out.",
    catalogId: "sl.get_campaigns_by_campaign_id_email_accounts",
    input: z
      .object({
        campaign_id: campaignId,
        include_tags: z.boolean().optional().describe("Include each mailbox's tags"),
      })
      .strict(),
    list: { rows: ["data"], only: true },
    output: z.looseObject({ items: z.array(z.unknown()).optional(), count: z.number().optional() }),
  }),
  t.post("/campaigns/{campaign_id}/email-accounts", {
    name: "smartlead_add_campaign_email_accounts",
    title: "SmartLead: add email accounts to a campaign",
    description: "Adds sender mailboxes to a campaign's rotation (up to 100 per call). Mailboxes must be connected and not suspended.",
    catalogId: "sl.post_campaigns_by_campaign_id_email_accounts",
    kind: "update",
    input: z
      .object({
        campaign_id: campaignId,
        email_account_ids: accountIds(100, "Email account ids to add"),
      })
      .strict(),
    output: ACK,
  }),
  t.delete("/campaigns/{campaign_id}/email-accounts", {
    name: "smartlead_remove_campaign_email_accounts",
    title: "SmartLead: remove email accounts from a campaign",
    description:
      "Takes sender mailboxes out of a campaign's rotation (the mailboxes themselves stay). An active campaign must keep at least one. " +
      "Two-step: the first call returns a preview and a confirmation token.",
    catalogId: "sl.delete_campaigns_by_campaign_id_email_accounts",
    kind: "delete",
    input: z
      .object({
        campaign_id: campaignId,
        email_account_ids: accountIds(100, "Email account ids to remove"),
      })
      .strict(),
    // SmartLead reads the ids from a JSON body even on this DELETE (docs); sources also show email_accounts_ids
    // and a single id, but the docs page and most clients use email_account_ids.
    query: [],
    body: (rest) => rest,
    confirm: {
      action: (a) =>
        `Remove email account(s) ${(a.email_account_ids as number[]).join(", ")} from campaign ${a.campaign_id}; ` +
        "the campaign stops sending from them (add them back to undo).",
      lookup: { path: "/campaigns/{campaign_id}", pick: ["id", "name", "status"] },
    },
    output: ACK,
  }),
  t.get("/email-accounts/tags", {
    name: "smartlead_list_email_account_tags",
    title: "SmartLead: list email account tags",
    description: "Lists every tag defined for organising sender mailboxes, with ids and colours.",
    catalogId: "sl.get_email_accounts_tags",
    input: z.object({}).strict(),
  }),
  t.post("/email-accounts/tag-list", {
    name: "smartlead_get_email_account_tags_by_email",
    title: "SmartLead: tags of given mailboxes",
    description: "Looks up the tags (and account ids) of sender mailboxes by their email addresses, up to 100 at once.",
    catalogId: "sl.post_email_accounts_tag_list",
    kind: "read",
    input: z.object({ email_ids: z.array(email()).min(1).max(100).describe("Mailbox email addresses to look up (1–100)") }).strict(),
  }),
  t.post("/tags", {
    name: "smartlead_create_email_account_tag",
    title: "SmartLead: create an email account tag",
    description: "Creates a tag for grouping sender mailboxes; a default colour is used when none is given.",
    catalogId: "sl.post_tags",
    kind: "create",
    input: z
      .object({
        name: tagName,
        color: hexColor("Tag colour").optional(),
      })
      .strict(),
  }),
  t.post("/email-accounts/tag-manager", {
    name: "smartlead_update_email_account_tag",
    title: "SmartLead: rename or recolour a tag",
    description: "Changes an existing email account tag's name and colour.",
    catalogId: "sl.post_email_accounts_tag_manager",
    kind: "update",
    input: z
      .object({
        id: tagId,
        name: tagName,
        color: hexColor("Tag colour"),
      })
      .strict(),
  }),
  t.post("/email-accounts/tag-mapping", {
    name: "smartlead_assign_email_account_tags",
    title: "SmartLead: tag email accounts",
    description: "Adds existing tags to sender mailboxes (up to 25 mailboxes per call).",
    catalogId: "sl.post_email_accounts_tag_mapping",
    kind: "update",
    input: z
      .object({
        email_account_ids: accountIds(25, "Email account ids to tag"),
        tag_ids: z.array(tagId).min(1).max(50).describe("Tag ids to add (1–50)"),
      })
      .strict(),
    output: ACK,
  }),
  t.delete("/email-accounts/tag-mapping", {
    name: "smartlead_remove_email_account_tags",
    title: "SmartLead: untag email accounts",
    description: "Removes tags from sender mailboxes; the tags themselves are kept.",
    catalogId: "sl.delete_email_accounts_tag_mapping",
    kind: "update",
    input: z
      .object({
        email_account_ids: accountIds(100, "Email account ids to untag"),
        tag_ids: z.array(tagId).min(1).max(50).describe("Tag ids to remove (1–50)"),
      })
      .strict(),
    // The docs send these ids as a JSON body on DELETE.
    query: [],
    body: (rest) => rest,
    output: ACK,
  }),
];
