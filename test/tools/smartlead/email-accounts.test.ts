/** SmartLead email accounts (incl. warmup, campaign pools and tags): what goes over the wire, validation, and credential hygiene. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { EMAIL_ACCOUNTS_TOOLS } from "../../../src/smartlead/email-accounts";
import type { InProcessStack } from "../../helpers/in-process";
import { call, callConfirmed } from "../../helpers/mcp";
import { resetFakes } from "../../helpers/stack";
import { assertCoveredAndListed, expectInvalid as invalid, runCase, type ToolCase, useSuite } from "../../helpers/table";

const SL = "smartlead" as const;
const PASSWORD = "S3cret-Passw0rd! with space";

const SAVE_ARGS = {
  from_name: "John Doe",
  from_email: "john@example.com",
  user_name: "john@example.com",
  password: PASSWORD,
  smtp_host: "smtp.example.com",
  smtp_port: 587,
  imap_host: "imap.example.com",
  imap_port: 993,
  warmup_enabled: true,
  total_warmup_per_day: 20,
  daily_rampup: 3,
  max_email_per_day: 50,
};

const CASES: ToolCase[] = [
  {
    tool: "smartlead_list_email_accounts",
    args: { limit: 2, emailWarmupStatus: "ACTIVE", isSmtpSuccess: true, esp: "GMAIL", fetch_campaigns: false },
    expect: {
      host: SL,
      method: "GET",
      path: "/email-accounts",
      query: { offset: "0", limit: "2", emailWarmupStatus: "ACTIVE", isSmtpSuccess: "true", esp: "GMAIL", fetch_campaigns: "false" },
    },
    check: (r) => {
      const data = r.structuredContent as { items: unknown[]; count: number; offset: number; limit: number; next_offset: number | null };
      assert.equal(data.count, 2);
      assert.equal(data.offset, 0);
      assert.equal(data.limit, 2);
      assert.equal(data.next_offset, 2);
    },
  },
  {
    tool: "smartlead_get_email_account",
    args: { email_account_id: 123, fetch_campaigns: true },
    expect: { host: SL, method: "GET", path: "/email-accounts/123", query: { fetch_campaigns: "true" } },
    check: (r) => assert.deepEqual((r.structuredContent as { campaign_ids: number[] }).campaign_ids, [101, 102, 103]),
  },
  {
    tool: "smartlead_save_email_account",
    args: SAVE_ARGS,
    expect: { host: SL, method: "POST", path: "/email-accounts/save", body: SAVE_ARGS },
  },
  {
    tool: "smartlead_update_email_account",
    args: { email_account_id: 123, max_email_per_day: 80, from_name: "John D.", bcc: "archive@example.com", is_suspended: false },
    expect: {
      host: SL,
      method: "POST",
      path: "/email-accounts/123",
      body: { max_email_per_day: 80, from_name: "John D.", bcc: "archive@example.com", is_suspended: false },
    },
  },
  {
    tool: "smartlead_delete_email_account",
    args: { email_account_id: 123 },
    expect: { host: SL, method: "DELETE", path: "/email-accounts/123" },
  },
  {
    tool: "smartlead_suspend_email_account",
    args: { email_account_id: 123 },
    expect: { host: SL, method: "PUT", path: "/email-accounts/suspend/123" },
  },
  {
    tool: "smartlead_unsuspend_email_account",
    args: { email_account_id: 123 },
    expect: { host: SL, method: "DELETE", path: "/email-accounts/unsuspend/123" },
  },
  {
    tool: "smartlead_reconnect_failed_email_accounts",
    args: {},
    expect: { host: SL, method: "POST", path: "/email-accounts/reconnect-failed-email-accounts", body: {} },
  },
  {
    tool: "smartlead_update_email_account_warmup",
    args: { email_account_id: 123, warmup_enabled: true, total_warmup_per_day: 15, daily_rampup: 5, reply_rate_percentage: 30, auto_adjust_warmup: true },
    expect: {
      host: SL,
      method: "POST",
      path: "/email-accounts/123/warmup",
      body: { warmup_enabled: true, total_warmup_per_day: 15, daily_rampup: 5, reply_rate_percentage: 30, auto_adjust_warmup: true },
    },
  },
  {
    tool: "smartlead_get_email_account_warmup_stats",
    args: { email_account_id: 123 },
    expect: { host: SL, method: "GET", path: "/email-accounts/123/warmup-stats" },
  },
  {
    tool: "smartlead_fetch_email_account_messages",
    args: { email_account_id: 123, limit: 10, folder: "INBOX", includeBody: false, from: "2025-11-20T00:00:00Z" },
    expect: {
      host: SL,
      method: "POST",
      path: "/email-accounts/123/fetch-messages",
      body: { limit: 10, folder: "INBOX", includeBody: false, from: "2025-11-20T00:00:00Z" },
    },
  },
  {
    tool: "smartlead_list_campaign_email_accounts",
    args: { campaign_id: 555, include_tags: true },
    expect: { host: SL, method: "GET", path: "/campaigns/555/email-accounts", query: { include_tags: "true" } },
    check: (r) => assert.equal((r.structuredContent as { count: number }).count, 2),
  },
  {
    tool: "smartlead_add_campaign_email_accounts",
    args: { campaign_id: 555, email_account_ids: [456, 457, 458] },
    expect: { host: SL, method: "POST", path: "/campaigns/555/email-accounts", body: { email_account_ids: [456, 457, 458] } },
  },
  {
    tool: "smartlead_remove_campaign_email_accounts",
    args: { campaign_id: 555, email_account_ids: [456, 457] },
    expect: { host: SL, method: "DELETE", path: "/campaigns/555/email-accounts", body: { email_account_ids: [456, 457] } },
  },
  {
    tool: "smartlead_list_email_account_tags",
    args: {},
    expect: { host: SL, method: "GET", path: "/email-accounts/tags" },
  },
  {
    tool: "smartlead_get_email_account_tags_by_email",
    args: { email_ids: ["sender@company.com"] },
    expect: { host: SL, method: "POST", path: "/email-accounts/tag-list", body: { email_ids: ["sender@company.com"] } },
  },
  {
    tool: "smartlead_create_email_account_tag",
    args: { name: "Primary Senders", color: "#4CAF50" },
    expect: { host: SL, method: "POST", path: "/tags", body: { name: "Primary Senders", color: "#4CAF50" } },
  },
  {
    tool: "smartlead_update_email_account_tag",
    args: { id: 1, name: "Primary", color: "#2196F3" },
    expect: { host: SL, method: "POST", path: "/email-accounts/tag-manager", body: { id: 1, name: "Primary", color: "#2196F3" } },
  },
  {
    tool: "smartlead_assign_email_account_tags",
    args: { email_account_ids: [101, 102], tag_ids: [1] },
    expect: { host: SL, method: "POST", path: "/email-accounts/tag-mapping", body: { email_account_ids: [101, 102], tag_ids: [1] } },
  },
  {
    tool: "smartlead_remove_email_account_tags",
    args: { email_account_ids: [101], tag_ids: [1, 2] },
    expect: { host: SL, method: "DELETE", path: "/email-accounts/tag-mapping", body: { email_account_ids: [101], tag_ids: [1, 2] } },
  },
];

let stack: InProcessStack;
let client: Client;
useSuite((s) => ({ stack, client } = s));

/** Calls a tool with bad arguments: an invalid_input error naming the field, and nothing sent. */
const expectInvalid = (tool: string, args: Record<string, unknown>, field: string) => invalid(client, stack.fakes, tool, args, field);

