/**
 * Smart Delivery tools against the fake smartdelivery host: every request on
 * the wire, the two-step confirmation for creating a placement test, and
 * inputs refused before anything is sent.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ALL_TOOLS } from "../../../src/tools/all";
import type { InProcessStack } from "../../helpers/in-process";
import { call, errorOf } from "../../helpers/mcp";
import { resetFakes } from "../../helpers/stack";
import { expectInvalid, runCase, type ToolCase, useSuite } from "../../helpers/table";

const MANUAL = {
  test_name: "Q1 sequence check",
  description: "Step 1 before launch",
  spam_filters: ["spam_assassin"],
  link_checker: true,
  campaign_id: 12345,
  sequence_mapping_id: 4411,
  provider_ids: [101, 103],
  sender_accounts: ["sam@acme-mail.com", "lee@acme-mail.com"],
  all_email_sent_without_time_gap: false,
  min_time_btwn_emails: 10,
  min_time_unit: "minutes",
  is_warmup: false,
};

const SCHEDULED = {
  ...MANUAL,
  test_name: "Weekly placement",
  schedule_start_time: "2026-04-01T09:00:00Z",
  test_end_date: "2026-06-30",
  every_days: 7,
  tz: "Europe/Berlin",
  days: [1, 3, 5],
  starHour: "09:00",
  folder_id: 12,
  scheduler_cron_value: { tz: "Europe/Berlin", days: [1, 3, 5] },
};

const get = (tool: string, args: Record<string, unknown>, path: string, query?: Record<string, string>): ToolCase => ({
  tool,
  args,
  expect: { host: "smartdelivery", method: "GET", path, query },
});

const CASES: ToolCase[] = [
  get("smartlead_list_placement_test_providers", {}, "/spam-test/seed/providers"),
  {
    tool: "smartlead_create_manual_placement_test",
    args: MANUAL,
    expect: { host: "smartdelivery", method: "POST", path: "/spam-test/manual", body: MANUAL },
  },
  {
    tool: "smartlead_create_scheduled_placement_test",
    args: SCHEDULED,
    expect: { host: "smartdelivery", method: "POST", path: "/spam-test/schedule", body: SCHEDULED },
  },
  get("smartlead_get_placement_test", { spamTestId: 91001 }, "/spam-test/91001"),
  {
    tool: "smartlead_list_placement_tests",
    args: { testType: "auto", limit: 25, offset: 50 },
    expect: { host: "smartdelivery", method: "POST", path: "/spam-test/report", query: { testType: "auto" }, body: { limit: 25, offset: 50 } },
  },
  {
    tool: "smartlead_list_placement_tests",
    args: { testType: "manual" },
    expect: { host: "smartdelivery", method: "POST", path: "/spam-test/report", query: { testType: "manual" }, body: { limit: 10, offset: 0 } },
    check: (r) => {
      const data = r.structuredContent as { items: unknown[]; count: number; next_offset: unknown };
      assert.equal(data.count, 1);
      assert.equal(data.next_offset, null, "a short page is the last");
    },
  },
  {
    tool: "smartlead_delete_placement_tests",
    args: { spamTestIds: [91001, 91002] },
    expect: { host: "smartdelivery", method: "POST", path: "/spam-test/delete", body: { spamTestIds: [91001, 91002] } },
  },
  {
    tool: "smartlead_stop_placement_test",
    args: { spamTestId: 91002 },
    expect: { host: "smartdelivery", method: "PUT", path: "/spam-test/91002/stop", body: {} },
  },
  {
    tool: "smartlead_get_placement_provider_report",
    args: { spamTestId: 91001 },
    expect: { host: "smartdelivery", method: "POST", path: "/spam-test/report/91001/providerwise", body: {} },
  },
  {
    tool: "smartlead_get_placement_region_report",
    args: { spamTestId: 91001 },
    expect: { host: "smartdelivery", method: "POST", path: "/spam-test/report/91001/groupwise", body: {} },
  },
  get("smartlead_get_placement_sender_report", { spamTestId: 91001 }, "/spam-test/report/91001/sender-account-wise"),
  get("smartlead_get_placement_email_headers", { spamTestId: 91001, replyId: 7001 }, "/spam-test/report/91001/sender-account-wise/7001/email-headers"),
  get("smartlead_list_placement_test_senders", { spamTestId: 91001 }, "/spam-test/report/91001/sender-accounts"),
  get("smartlead_get_placement_spam_filter_report", { spamTestId: 91001 }, "/spam-test/report/91001/spam-filter-details"),
  get("smartlead_get_placement_dkim_report", { spamTestId: 91001 }, "/spam-test/report/91001/dkim-details"),
  get("smartlead_get_placement_spf_report", { spamTestId: 91001 }, "/spam-test/report/91001/spf-details"),
  get("smartlead_get_placement_rdns_report", { spamTestId: 91001 }, "/spam-test/report/91001/rdns-details"),
  get("smartlead_get_placement_ip_blacklists", { spamTestId: 91001 }, "/spam-test/report/91001/blacklist"),
  get("smartlead_get_placement_domain_blacklist", { spamTestId: 91001 }, "/spam-test/report/91001/domain-blacklist"),
  get("smartlead_get_placement_ip_details", { spamTestId: 91001 }, "/spam-test/report/91001/ip-analytics"),
  get("smartlead_get_placement_email_content", { spamTestId: 91001 }, "/spam-test/report/91001/email-content"),
  get("smartlead_get_placement_schedule_history", { spamTestId: 91002 }, "/spam-test/report/91002/schedule-history"),
  get("smartlead_get_placement_mailbox_counts", {}, "/spam-test/report/mailboxes-count"),
  get("smartlead_get_placement_mailbox_summary", { limit: 5, offset: 5 }, "/spam-test/report/mailboxes-summary", { limit: "5", offset: "5" }),
  get("smartlead_list_placement_folders", { name: "Q1" }, "/spam-test/folder", { limit: "10", offset: "0", name: "Q1" }),
  {
    tool: "smartlead_create_placement_folder",
    args: { folderName: "Q2 2026 Tests" },
    expect: { host: "smartdelivery", method: "POST", path: "/spam-test/folder", body: { folderName: "Q2 2026 Tests" } },
    // The request says folderName, the answer calls it name.
    check: (r) => assert.deepEqual([(r.structuredContent as { id: number }).id, (r.structuredContent as { name: string }).name], [14, "Q2 2026 Tests"]),
  },
  get("smartlead_get_placement_folder", { folderId: 12 }, "/spam-test/folder/12"),
  {
    tool: "smartlead_delete_placement_folder",
    args: { folderId: 13 },
    expect: { host: "smartdelivery", method: "DELETE", path: "/spam-test/folder/13" },
  },
];

test("every Smart Delivery tool has a case here, on the smartdelivery host", () => {
  const covered = new Set(CASES.map((c) => c.tool));
  const mine = ALL_TOOLS.filter((t) => t.toolset === "smartlead_deliverability");
  assert.deepEqual(
    mine.filter((t) => !covered.has(t.name)).map((t) => t.name),
    [],
  );
  for (const t of mine) assert.equal(t.base, "smartdelivery", t.name);
  for (const t of mine.filter((x) => x.effect === "sends_email" || x.effect === "destructive")) assert.ok(t.confirm, `${t.name} is confirmed`);
});

describe("Smart Delivery tools over MCP", () => {
  let stack: InProcessStack;
  let client: Client;
  useSuite((s) => ({ stack, client } = s));

  for (const c of CASES) test(`${c.tool} ${JSON.stringify(c.args).slice(0, 50)}`, () => runCase(client, stack.fakes, c).then(() => undefined));

  test("creating a manual placement test: preview first, nothing sent until confirmed with the same arguments", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_create_manual_placement_test", MANUAL);
    assert.ok(!preview.isError, JSON.stringify(preview.content));
    const data = preview.structuredContent as Record<string, unknown>;
    assert.equal(data.confirmation_required, true);
    assert.match(String(data.action), /2 sender accounts will send real test emails from campaign 12345/);
    assert.match(String(data.action), /cannot be recalled/);
    assert.equal(typeof data.confirmation_token, "string");
    assert.equal(stack.fakes.smartdelivery.requests.length, 0, "the preview sends nothing to Smart Delivery");
    assert.ok(
      stack.fakes.smartlead.requests.every((r) => r.method === "GET"),
      "at most a lookup GET on the main host",
    );

    const tampered = await call(client, "smartlead_create_manual_placement_test", {
      ...MANUAL,
      provider_ids: [101, 103, 104],
      confirmation_token: data.confirmation_token,
    });
    assert.equal(errorOf(tampered).code, "confirmation_invalid");
    assert.equal(stack.fakes.smartdelivery.requests.length, 0, "a token for other arguments sends nothing");

    const done = await call(client, "smartlead_create_manual_placement_test", { ...MANUAL, confirmation_token: data.confirmation_token });
    assert.ok(!done.isError, JSON.stringify(done.content));
    const sent = stack.fakes.smartdelivery.requests;
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.method, "POST");
    assert.equal(sent[0]!.path, "/spam-test/manual");
    assert.deepEqual(sent[0]!.body, MANUAL);
    assert.equal((done.structuredContent as { test_type: string }).test_type, "manual");
  });

  const BAD: { why: string; tool: string; args: Record<string, unknown>; field: string }[] = [
    { why: "no sender accounts", tool: "smartlead_create_manual_placement_test", args: { ...MANUAL, sender_accounts: [] }, field: "sender_accounts" },
    {
      why: "a sender that is not an email",
      tool: "smartlead_create_manual_placement_test",
      args: { ...MANUAL, sender_accounts: ["sam"] },
      field: "sender_accounts.0",
    },
    { why: "an unknown time unit", tool: "smartlead_create_manual_placement_test", args: { ...MANUAL, min_time_unit: "weeks" }, field: "min_time_unit" },
    { why: "a schedule time zone that is not IANA", tool: "smartlead_create_scheduled_placement_test", args: { ...SCHEDULED, tz: "CET+1" }, field: "tz" },
    { why: "weekday 0 (Smart Delivery counts 1–7)", tool: "smartlead_create_scheduled_placement_test", args: { ...SCHEDULED, days: [0, 1] }, field: "days.0" },
    {
      why: "a start time that is not ISO 8601",
      tool: "smartlead_create_scheduled_placement_test",
      args: { ...SCHEDULED, schedule_start_time: "April 1st" },
      field: "schedule_start_time",
    },
    {
      why: "an end date before the start",
      tool: "smartlead_create_scheduled_placement_test",
      args: { ...SCHEDULED, test_end_date: "2026-03-01" },
      field: "test_end_date",
    },
    { why: "a folder without a folderName", tool: "smartlead_create_placement_folder", args: {}, field: "folderName" },
    { why: "name instead of folderName", tool: "smartlead_create_placement_folder", args: { name: "Q2 2026 Tests" }, field: "folderName" },
    { why: "a blank folderName", tool: "smartlead_create_placement_folder", args: { folderName: "  " }, field: "folderName" },
    { why: "a non-integer test id", tool: "smartlead_get_placement_dkim_report", args: { spamTestId: "../folder" }, field: "spamTestId" },
    { why: "an unknown test type", tool: "smartlead_list_placement_tests", args: { testType: "scheduled" }, field: "testType" },
    { why: "a page over 100", tool: "smartlead_get_placement_mailbox_summary", args: { limit: 101 }, field: "limit" },
    {
      why: "too many tests to delete",
      tool: "smartlead_delete_placement_tests",
      args: { spamTestIds: Array.from({ length: 101 }, (_, i) => i + 1) },
      field: "spamTestIds",
    },
  ];

  for (const b of BAD) {
    test(`refused before sending: ${b.why}`, () => expectInvalid(client, stack.fakes, b.tool, b.args, b.field));
  }
});
