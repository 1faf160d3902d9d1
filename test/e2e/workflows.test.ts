/**
 * The workflows through the Worker in workerd, judged by what the recording
 * fakes received: the verified import's preview spends nothing; its run
 * validates each unique email once and imports only accepted leads, in chunks;
 * a job stopped after its first chunk resumes without importing any lead twice;
 * a big job runs in the background (a Durable Object driven by alarms) after
 * its call has answered; the launch preflight blocks a campaign with no
 * mailbox; the playbooks are served as prompts on both transports.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { addLeads } from "../../dev/fakes/smartlead/leads";
import { call, connect, errorOf, TRANSPORTS } from "../helpers/mcp";
import { resetFakes, type Stack, startStack } from "../helpers/stack";

let stack: Stack;
let client: Client;
before(async () => {
  stack = await startStack({ MCP_TOOLSETS: "default" });
  // The job tools left the default selection (gtm_call_tool reaches them there): this client lists them.
  client = await connect(stack.url, "mcp", { query: "toolsets=default,gtm_workflows" });
});
after(async () => {
  await client?.close();
  await stack?.stop();
});

const data = (r: CallToolResult) => r.structuredContent as Record<string, unknown>;
const leads = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com`, first_name: `P${i}` }));
/** The leads SmartLead accepted (2xx), in the order it received them. */
function imported(): string[] {
  return stack.fakes.smartlead.requests
    .filter((r) => r.method === "POST" && r.path.endsWith("/leads"))
    .filter((_, i) => !failed.has(i))
    .flatMap((r) => (r.body as { lead_list: { email: string }[] }).lead_list.map((l) => l.email));
}
/** Positions (among the import POSTs) the fake answered with an error. */
const failed = new Set<number>();

/** Answers the n-th import POST (1-based) with `reply`, every other one as SmartLead does. */
function failImport(n: number, reply: { status: number; body: unknown }): void {
  failed.clear();
  let seen = 0;
  stack.fakes.smartlead.override("POST", "/campaigns/{campaign_id}/leads", (req) => {
    seen++;
    if (seen === n) {
      failed.add(seen - 1);
      return reply;
    }
    return addLeads(req);
  });
}

async function previewThenRun(args: Record<string, unknown>): Promise<{ preview: CallToolResult; result: CallToolResult }> {
  const preview = await call(client, "gtm_import_verified_leads", args);
  assert.ok(!preview.isError, JSON.stringify(preview));
  const token = data(preview).confirmation_token as string;
  return { preview, result: await call(client, "gtm_import_verified_leads", { ...args, confirmation_token: token }) };
}