describe("every email-account tool", () => {
  for (const c of CASES) test(c.tool, () => runCase(client, stack.fakes, c).then(() => undefined));

  test("the table covers every tool of the file, all listed in smartlead_email_accounts", async () => {
    assert.equal(EMAIL_ACCOUNTS_TOOLS.length, 20);
    await assertCoveredAndListed(stack, "smartlead_email_accounts", EMAIL_ACCOUNTS_TOOLS, CASES);
  });
});

describe("validation", () => {
  test("limit 101 on the account list", () => expectInvalid("smartlead_list_email_accounts", { limit: 101 }, "limit"));
  test("negative offset", () => expectInvalid("smartlead_list_email_accounts", { offset: -1 }, "offset"));
  test("unknown warmup status", () => expectInvalid("smartlead_list_email_accounts", { emailWarmupStatus: "PAUSED" }, "emailWarmupStatus"));
  test("SMTP port 70000", () => expectInvalid("smartlead_save_email_account", { ...SAVE_ARGS, smtp_port: 70000 }, "smtp_port"));
  test("IMAP port 0", () => expectInvalid("smartlead_save_email_account", { ...SAVE_ARGS, imap_port: 0 }, "imap_port"));
  test("host with a path", () => expectInvalid("smartlead_save_email_account", { ...SAVE_ARGS, smtp_host: "smtp.example.com/x" }, "smtp_host"));
  test("bad from_email", () => expectInvalid("smartlead_save_email_account", { ...SAVE_ARGS, from_email: "john@" }, "from_email"));
  test("missing password", () => {
    const { password: _p, ...rest } = SAVE_ARGS;
    return expectInvalid("smartlead_save_email_account", rest, "password");
  });
  test("missing warmup_enabled (required by the docs)", () => {
    const { warmup_enabled: _w, ...rest } = SAVE_ARGS;
    return expectInvalid("smartlead_save_email_account", rest, "warmup_enabled");
  });
  for (const bad of ["not a url", "https://track.example.com/click", "track..example.com"]) {
    test(`tracking domain ${JSON.stringify(bad)} on save`, () =>
      expectInvalid("smartlead_save_email_account", { ...SAVE_ARGS, custom_tracking_url: bad }, "custom_tracking_url"));
    test(`tracking domain ${JSON.stringify(bad)} on update`, () =>
      expectInvalid("smartlead_update_email_account", { email_account_id: 1, custom_tracking_url: bad }, "custom_tracking_url"));
  }
  test("warmup ramp-up below 5", () =>
    expectInvalid("smartlead_update_email_account_warmup", { email_account_id: 1, warmup_enabled: true, daily_rampup: 3 }, "daily_rampup"));
  test("warmup per day above 50", () =>
    expectInvalid("smartlead_update_email_account_warmup", { email_account_id: 1, warmup_enabled: true, total_warmup_per_day: 51 }, "total_warmup_per_day"));
  test("reply rate above 100", () =>
    expectInvalid(
      "smartlead_update_email_account_warmup",
      { email_account_id: 1, warmup_enabled: false, reply_rate_percentage: 101 },
      "reply_rate_percentage",
    ));
  test("update with nothing to change", () => expectInvalid("smartlead_update_email_account", { email_account_id: 1 }, "max_email_per_day"));
  test("colour that is not #RRGGBB", () => expectInvalid("smartlead_create_email_account_tag", { name: "A", color: "green" }, "color"));
  test("more than 25 accounts to tag", () =>
    expectInvalid(
      "smartlead_assign_email_account_tags",
      { email_account_ids: Array.from({ length: 26 }, (_, i) => i + 1), tag_ids: [1] },
      "email_account_ids",
    ));
  test("empty tag id list", () => expectInvalid("smartlead_remove_email_account_tags", { email_account_ids: [1], tag_ids: [] }, "tag_ids"));
  test("non-integer account id in a path", () => expectInvalid("smartlead_get_email_account", { email_account_id: "1/../2" }, "email_account_id"));
});

