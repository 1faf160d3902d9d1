/** SmartLead master inbox and replies: what goes over the wire, list shaping, validation and the reply confirmation. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { FakeUpstream, RecordedRequest } from "../../../dev/fakes/server";
import { fakeThread } from "../../../dev/fakes/smartlead/inbox";
import { INBOX_LIST_TOOLS } from "../../../src/smartlead/inbox/lists";
import { INBOX_ACTION_TOOLS } from "../../../src/smartlead/inbox/threads";

const INBOX_TOOLS = [...INBOX_LIST_TOOLS, ...INBOX_ACTION_TOOLS];

import type { InProcessStack } from "../../helpers/in-process";
import { call, errorOf } from "../../helpers/mcp";
import { type Fakes, resetFakes } from "../../helpers/stack";
import { assertCoveredAndListed, expectInvalid as invalid, runCase, type ToolCase, useSuite } from "../../helpers/table";

const SL = "smartlead" as const;

const REPLY_ARGS = {
  campaign_id: 12345,
  email_stats_id: "4d9ff292-b7a4-45a1-80aa-e1ac2c925404",
  email_body: "<p>Hi Sarah, happy to set up a call. Does Tuesday work?</p>",
  reply_message_id: "<4d9ff292-b7a4-45a1-80aa-e1ac2c925404@mail.yourcompany.com>",
  reply_email_time: "2025-01-20T14:30:00Z",
  cc: ["jane@yourcompany.com", "ops@yourcompany.com"],
  bcc: ["crm@yourcompany.com"],
  add_signature: true,
};

const listCase = (tool: string, path: string, history: boolean, single = false): ToolCase => {
  const sortBy = path.endsWith("scheduled") ? "SCHEDULED_TIME_ASC" : path.endsWith("reminders") ? "REMINDER_TIME_ASC" : "SENT_TIME_DESC";
  const filters = single
    ? { search: "pricing", campaignId: 12345, emailStatus: "Replied" }
    : { search: "pricing", campaignId: [12345], emailStatus: ["Replied", "Opened"] };
  return {
    tool,
    args: { ...(history ? { fetch_message_history: false } : {}), limit: 2, filters, sortBy },
    expect: {
      host: SL,
      method: "POST",
      path,
      query: history ? { fetch_message_history: "false" } : {},
      body: { offset: 0, limit: 2, filters, sortBy },
    },
    check: (r) => {
      const data = r.structuredContent as { items: unknown[]; count: number; total_count: number; offset: number; limit: number; next_offset: number | null };
      assert.equal(data.count, 2);
      assert.equal(data.items.length, 2);
      assert.equal(data.total_count, 3);
      assert.equal(data.offset, 0);
      assert.equal(data.limit, 2);
      assert.equal(data.next_offset, 2);
    },
  };
};

const CASES: ToolCase[] = [
  {
    tool: "smartlead_list_inbox_replies",
    args: {
      fetch_message_history: true,
      offset: 0,
      limit: 20,
      filters: {
        search: "demo",
        leadCategories: { categoryIdsIn: [1, 2], isAssigned: true },
        emailStatus: ["Replied", "Clicked"],
        campaignId: [12345, 12346],
        emailAccountId: [789, 790],
        campaignTeamMemberId: [456],
        replyTimeBetween: ["2025-01-01T00:00:00Z", "2025-01-31T23:59:59Z"],
      },
      sortBy: "REPLY_TIME_DESC",
    },
    expect: {
      host: SL,
      method: "POST",
      path: "/master-inbox/inbox-replies",
      query: { fetch_message_history: "true" },
      body: {
        offset: 0,
        limit: 20,
        filters: {
          search: "demo",
          leadCategories: { categoryIdsIn: [1, 2], isAssigned: true },
          emailStatus: ["Replied", "Clicked"],
          campaignId: [12345, 12346],
          emailAccountId: [789, 790],
          campaignTeamMemberId: [456],
          replyTimeBetween: ["2025-01-01T00:00:00Z", "2025-01-31T23:59:59Z"],
        },
        sortBy: "REPLY_TIME_DESC",
      },
    },
    check: (r) => {
      const data = r.structuredContent as { count: number; next_offset: number | null };
      assert.equal(data.count, 3);
      assert.equal(data.next_offset, null);
    },
  },
  listCase("smartlead_list_inbox_unread_replies", "/master-inbox/unread-replies", true),
  listCase("smartlead_list_inbox_sent", "/master-inbox/sent", false),
  listCase("smartlead_list_inbox_important", "/master-inbox/important", true),
  listCase("smartlead_list_inbox_snoozed", "/master-inbox/snoozed", true),
  listCase("smartlead_list_inbox_archived", "/master-inbox/archived", true),
  listCase("smartlead_list_inbox_scheduled", "/master-inbox/scheduled", true),
  listCase("smartlead_list_inbox_reminders", "/master-inbox/reminders", false),
  listCase("smartlead_list_inbox_assigned_to_me", "/master-inbox/assigned-me", true, true),
  {
    tool: "smartlead_list_inbox_view",
    args: { filters: { subSequenceId: 789, campaignId: 12345 } },
    expect: {
      host: SL,
      method: "POST",
      path: "/master-inbox/views",
      body: { offset: 0, limit: 20, filters: { subSequenceId: 789, campaignId: 12345 } },
    },
  },
  {
    tool: "smartlead_list_untracked_replies",
    args: { limit: 50, fetchBody: true, from_email: "john1@company.com", subject_line: "Your Product" },
    expect: {
      host: SL,
      method: "GET",
      path: "/master-inbox/untracked-replies",
      query: { offset: "0", limit: "50", fetchBody: "true", from_email: "john1@company.com", subject_line: "Your Product" },
    },
    check: (r) => {
      const data = r.structuredContent as { items: { body?: string }[]; total_count: number; next_offset: number | null };
      assert.equal(data.items.length, 2);
      assert.equal(data.items[0]!.body, "Can you send pricing?");
      assert.equal(data.total_count, 2);
      assert.equal(data.next_offset, null);
    },
  },
  {
    tool: "smartlead_get_inbox_thread",
    args: { id: 2433664091 },
    expect: { host: SL, method: "GET", path: "/master-inbox/2433664091" },
  },
  {
    tool: "smartlead_get_reply_status",
    args: { message_id: "<4d9ff292-b7a4-45a1-80aa-e1ac2c925404-133jc7w@dealversego.co>" },
    expect: {
      host: SL,
      method: "GET",
      path: "/master-inbox/reply-status",
      query: { message_id: "<4d9ff292-b7a4-45a1-80aa-e1ac2c925404-133jc7w@dealversego.co>" },
    },
  },
  {
    tool: "smartlead_reply_to_lead",
    args: REPLY_ARGS,
    expect: {
      host: SL,
      method: "POST",
      path: "/campaigns/12345/reply-email-thread",
      body: {
        email_stats_id: REPLY_ARGS.email_stats_id,
        email_body: REPLY_ARGS.email_body,
        reply_message_id: REPLY_ARGS.reply_message_id,
        reply_email_time: REPLY_ARGS.reply_email_time,
        cc: "jane@yourcompany.com,ops@yourcompany.com",
        bcc: "crm@yourcompany.com",
        add_signature: true,
      },
    },
  },
  {
    tool: "smartlead_forward_email",
    args: {
      campaign_id: 12345,
      message_id: "<abc@mail.yourcompany.com>",
      stats_id: "4d9ff292-b7a4-45a1-80aa-e1ac2c925404",
      to_emails: ["boss@yourcompany.com", "legal@yourcompany.com"],
      forward_email_subject: "FYI: pricing question",
    },
    expect: {
      host: SL,
      method: "POST",
      path: "/campaigns/12345/forward-email",
      body: {
        message_id: "<abc@mail.yourcompany.com>",
        stats_id: "4d9ff292-b7a4-45a1-80aa-e1ac2c925404",
        to_emails: "boss@yourcompany.com,legal@yourcompany.com",
        forward_email_subject: "FYI: pricing question",
      },
    },
  },
  {
    tool: "smartlead_inbox_push_to_subsequence",
    args: { email_lead_map_id: 2433664091, sub_sequence_id: 789, sub_sequence_delay_time: 3600, stop_lead_on_parent_campaign_reply: true },
    expect: {
      host: SL,
      method: "POST",
      path: "/master-inbox/push-to-subsequence",
      body: { email_lead_map_id: 2433664091, sub_sequence_id: 789, sub_sequence_delay_time: 3600, stop_lead_on_parent_campaign_reply: true },
    },
  },
  {
    tool: "smartlead_inbox_resume_lead",
    args: { campaign_id: 12345, email_lead_map_id: 2433664091, resume_delay_days: 7 },
    expect: {
      host: SL,
      method: "PATCH",
      path: "/master-inbox/resume-lead",
      body: { campaign_id: 12345, email_lead_map_id: 2433664091, resume_delay_days: 7 },
    },
  },
  {
    tool: "smartlead_inbox_update_lead_category",
    args: { email_lead_map_id: 2433664091, category_id: null },
    expect: { host: SL, method: "PATCH", path: "/master-inbox/update-category", body: { email_lead_map_id: 2433664091, category_id: null } },
  },
  {
    tool: "smartlead_inbox_update_lead_revenue",
    args: { email_lead_map_id: 2433664091, revenue: 50000 },
    expect: { host: SL, method: "PATCH", path: "/master-inbox/update-revenue", body: { email_lead_map_id: 2433664091, revenue: 50000 } },
  },
  {
    tool: "smartlead_inbox_assign_team_member",
    args: { email_lead_map_id: 2433664091, team_member_id: 456 },
    expect: { host: SL, method: "POST", path: "/master-inbox/update-team-member", body: { email_lead_map_id: 2433664091, team_member_id: 456 } },
  },
  {
    tool: "smartlead_inbox_set_read_status",
    args: { email_lead_map_id: 2433664091, read_status: false },
    expect: { host: SL, method: "PATCH", path: "/master-inbox/change-read-status", body: { email_lead_map_id: 2433664091, read_status: false } },
  },
  {
    tool: "smartlead_inbox_create_lead_note",
    args: { email_lead_map_id: 2433664091, note_message: "Called, wants a proposal by Friday." },
    expect: {
      host: SL,
      method: "POST",
      path: "/master-inbox/create-note",
      body: { email_lead_map_id: 2433664091, note_message: "Called, wants a proposal by Friday." },
    },
  },
  {
    tool: "smartlead_inbox_create_lead_task",
    args: { email_lead_map_id: 2433664091, name: "Schedule demo call", priority: "HIGH", due_date: "2025-01-25T14:00:00Z" },
    expect: {
      host: SL,
      method: "POST",
      path: "/master-inbox/create-task",
      body: { email_lead_map_id: 2433664091, name: "Schedule demo call", priority: "HIGH", due_date: "2025-01-25T14:00:00Z" },
    },
  },
  {
    tool: "smartlead_inbox_set_lead_reminder",
    args: { email_lead_map_id: 2433664091, email_stats_id: "4d9ff292", message: "Follow up on pricing question", reminder_time: "2025-01-27T14:00:00Z" },
    expect: {
      host: SL,
      method: "POST",
      path: "/master-inbox/set-reminder",
      body: { email_lead_map_id: 2433664091, email_stats_id: "4d9ff292", message: "Follow up on pricing question", reminder_time: "2025-01-27T14:00:00Z" },
    },
  },
  {
    tool: "smartlead_inbox_block_domains",
    args: { domains: ["spam.com", "Invalid.com"], source: "complaint" },
    expect: { host: SL, method: "POST", path: "/master-inbox/block-domains", body: { domains: ["spam.com", "invalid.com"], source: "complaint" } },
  },
];

let stack: InProcessStack;
let client: Client;
useSuite((s) => ({ stack, client } = s));

const requestCount = (fakes: Fakes) => Object.values(fakes).reduce((n, f) => n + f.requests.length, 0);
const writes = (fakes: Fakes): RecordedRequest[] =>
  Object.values(fakes).flatMap((f: FakeUpstream) => f.requests.filter((r: RecordedRequest) => r.method !== "GET"));

const expectInvalid = (tool: string, args: Record<string, unknown>, field: string) => invalid(client, stack.fakes, tool, args, field);

describe("every inbox tool", () => {
  for (const c of CASES) test(c.tool, () => runCase(client, stack.fakes, c).then(() => undefined));

  test("the table covers every tool of the file, all listed in smartlead_inbox", async () => {
    assert.equal(INBOX_TOOLS.length, 25);
    await assertCoveredAndListed(stack, "smartlead_inbox", INBOX_TOOLS, CASES);
  });
});

describe("list shaping", () => {
  test("a bare array (older API answer) becomes items with a next offset", async () => {
    resetFakes(stack.fakes);
    stack.fakes.smartlead.next({ body: Array.from({ length: 5 }, (_, i) => fakeThread(i + 1)) });
    const result = await call(client, "smartlead_list_inbox_replies", { offset: 10, limit: 5 });
    const data = result.structuredContent as Record<string, unknown>;
    assert.equal((data.items as unknown[]).length, 5);
    assert.equal(data.count, 5);
    assert.equal(data.total_count, null);
    assert.equal(data.offset, 10);
    assert.equal(data.limit, 5);
    assert.equal(data.next_offset, 15);
  });

  test("the last page has no next offset", async () => {
    resetFakes(stack.fakes);
    const result = await call(client, "smartlead_list_inbox_unread_replies", { offset: 2, limit: 2 });
    const data = result.structuredContent as Record<string, unknown>;
    assert.equal(data.count, 1);
    assert.equal(data.total_count, 3);
    assert.equal(data.next_offset, null);
    assert.deepEqual(stack.fakes.smartlead.requests[0]!.body, { offset: 2, limit: 2 });
  });

  test("an empty answer is an empty page", async () => {
    resetFakes(stack.fakes);
    stack.fakes.smartlead.next({ body: { messages: [], total_count: 0 } });
    const data = (await call(client, "smartlead_list_inbox_archived", {})).structuredContent as Record<string, unknown>;
    assert.deepEqual(data.items, []);
    assert.equal(data.next_offset, null);
  });
});

describe("validation", () => {
  test("limit 21 on an inbox list", () => expectInvalid("smartlead_list_inbox_replies", { limit: 21 }, "limit"));
  test("limit 0 on an inbox list", () => expectInvalid("smartlead_list_inbox_sent", { limit: 0 }, "limit"));
  test("limit 101 on untracked replies", () => expectInvalid("smartlead_list_untracked_replies", { limit: 101 }, "limit"));
  test("search longer than 30 characters", () => expectInvalid("smartlead_list_inbox_replies", { filters: { search: "x".repeat(31) } }, "filters.search"));
  test("six campaigns on a five-campaign endpoint", () =>
    expectInvalid("smartlead_list_inbox_unread_replies", { filters: { campaignId: [1, 2, 3, 4, 5, 6] } }, "filters.campaignId"));
  test("a list where the endpoint takes one id", () =>
    expectInvalid("smartlead_list_inbox_assigned_to_me", { filters: { campaignId: [1, 2] } }, "filters.campaignId"));
  test("unknown email status", () => expectInvalid("smartlead_list_inbox_important", { filters: { emailStatus: ["Read"] } }, "filters.emailStatus.0"));
  test("a single id where the endpoint takes lists", () =>
    expectInvalid("smartlead_list_inbox_sent", { filters: { campaignId: 12345 } }, "filters.campaignId"));
  test("unknown filter name", () => expectInvalid("smartlead_list_inbox_snoozed", { filters: { campaign_id: 1 } }, "filters"));
  test("sort order of another endpoint", () => expectInvalid("smartlead_list_inbox_replies", { sortBy: "SCHEDULED_TIME_ASC" }, "sortBy"));
  test("fetch_message_history where the endpoint has none", async () => {
    resetFakes(stack.fakes);
    const error = errorOf(await call(client, "smartlead_list_inbox_reminders", { fetch_message_history: true }));
    assert.equal(error.code, "invalid_input");
    assert.match(error.message, /fetch_message_history/);
    assert.equal(requestCount(stack.fakes), 0);
  });
  test("bad email in cc", () => expectInvalid("smartlead_reply_to_lead", { ...REPLY_ARGS, cc: ["jane@yourcompany.com", "not-an-email"] }, "cc.1"));
  test("empty reply body", () => expectInvalid("smartlead_reply_to_lead", { ...REPLY_ARGS, email_body: "   " }, "email_body"));
  test("reply body over 20,000 characters", () => expectInvalid("smartlead_reply_to_lead", { ...REPLY_ARGS, email_body: "a".repeat(20_001) }, "email_body"));
  test("reply time that is not ISO 8601", () => expectInvalid("smartlead_reply_to_lead", { ...REPLY_ARGS, reply_email_time: "yesterday" }, "reply_email_time"));
  test("forward to a bad address", () =>
    expectInvalid("smartlead_forward_email", { campaign_id: 1, message_id: "<a@b>", stats_id: "s", to_emails: ["bad"] }, "to_emails.0"));
  test("negative revenue", () => expectInvalid("smartlead_inbox_update_lead_revenue", { email_lead_map_id: 1, revenue: -1 }, "revenue"));
  test("unknown task priority", () => expectInvalid("smartlead_inbox_create_lead_task", { email_lead_map_id: 1, name: "x", priority: "URGENT" }, "priority"));
  test("domain with a scheme", () => expectInvalid("smartlead_inbox_block_domains", { domains: ["https://spam.com"] }, "domains.0"));
});

describe("reply confirmation", () => {
  test("preview sends nothing, the token executes, a token for another body is refused", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_reply_to_lead", REPLY_ARGS);
    assert.ok(!preview.isError);
    const data = preview.structuredContent as Record<string, unknown>;
    assert.equal(data.confirmation_required, true);
    assert.match(String(data.action), /campaign 12345/);
    assert.match(String(data.action), /cannot be recalled/);
    assert.deepEqual(writes(stack.fakes), [], "no POST during the preview");
    const token = data.confirmation_token as string;

    resetFakes(stack.fakes);
    const other = await call(client, "smartlead_reply_to_lead", { ...REPLY_ARGS, email_body: "<p>Something else entirely</p>", confirmation_token: token });
    assert.equal(errorOf(other).code, "confirmation_invalid");
    assert.equal(requestCount(stack.fakes), 0, "nothing sent with a mismatched token");

    resetFakes(stack.fakes);
    const done = await call(client, "smartlead_reply_to_lead", { ...REPLY_ARGS, confirmation_token: token });
    assert.ok(!done.isError, JSON.stringify(done.content));
    assert.deepEqual(
      stack.fakes.smartlead.requests.map((r) => `${r.method} ${r.path}`),
      ["POST /campaigns/12345/reply-email-thread"],
    );
    assert.equal((done.structuredContent as { ok: boolean }).ok, true);
  });

  test("every sending tool asks first", async () => {
    for (const [tool, args] of [
      ["smartlead_forward_email", { campaign_id: 1, message_id: "<a@b>", stats_id: "s", to_emails: ["x@example.com"] }],
      ["smartlead_inbox_push_to_subsequence", { email_lead_map_id: 1, sub_sequence_id: 2 }],
      ["smartlead_inbox_resume_lead", { campaign_id: 1, email_lead_map_id: 1 }],
    ] as const) {
      resetFakes(stack.fakes);
      const preview = await call(client, tool, args);
      assert.equal((preview.structuredContent as Record<string, unknown>).confirmation_required, true, tool);
      assert.deepEqual(writes(stack.fakes), [], tool);
    }
  });
});
