/**
 * The MCP Apps views through the real Worker: resources/list and
 * resources/read on both transports, the tools that declare each view, and
 * every view drawn in headless Chromium inside a minimal host (the Apps SDK's
 * AppBridge over postMessage, test/helpers/view-host.ts) from the results the
 * tools return against the fakes. The confirmation card's Approve goes through
 * the host's tools/call to the Worker, which the fake records exactly once;
 * Cancel records nothing. Screenshots go to test/artifacts/views/ (and, with
 * VIEW_SCREENSHOTS_TO_DOCS=1, to docs/views/ for the README).
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { call, connect, TRANSPORTS } from "../helpers/mcp";
import { PROJECT_ROOT, resetFakes, type Stack, startStack } from "../helpers/stack";
import { type HostedView, hostView } from "../helpers/view-host";

const ARTIFACTS = join(PROJECT_ROOT, "test/artifacts/views");
const DOCS = join(PROJECT_ROOT, "docs/views");
const URI = (id: string) => `ui://gtm-edge-mcp/${id}.html`;

let stack: Stack;
let browser: Browser;
let client: Client;
let tools: Map<string, Tool>;
const html = new Map<string, string>();

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  client = await connect(stack.url, "mcp", { query: "toolsets=all" });
  tools = new Map((await client.listTools()).tools.map((t) => [t.name, t]));
});
after(async () => {
  await client?.close();
  await browser?.close();
  await stack?.stop();
});

/** The view's HTML as the Worker serves it (resources/read), once per view. */
async function viewHtml(id: string): Promise<string> {
  if (!html.has(id)) {
    const read = await client.readResource({ uri: URI(id) });
    html.set(id, (read.contents[0] as { text: string }).text);
  }
  return html.get(id)!;
}

/** Calls `name` through the Worker, then draws the result in the view its listing declares. */
async function render(name: string, args: Record<string, unknown>): Promise<HostedView & { result: CallToolResult }> {
  const tool = tools.get(name)!;
  const uri = (tool._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri;
  assert.ok(uri, `${name} declares a view`);
  const result = await call(client, name, args);
  assert.ok(!result.isError, JSON.stringify(result).slice(0, 400));
  const hosted = await hostView(browser, client, await viewHtml(uri.replace(/^ui:\/\/gtm-edge-mcp\/|\.html$/g, "")), tool, args, result);
  return { ...hosted, result };
}

/** The screenshots the README shows (docs/views/): one or two per view. */
const README_SHOTS = new Set([
  "campaign-over-time",
  "campaign-funnel",
  "deliverability-providers",
  "deliverability-mailboxes",
  "confirmation",
  "import-summary",
]);

async function screenshot(hosted: HostedView, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // The view reports its size after each render (autoResize): wait until the host has applied the last report.
  const frame = hosted.page.locator("iframe");
  let height = "";
  for (let i = 0; i < 20; i++) {
    await hosted.page.waitForTimeout(100);
    const now = await frame.evaluate((f) => (f as unknown as { style: { height: string } }).style.height);
    if (now === height) break;
    height = now;
  }
  await frame.screenshot({ path });
  if (process.env.VIEW_SCREENSHOTS_TO_DOCS === "1" && README_SHOTS.has(name)) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, join(DOCS, `${name}.png`));
  }
}