describe("credentials", () => {
  test("saving a mailbox sends the password to SmartLead and never shows it back, in the preview or the result", async () => {
    resetFakes(stack.fakes);
    const { preview, result } = await callConfirmed(client, "smartlead_save_email_account", SAVE_ARGS);
    assert.ok(!JSON.stringify(preview).includes(PASSWORD), "password not in the preview");
    assert.equal((preview.structuredContent as { arguments: { password: string } }).arguments.password, "[withheld]", "the preview says a password was given");
    assert.ok(!result.isError);
    assert.ok(!JSON.stringify(result).includes(PASSWORD), "password not in the result");
    assert.equal((stack.fakes.smartlead.requests[0]!.body as { password: string }).password, PASSWORD);
    assert.equal((result.structuredContent as { emailAccountId: number }).emailAccountId, 3021);
  });

  test("account reads leave passwords out", async () => {
    for (const [tool, args] of [
      ["smartlead_list_email_accounts", {}],
      ["smartlead_get_email_account", { email_account_id: 123 }],
      ["smartlead_list_campaign_email_accounts", { campaign_id: 555 }],
    ] as const) {
      const result = await call(client, tool, args);
      assert.ok(!result.isError, tool);
      const text = JSON.stringify(result);
      assert.ok(!/password/i.test(text), `${tool}: no password field`);
      assert.ok(!text.includes("ZW5jcnlwdGVkX3Bhc3N3b3Jk") && !text.includes("decrypted_password"), `${tool}: no password value`);
      assert.ok(text.includes("smtp.gmail.com"), `${tool}: the rest is kept`);
    }
  });

  test("an error body from a failed save is passed on without the password", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_save_email_account", SAVE_ARGS);
    stack.fakes.smartlead.next({ status: 400, body: { ok: false, message: "SMTP connection failed", error: "Invalid credentials" } });
    const token = (preview.structuredContent as { confirmation_token: string }).confirmation_token;
    const result = await call(client, "smartlead_save_email_account", { ...SAVE_ARGS, confirmation_token: token });
    assert.ok(result.isError);
    assert.ok(!JSON.stringify(result).includes(PASSWORD));
  });
});

describe("two-step tools", () => {
  test("deleting an account previews the mailbox and sends no DELETE", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_delete_email_account", { email_account_id: 123 });
    const data = preview.structuredContent as Record<string, unknown>;
    assert.equal(data.confirmation_required, true);
    assert.deepEqual(data.target, { id: 123, from_email: "john123@example.com", from_name: "John Doe" });
    assert.match(String(data.action), /cannot be undone/);
    assert.deepEqual(
      stack.fakes.smartlead.requests.map((r) => `${r.method} ${r.path}`),
      ["GET /email-accounts/123"],
    );
    assert.ok(!/password/i.test(JSON.stringify(preview)));
  });

  test("removing accounts from a campaign sends nothing until confirmed", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_remove_campaign_email_accounts", { campaign_id: 555, email_account_ids: [456] });
    assert.equal((preview.structuredContent as Record<string, unknown>).confirmation_required, true);
    assert.deepEqual(
      stack.fakes.smartlead.requests.filter((r) => r.method !== "GET"),
      [],
    );
  });
});
