/**
 * The policy rules on their own: the settings' grammar and its errors, the
 * budget arithmetic (exact fractions, expiry, the UTC day), the scope rules
 * and the do-not-contact matching.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DailyLedger, maxCost, resetsAt } from "../../src/policy/budgets";
import { applyDoNotContact, candidatesOf, memoryContactList } from "../../src/policy/do-not-contact";
import { cacheKey } from "../../src/policy/enrichment-cache";
import { factsOf } from "../../src/policy/gate";
import { checkScope, toolRefusal } from "../../src/policy/scopes";
import { contactEntry, limitOf, parseBudgets, parseCacheDays, parseContactList, parseTokenScopes } from "../../src/policy/settings";
import { ConfigError } from "../../src/settings";
import { ALL_TOOLS } from "../../src/tools/all";

const tool = (name: string) => ALL_TOOLS.find((t) => t.name === name)!;
const USERS = ["alice", "ci-bot", "acme"];

describe("budget settings", () => {
  test("name:amount pairs with * for everyone else; unset is unlimited", () => {
    const limits = parseBudgets("CREDIT_BUDGETS", "alice:500, ci-bot:0,*:200.5", USERS);
    assert.equal(limitOf(limits, "alice"), 500);
    assert.equal(limitOf(limits, "ci-bot"), 0);
    assert.equal(limitOf(limits, "acme"), 200.5);
    assert.equal(limitOf(parseBudgets("CREDIT_BUDGETS", "alice:5", USERS), "acme"), undefined);
    assert.equal(parseBudgets("CREDIT_BUDGETS", " ", USERS), undefined);
  });

  test("bad entries are refused, naming the setting and the entry", () => {
    for (const [raw, why] of [
      ["alice", /entry 1 must be name:amount/],
      ["alice:-1", /non-negative amount/],
      ["alice:1e3", /non-negative amount/],
      ["bob:5", /bob is not a name in MCP_ACCESS_TOKENS/],
      ["alice:1,alice:2", /alice is given twice/],
      ["*:1,*:2", /\* is given twice/],
    ] as const) {
      assert.throws(
        () => parseBudgets("PURCHASE_BUDGETS", raw, USERS),
        (e: Error) => e instanceof ConfigError && /PURCHASE_BUDGETS/.test(e.message) && why.test(e.message),
        raw,
      );
    }
  });
});

describe("the daily ledger", () => {
  const DAY = Date.UTC(2026, 11, 1, 12);
  const M = 1_000_000;

  test("reserves up to the limit exactly, in millionths (20 × 0.05 = 1)", () => {
    const ledger = new DailyLedger();
    for (let i = 0; i < 20; i++) assert.equal(ledger.reserve("leadmagic_credits", 0.05 * M, 1 * M, 60_000, DAY, `r${i}`).ok, true, `reservation ${i}`);
    assert.equal(ledger.reserve("leadmagic_credits", 1, 1 * M, 60_000, DAY, "over").ok, false);
    assert.deepEqual(ledger.status(DAY).leadmagic_credits, { used: 0, reserved: 1 });
  });

  test("settling charges the actual amount and releases the rest; other meters are apart", () => {
    const ledger = new DailyLedger();
    assert.ok(ledger.reserve("leadmagic_credits", 5 * M, 5 * M, 60_000, DAY, "a").ok);
    assert.equal(ledger.reserve("leadmagic_credits", 1 * M, 5 * M, 60_000, DAY, "b").ok, false, "the hold counts before it is settled");
    assert.ok(ledger.reserve("purchases", 1 * M, 1 * M, 60_000, DAY, "p").ok);
    ledger.settle("a", 2 * M, DAY);
    assert.deepEqual(ledger.status(DAY).leadmagic_credits, { used: 2, reserved: 0 });
    assert.ok(ledger.reserve("leadmagic_credits", 3 * M, 5 * M, 60_000, DAY, "c").ok);
    ledger.settle("unknown", 9 * M, DAY);
    assert.deepEqual(ledger.status(DAY).leadmagic_credits, { used: 2, reserved: 3 });
  });

  test("a hold never settled counts as spent in full once its call's deadline has passed", () => {
    const ledger = new DailyLedger();
    ledger.reserve("leadmagic_credits", 4 * M, 10 * M, 1000, DAY, "lost");
    assert.deepEqual(ledger.status(DAY + 1001).leadmagic_credits, { used: 4, reserved: 0 });
    ledger.settle("lost", 0, DAY + 2000);
    assert.deepEqual(ledger.status(DAY + 2000).leadmagic_credits, { used: 4, reserved: 0 }, "a late settlement cannot undo it");
  });

  test("a new UTC day starts from zero", () => {
    const ledger = new DailyLedger();
    ledger.reserve("leadmagic_credits", 5 * M, 5 * M, 60_000, DAY, "a");
    ledger.settle("a", 5 * M, DAY);
    const tomorrow = Date.UTC(2026, 11, 2, 0, 0, 1);
    assert.deepEqual(ledger.status(tomorrow).leadmagic_credits, { used: 0, reserved: 0 });
    assert.equal(resetsAt(DAY), "2026-12-02T00:00:00.000Z");
  });

  test("maximum cost: per call, per result asked for, or per item of a list", () => {
    assert.equal(maxCost(tool("leadmagic_find_email"), {}), 1);
    assert.equal(maxCost(tool("leadmagic_find_employees"), { limit: 40 }), 2);
    assert.equal(maxCost(tool("leadmagic_find_employees"), {}), 1, "the default page of 20 at 0.05");
    assert.equal(maxCost(tool("smartlead_prospect_fetch_contacts"), { filter_id: 1, id: ["a", "b", "c"] }), 3);
    assert.equal(maxCost(tool("smartlead_senders_place_order"), { domains: [{}, {}] }), 2);
  });

  test("every tool that spends has a cost model the budget can reserve by", () => {
    const missing = ALL_TOOLS.filter((t) => t.costsCredits && !(t.cost?.credits && t.cost.credits > 0)).map((t) => t.name);
    assert.deepEqual(missing, []);
  });
});

describe("token scopes", () => {
  const scopes = parseTokenScopes(
    JSON.stringify({
      "ci-bot": { read_only: true },
      acme: { toolsets: ["smartlead_campaigns", "default"], smartlead_clients: [301], smartlead_campaigns: [7] },
      alice: { smartlead_clients: [301], smartlead_campaigns: [7] },
    }),
    USERS,
  );

  test("the JSON is checked member by member", () => {
    for (const [raw, why] of [
      ["[1]", /JSON object of token names/],
      ["{", /must be a JSON object/],
      ['{"bob":{}}', /bob is not a name/],
      ['{"alice":{"readonly":true}}', /unknown member readonly/],
      ['{"alice":{"read_only":"yes"}}', /read_only must be true or false/],
      ['{"alice":{"toolsets":["nope"]}}', /unknown toolset nope/],
      ['{"alice":{"smartlead_clients":[]}}', /non-empty list of positive integer ids/],
      ['{"alice":{"smartlead_campaigns":["7"]}}', /non-empty list of positive integer ids/],
    ] as const) {
      assert.throws(
        () => parseTokenScopes(raw, USERS),
        (e: Error) => e instanceof ConfigError && why.test(e.message),
        raw,
      );
    }
  });

  test("read-only, toolsets (with the default view) and account-wide SmartLead tools", () => {
    const ci = scopes.get("ci-bot");
    const acme = scopes.get("acme");
    assert.match(toolRefusal(ci, factsOf(tool("smartlead_delete_campaign")))!, /may only read/);
    assert.equal(toolRefusal(ci, factsOf(tool("leadmagic_find_email"))), undefined, "paid reads are reads (budgets bound them)");
    assert.equal(toolRefusal(acme, factsOf(tool("smartlead_get_campaign"))), undefined);
    assert.equal(toolRefusal(acme, factsOf(tool("smartlead_list_campaign_leads"))), undefined, "in the default view");
    assert.equal(toolRefusal(acme, factsOf(tool("leadmagic_find_email"))), undefined, "LeadMagic tools of the default view: no SmartLead resource");
    assert.match(
      toolRefusal(acme, factsOf(tool("leadmagic_find_mobile")))!,
      /limited to the toolsets smartlead_campaigns, default; leadmagic_find_mobile belongs to leadmagic_people/,
    );
    assert.match(toolRefusal(acme, factsOf(tool("smartlead_list_inbox_replies")))!, /whole SmartLead account/);
    assert.equal(toolRefusal(undefined, factsOf(tool("smartlead_delete_campaign"))), undefined);
  });

  test("each named campaign and client must be inside; a client's campaigns come from SmartLead", async () => {
    const acme = scopes.get("alice");
    const asked: number[] = [];
    const clientCampaigns = async (client: number) => {
      asked.push(client);
      return new Set(client === 301 ? [102] : []);
    };
    const facts = factsOf(tool("smartlead_get_campaign_analytics"));
    await checkScope(acme, facts, { campaign_id: 7 }, clientCampaigns);
    assert.deepEqual(asked, [], "an explicitly allowed campaign needs no lookup");
    await checkScope(acme, facts, { campaign_id: 102 }, clientCampaigns);
    await assert.rejects(checkScope(acme, facts, { campaign_id: 103 }, clientCampaigns), /campaign 103 is outside it/);
    const overall = factsOf(tool("smartlead_get_overall_analytics"));
    await assert.rejects(checkScope(acme, overall, { client_ids: [301, 302] }, clientCampaigns), /client 302 is outside it/);
    await checkScope(acme, overall, { client_ids: [301], campaign_ids: [7, 102] }, clientCampaigns);
  });
});

describe("do-not-contact", () => {
  test("entries: addresses and domains, lower-cased; anything else refused", () => {
    assert.equal(contactEntry(" CEO@Rival.IO "), "ceo@rival.io");
    assert.equal(contactEntry("@acme.com"), "acme.com");
    assert.equal(contactEntry("*.acme.com"), "acme.com");
    for (const bad of ["acme", "a b.com", "@", "x@", "http://acme.com"]) assert.equal(contactEntry(bad), undefined, bad);
    assert.throws(() => parseContactList("acme.com,not an entry"), /DO_NOT_CONTACT entry 2/);
    assert.deepEqual(candidatesOf("a@x.eu.acme.com"), ["a@x.eu.acme.com", "x.eu.acme.com", "eu.acme.com", "acme.com"]);
  });

  test("a domain covers its subdomains, not look-alikes", async () => {
    const list = parseContactList("acme.com");
    const t = tool("smartlead_send_single_email");
    const send = (to: string) => applyDoNotContact(t, { to }, list, undefined);
    await assert.rejects(send("a@mail.acme.com"), /to is on the do-not-contact list/);
    await send("a@notacme.com");
    await send("a@acme.com.evil.io");
  });

  test("leads: the managed list counts as much as the setting, and an all-blocked import sends nothing", async () => {
    const store = memoryContactList();
    await store.add(["blocked@example.com"], "tester");
    const t = tool("smartlead_import_leads_to_list");
    const leadList = [{ email: "Blocked@Example.com" }, { email: "fine@example.com" }];
    const out = await applyDoNotContact(t, { id: 1, leadList, fileName: "x.csv" }, parseContactList(""), store);
    assert.deepEqual(out.report, { dropped: 1, positions: ["leadList[0]"] });
    assert.deepEqual(out.args.leadList, [{ email: "fine@example.com" }]);
    await assert.rejects(applyDoNotContact(t, { id: 1, leadList: [leadList[0]], fileName: "x.csv" }, parseContactList(""), store), /All 1 lead\(s\)/);
  });
});

describe("enrichment cache keys", () => {
  test("the same lookup in other spelling shares a key; another tool or input does not", async () => {
    const find = tool("leadmagic_find_email");
    const a = await cacheKey(find, { first_name: "Jane", last_name: "Doe", domain: "example.com" });
    assert.equal(a, await cacheKey(find, { domain: " EXAMPLE.com", last_name: "doe", first_name: "JANE " }));
    assert.notEqual(a, await cacheKey(find, { first_name: "Jane", last_name: "Doe", domain: "example.org" }));
    assert.notEqual(a, await cacheKey(tool("leadmagic_find_personal_email"), { first_name: "Jane", last_name: "Doe", domain: "example.com" }));
    assert.match(a, /^enrich:v1:leadmagic_find_email:[0-9a-f]{64}$/);
  });

  test("ENRICHMENT_CACHE_TTL_DAYS: 0 to 365 whole days", () => {
    assert.equal(parseCacheDays(undefined), 0);
    assert.equal(parseCacheDays("30"), 30);
    for (const bad of ["-1", "1.5", "366", "x"]) assert.throws(() => parseCacheDays(bad), /ENRICHMENT_CACHE_TTL_DAYS/, bad);
  });
});