/** Waits (up to 5 s) for something the page sends the test process on its own time. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

const writes = () => stack.fakes.smartlead.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

describe("the views as resources", () => {
  for (const kind of TRANSPORTS) {
    test(`resources/list and resources/read on /${kind}; the declaring tools carry _meta.ui.resourceUri`, async () => {
      const c = await connect(stack.url, kind, { query: "toolsets=all" });
      try {
        const { resources } = await c.listResources();
        assert.deepEqual(
          resources.map((r) => [r.uri, r.mimeType]),
          ["campaign_performance", "deliverability", "confirmation", "import_summary"].map((id) => [URI(id), "text/html;profile=mcp-app"]),
        );
        const read = await c.readResource({ uri: URI("deliverability") });
        const text = (read.contents[0] as { text: string }).text;
        assert.match(text, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
        assert.match(text, /<body data-view="deliverability">/);
        const listed = new Map((await c.listTools()).tools.map((t) => [t.name, t._meta]));
        assert.deepEqual(listed.get("smartlead_get_campaign_sequence_analytics"), {
          ui: { resourceUri: URI("campaign_performance") },
          "ui/resourceUri": URI("campaign_performance"),
        });
        assert.equal((listed.get("smartlead_delete_campaign")?.ui as { resourceUri?: string } | undefined)?.resourceUri, URI("confirmation"));
        assert.equal(listed.get("smartlead_list_campaigns"), undefined);
        await assert.rejects(c.readResource({ uri: "ui://gtm-edge-mcp/nope.html" }), (err: { code?: number }) => err.code === -32602);
      } finally {
        await c.close();
      }
    });
  }
});

describe("the views in a real browser (Chromium, through the Apps SDK's AppBridge)", () => {
  test("campaign performance: totals as tiles", async () => {
    const v = await render("smartlead_get_campaign_analytics", { campaign_id: 101 });
    try {
      await v.view.locator("h1").waitFor();
      assert.equal(await v.view.locator("h1").innerText(), "Campaign performance");
      assert.match(await v.view.locator("header p").innerText(), /Q1 Cold Outreach · ACTIVE/);
      assert.equal(await v.view.locator('[data-metric="sent"] .tile-value').innerText(), "420");
      assert.equal(await v.view.locator('[data-metric="replied"] .tile-value').innerText(), "31");
      assert.equal(await v.view.locator('[data-metric="replied"] .tile-note').innerText(), "7.4%");
      assert.equal(await v.view.locator('[data-metric="unsubscribed"] .tile-value').innerText(), "2");
      await screenshot(v, "campaign-totals");
      assert.deepEqual(v.problems, []);
    } finally {
      await v.page.close();
    }
  });

  test("campaign performance over time: a line per metric, one point per day", async () => {
    const v = await render("smartlead_get_daily_analytics", { start_date: "2026-01-01", end_date: "2026-01-14", campaign_ids: [101] });
    try {
      const chart = v.view.locator("svg.line-chart");
      await chart.waitFor();
      assert.equal(await chart.getAttribute("aria-label"), "Per day, 2026-01-01 to 2026-01-14");
      assert.deepEqual(await v.view.locator("polyline").evaluateAll((ls) => ls.map((l) => l.getAttribute("data-series"))), [
        "Sent",
        "Opened",
        "Replied",
        "Bounced",
      ]);
      const points = await v.view.locator('polyline[data-series="Sent"]').getAttribute("points");
      assert.equal(points?.split(" ").length, 14);
      assert.match(await v.view.locator(".legend").first().innerText(), /Sent\s+Opened\s+Replied\s+Bounced/);
      await screenshot(v, "campaign-over-time");
      assert.deepEqual(v.problems, []);
    } finally {
      await v.page.close();
    }
  });

  test("campaign performance: the sequence funnel and the top mailboxes", async () => {
    const steps = await render("smartlead_get_campaign_sequence_analytics", { campaign_id: 101, start_date: "2026-01-01", end_date: "2026-01-31" });
    try {
      await steps.view.locator("svg.funnel-chart").waitFor();
      assert.equal(await steps.view.locator("h2").innerText(), "SEQUENCE FUNNEL");
      assert.equal(await steps.view.locator("svg.funnel-chart rect").count(), 12, "3 steps × sent, opened, clicked, replied");
      assert.match(await steps.view.locator("svg.funnel-chart").innerHTML(), /Step 3/);
      await screenshot(steps, "campaign-funnel");
      assert.deepEqual(steps.problems, []);
    } finally {
      await steps.page.close();
    }
    const boxes = await render("smartlead_get_campaign_mailbox_statistics", { campaign_id: 101 });
    try {
      await boxes.view.locator("table").waitFor();
      const rows = await boxes.view.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
      assert.deepEqual(
        rows.map((r) => [r[0], r[3], r[4]]),
        [
          ["lee@acme-mail.com", "12", "10.9%"],
          ["sam@acme-mail.com", "9", "7.5%"],
          ["ana@acme-outreach.com", "4", "4.2%"],
        ],
        "ranked by replies",
      );
      assert.deepEqual(boxes.problems, []);
    } finally {
      await boxes.page.close();
    }
  });

  test("deliverability: inbox, spam and missing by provider, and by mailbox", async () => {
    const providers = await render("smartlead_get_placement_provider_report", { spamTestId: 91001 });
    try {
      await providers.view.locator("svg.bar-chart").waitFor();
      assert.equal(await providers.view.locator("h1").innerText(), "Deliverability");
      const text = await providers.view.locator("svg.bar-chart").textContent();
      for (const s of ["Gmail", "Outlook", "Yahoo", "94.2% inbox", "71% inbox"]) assert.ok(text?.includes(s), `${s} is shown`);
      assert.equal(await providers.view.locator('rect[data-series="Spam"]').count(), 3);
      await screenshot(providers, "deliverability-providers");
      assert.deepEqual(providers.problems, []);
    } finally {
      await providers.page.close();
    }
    const senders = await render("smartlead_get_placement_sender_report", { spamTestId: 91001 });
    try {
      await senders.view.locator("svg.bar-chart").first().waitFor();
      assert.deepEqual(await senders.view.locator("h2").allInnerTexts(), ["BY PROVIDER", "BY MAILBOX"]);
      const byMailbox = await senders.view.locator("svg.bar-chart").nth(1).textContent();
      assert.ok(byMailbox?.includes("sam@acme-mail.com") && byMailbox.includes("lee@acme-mail.com"));
      assert.equal(await senders.view.locator('svg.bar-chart >> nth=1 >> rect[data-series="Missing"]').count(), 1, "lee's Yahoo seed never arrived");
      await screenshot(senders, "deliverability-mailboxes");
      assert.deepEqual(senders.problems, []);
    } finally {
      await senders.page.close();
    }
  });

  test("confirmation card: what, to what, Approve and Cancel; Cancel writes nothing", async () => {
    resetFakes(stack.fakes);
    const v = await render("smartlead_delete_campaign", { campaign_id: 102 });
    try {
      await v.view.locator("h1").waitFor();
      assert.equal(await v.view.locator("h1").innerText(), "Confirm: SmartLead: delete a campaign");
      assert.match(await v.view.locator(".action").innerText(), /Campaign 102 will be deleted permanently/);
      assert.match(await v.view.locator(".target").innerText(), /Webinar follow-up\s*DRAFTED/);
      const approve = v.view.getByRole("button", { name: "Approve" });
      const cancel = v.view.getByRole("button", { name: "Cancel" });
      assert.ok((await approve.isEnabled()) && (await cancel.isEnabled()));
      await screenshot(v, "confirmation");
      await cancel.click();
      await v.view.getByText("Cancelled. Nothing was done.").waitFor();
      assert.ok(await approve.isDisabled(), "a cancelled card cannot be approved");
      assert.deepEqual(v.calls, []);
      assert.deepEqual(writes(), []);
      await until(() => v.modelContext.length > 0);
      assert.deepEqual(v.modelContext, ["The person pressed Cancel on the confirmation card of smartlead_delete_campaign: do not carry it out."]);
      assert.deepEqual(v.problems, []);
    } finally {
      await v.page.close();
    }
  });

  test("confirmation card of a paid tool: its cost, and no cost line for a free one", async () => {
    const v = await render("smartlead_prospect_fetch_contacts", { filter_id: 77, limit: 25 });
    try {
      await v.view.locator("h1").waitFor();
      assert.match(await v.view.locator(".action").innerText(), /Unlocks up to 25 contact\(s\) of SmartProspect filter 77/);
      assert.equal(await v.view.locator(".cost").innerText(), "Cost: Spends SmartProspect credits per contact; asks for confirmation first.");
      assert.ok(await v.view.getByRole("button", { name: "Approve" }).isEnabled());
      assert.deepEqual(v.problems, []);
    } finally {
      await v.page.close();
    }
    const free = await render("smartlead_delete_campaign", { campaign_id: 103 });
    try {
      await free.view.locator("h1").waitFor();
      assert.equal(await free.view.locator(".cost").count(), 0);
    } finally {
      await free.page.close();
    }
  });

  test("confirmation card of a blocked call (a launch preflight that blocks): the reason, and no Approve to press", async () => {
    resetFakes(stack.fakes);
    const v = await render("smartlead_update_campaign_status", { campaign_id: 102, status: "START" });
    try {
      await v.view.locator("h1").waitFor();
      assert.match(await v.view.locator(".notice.warning").innerText(), /^Blocked: /);
      assert.ok(await v.view.getByRole("button", { name: "Approve" }).isDisabled());
      const plan = await v.view.locator("section", { hasText: "Plan" }).innerText();
      assert.match(plan, /Result\s+block/);
      assert.match(plan, /email_accounts\s+block\s+No email account is attached/, "the blocking check, with why");
      await screenshot(v, "confirmation-blocked");
      assert.deepEqual(writes(), []);
      assert.deepEqual(v.problems, []);
    } finally {
      await v.page.close();
    }
  });

  test("confirmation card: Approve calls the tool again through the host with the token; the fake records the write once", async () => {
    resetFakes(stack.fakes);
    const v = await render("smartlead_delete_campaign", { campaign_id: 102 });
    try {
      const approve = v.view.getByRole("button", { name: "Approve" });
      await approve.click();
      await v.view.locator("h1", { hasText: "Done" }).waitFor();
      const token = (v.result.structuredContent as { confirmation_token: string }).confirmation_token;
      assert.deepEqual(
        v.calls.map(({ name, arguments: a }) => ({ name, arguments: a })),
        [{ name: "smartlead_delete_campaign", arguments: { campaign_id: 102, confirmation_token: token } }],
      );
      assert.deepEqual(writes(), ["DELETE /campaigns/102"]);
      await until(() => v.modelContext.length > 0);
      assert.equal(v.modelContext.length, 1);
      assert.match(
        v.modelContext[0]!,
        /^The person pressed Approve on the confirmation card of smartlead_delete_campaign, which was then called with the preview's token: /,
      );
      assert.equal(await v.view.getByRole("button").count(), 0, "the card is gone: nothing left to press twice");
      await screenshot(v, "confirmation-done");
      assert.deepEqual(v.problems, []);
    } finally {
      await v.page.close();
    }
  });

  test("verified import: the preview's plan, Approve, then accepted / rejected / blocked per lead and credits spent", async () => {
    resetFakes(stack.fakes);
    const args = {
      campaign_id: 101,
      leads: [
        { email: "ok0@example.com" },
        { email: "ok1@example.com" },
        { email: "invalid0@example.com" },
        { email: "catchall0@example.com" },
        { email: "sam@competitor.com" },
        { email: "ok0@example.com" },
      ],
    };
    const v = await render("gtm_import_verified_leads", args);
    try {
      await v.view.locator("h1").waitFor();
      assert.equal(await v.view.locator("h1").innerText(), "Verified import: Import leads into a campaign, verified first");
      const plan = await v.view.locator("section", { hasText: "Plan" }).innerText();
      assert.match(plan, /Leads received\s+6/);
      assert.match(plan, /To validate and import\s+4/);
      assert.match(plan, /Duplicate\s+1\n/);
      assert.match(plan, /Block list\s+1\n/);
      assert.match(plan, /maximum: 1/);
      assert.match(
        plan,
        /Leads\s+Position\s+Email\s+Reason\s+leads\[4\]\s+sam@competitor.com\s+block_list\s+leads\[5\]\s+ok0@example.com\s+duplicate/,
        "the leads left out, by position",
      );
      assert.match(await v.view.locator(".target").innerText(), /Q3 SaaS founders\s*ACTIVE/);
      assert.equal(await v.view.locator(".cost").innerText(), "Cost: Up to 1 LeadMagic credits (expected 1).");
      await screenshot(v, "import-preview");
      assert.equal(stack.fakes.leadmagic.requests.length, 0, "the preview spends nothing");

      await v.view.getByRole("button", { name: "Approve" }).click();
      await v.view.locator(".progress").waitFor();
      assert.match(await v.view.locator("h1").innerText(), /Verified import/);
      assert.match(await v.view.locator("header p").innerText(), /done · campaign 101/);
      const tileOf = async (label: string) => v.view.locator(`[data-metric="${label}"] .tile-value`).innerText();
      assert.deepEqual(
        [await tileOf("accepted"), await tileOf("rejected"), await tileOf("blocked"), await tileOf("credits spent")],
        ["2", "2", "1", "0.75"],
        "3 paid validations at 0.25 (catch-all ones are free)",
      );
      assert.match(await v.view.locator(".progress").innerText(), /Leads done: 6 of 6/);
      const outcomes = await v.view.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[2]?.textContent));
      assert.deepEqual(outcomes, ["Accepted", "Accepted", "Rejected", "Rejected", "Blocked", "Skipped"]);
      const imports = stack.fakes.smartlead.requests.filter((r) => r.method === "POST" && r.path === "/campaigns/101/leads");
      assert.equal(imports.length, 1, "one import request");
      assert.deepEqual(
        (imports[0]!.body as { lead_list: { email: string }[] }).lead_list.map((l) => l.email),
        ["ok0@example.com", "ok1@example.com"],
      );
      await screenshot(v, "import-summary");
      assert.deepEqual(v.problems, []);
    } finally {
      await v.page.close();
    }
  });

  test("verified import in the background: the view follows the job with gtm_get_job until it is done", async () => {
    resetFakes(stack.fakes);
    const args = { campaign_id: 101, leads: Array.from({ length: 30 }, (_, i) => ({ email: `bg${i}@example.com` })) };
    const v = await render("gtm_import_verified_leads", args);
    try {
      await v.view.getByRole("button", { name: "Approve" }).click();
      await v.view.locator("header p", { hasText: /· done ·/ }).waitFor({ timeout: 60_000 });
      assert.match(await v.view.locator(".progress").innerText(), /Leads done: 30 of 30/);
      assert.equal(await v.view.locator('[data-metric="accepted"] .tile-value').innerText(), "30");
      const names = v.calls.map((c) => c.name);
      assert.equal(names[0], "gtm_import_verified_leads");
      assert.ok(names.length >= 2 && names.slice(1).every((n) => n === "gtm_get_job"), `then only gtm_get_job: ${names.join(", ")}`);
      const jobId = v.calls[1]!.arguments?.job_id;
      assert.match(String(jobId), /^[0-9a-f]{32}$/);
      const imported = stack.fakes.smartlead.requests
        .filter((r) => r.method === "POST" && r.path === "/campaigns/101/leads")
        .flatMap((r) => (r.body as { lead_list: { email: string }[] }).lead_list.map((l) => l.email));
      assert.equal(imported.length, 30, "every lead imported once");
      assert.equal(new Set(imported).size, 30);
      assert.deepEqual(v.problems, []);
    } finally {
      await v.page.close();
    }
  });
});