async function untilStopped(jobId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const r = data(await call(client, "gtm_get_job", { job_id: jobId, limit: 500 }));
    if (r.status !== "running") return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} is still running`);
}

describe("gtm_import_verified_leads", () => {
  test("the preview makes no paid request and no write; the run validates each unique email once and imports only the accepted, in chunks", async () => {
    resetFakes(stack.fakes);
    failed.clear();
    const args = {
      campaign_id: 101,
      chunk_size: 2,
      leads: [
        ...leads("ok", 3),
        { email: "OK0@example.com" },
        { email: "invalid0@example.com" },
        { email: "catchall0@example.com" },
        { email: "john@example.com" },
        { email: "sam@competitor.com" },
      ],
    };
    const preview = await call(client, "gtm_import_verified_leads", args);
    const plan = data(preview).plan as Record<string, Record<string, unknown>>;
    assert.equal(stack.fakes.leadmagic.requests.length, 0, "the preview spends nothing");
    assert.deepEqual(
      stack.fakes.smartlead.requests.filter((r) => r.method !== "GET"),
      [],
    );
    assert.deepEqual(
      { duplicate: plan.excluded!.duplicate, block_list: plan.excluded!.block_list, already: plan.excluded!.already_in_campaign },
      { duplicate: 1, block_list: 1, already: 1 },
    );
    assert.deepEqual(plan.validation!.paid, 5);
    assert.deepEqual(plan.credits, { unit: "LeadMagic credits", expected: 1.25, maximum: 1.25 });

    resetFakes(stack.fakes);
    // With a progress token the answer comes as a stream that carries progress notifications.
    const progress: { progress: number; total?: number }[] = [];
    const result = (await client.callTool(
      { name: "gtm_import_verified_leads", arguments: { ...args, confirmation_token: data(preview).confirmation_token } },
      undefined,
      { onprogress: (p) => progress.push(p) },
    )) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result));
    assert.ok(progress.length >= 1, "progress was reported");
    assert.deepEqual({ ...progress.at(-1), message: undefined }, { progress: 5, total: 5, message: undefined });
    assert.equal(data(result).status, "done");
    const validated = stack.fakes.leadmagic.requests.map((r) => (r.body as { email: string }).email).sort();
    assert.deepEqual(validated, ["catchall0@example.com", "invalid0@example.com", "ok0@example.com", "ok1@example.com", "ok2@example.com"]);
    const posts = stack.fakes.smartlead.requests.filter((r) => r.method === "POST");
    assert.deepEqual(
      posts.map((r) => (r.body as { lead_list: { email: string }[] }).lead_list.map((l) => l.email)),
      [["ok0@example.com", "ok1@example.com"], ["ok2@example.com"]],
      "only valid leads, two per chunk",
    );
    assert.deepEqual(data(result).counts, { imported: 3, skipped: 2, rejected: 2, blocked: 1 });
    assert.equal(data(result).credits_spent, 1);
  });

  test("a job stopped after its first chunk (the key was rejected) resumes and imports every remaining lead exactly once", async () => {
    resetFakes(stack.fakes);
    const all = leads("resume", 6);
    failImport(2, { status: 401, body: { error: "Invalid API key" } });
    const { result } = await previewThenRun({ campaign_id: 101, chunk_size: 2, leads: all });
    assert.equal(data(result).status, "failed");
    assert.equal((data(result).error as { code: string }).code, "upstream_auth");
    assert.deepEqual(imported(), ["resume0@example.com", "resume1@example.com"]);
    const resumed = await call(client, "gtm_resume_job", { job_id: data(result).job_id });
    assert.ok(!resumed.isError, JSON.stringify(resumed));
    const done = await untilStopped(data(result).job_id as string);
    assert.equal(done.status, "done");
    assert.deepEqual(imported().sort(), all.map((l) => l.email).sort(), "every lead once");
    assert.equal(stack.fakes.leadmagic.requests.length, 6, "no lead validated twice");
  });

  test("a chunk whose outcome is unknown (HTTP 503) is retried only when asked", async () => {
    resetFakes(stack.fakes);
    const all = leads("unsure", 4);
    failImport(1, { status: 503, body: { error: "Service Unavailable" } });
    const { result } = await previewThenRun({ campaign_id: 101, chunk_size: 2, leads: all });
    assert.equal(data(result).status, "failed");
    assert.equal((data(result).counts as Record<string, number>).unknown, 2);
    await call(client, "gtm_resume_job", { job_id: data(result).job_id });
    let done = await untilStopped(data(result).job_id as string);
    assert.deepEqual((done.counts as Record<string, number>).unknown, 2, "left alone without retry_unknown");
    await call(client, "gtm_resume_job", { job_id: data(result).job_id, retry_unknown: true });
    done = await untilStopped(data(result).job_id as string);
    assert.deepEqual(done.counts, { imported: 4 });
    assert.deepEqual(imported().sort(), all.map((l) => l.email).sort());
  });

  test("a big job answers with its id at once and finishes in the background; another user cannot see it", async () => {
    resetFakes(stack.fakes);
    failed.clear();
    const all = leads("big", 60);
    const { result } = await previewThenRun({ campaign_id: 101, chunk_size: 25, leads: all });
    assert.equal(data(result).status, "running");
    const done = await untilStopped(data(result).job_id as string);
    assert.equal(done.status, "done");
    assert.deepEqual(done.counts, { imported: 60 });
    assert.equal(imported().length, 60);
    assert.equal(errorOf(await call(client, "gtm_get_job", { job_id: "0".repeat(32) })).code, "not_found");
  });

  test("a token is bound to the plan: a lead blocked after the preview makes the confirmation fail", async () => {
    resetFakes(stack.fakes);
    const args = { campaign_id: 101, leads: leads("bound", 2) };
    const preview = await call(client, "gtm_import_verified_leads", args);
    const listed = await connect(stack.url, "mcp", { query: "toolsets=gtm_policy" });
    try {
      await call(listed, "gtm_add_do_not_contact", { entries: ["bound1@example.com"] });
    } finally {
      await listed.close();
    }
    const refused = await call(client, "gtm_import_verified_leads", { ...args, confirmation_token: data(preview).confirmation_token });
    assert.equal(errorOf(refused).code, "confirmation_invalid");
    assert.match(errorOf(refused).message, /current plan/);
    assert.equal(stack.fakes.leadmagic.requests.length, 0);
  });
});

describe("launch preflight", () => {
  test("blocks a campaign with no email account and passes a complete one", async () => {
    const all = await connect(stack.url, "mcp", { query: "toolsets=smartlead_campaigns" });
    try {
      const blocked = data(await call(all, "smartlead_launch_preflight", { campaign_id: 102 }));
      assert.equal(blocked.result, "block");
      const passed = data(await call(all, "smartlead_launch_preflight", { campaign_id: 103 }));
      assert.equal(passed.result, "pass");
    } finally {
      await all.close();
    }
  });
});

describe("playbooks", () => {
  for (const kind of TRANSPORTS) {
    test(`prompts/list and prompts/get over ${kind}, and the same text from gtm_get_playbook`, async () => {
      const c = await connect(stack.url, kind, { query: "toolsets=gtm_workflows" });
      try {
        const { prompts } = await c.listPrompts();
        assert.deepEqual(
          prompts.map((p) => p.name),
          ["campaign_launch_checklist", "reply_triage", "deliverability_report"],
        );
        const got = await c.getPrompt({ name: "campaign_launch_checklist", arguments: { campaign_id: "101" } });
        const text = (got.messages[0]!.content as { text: string }).text;
        assert.match(text, /smartlead_launch_preflight with campaign_id 101/);
        const tool = data(await call(c, "gtm_get_playbook", { name: "campaign_launch_checklist", arguments: { campaign_id: "101" } }));
        assert.equal(tool.text, text);
        await assert.rejects(c.getPrompt({ name: "campaign_launch_checklist", arguments: {} }), /needs campaign_id/);
      } finally {
        await c.close();
      }
    });
  }
});
