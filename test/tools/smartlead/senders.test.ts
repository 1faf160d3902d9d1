/**
 * Smart Senders tools against the fake smart-senders host: every request on
 * the wire, the paid order behind confirmation, refused inputs, and the
 * toolset staying out of the default selection.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ALL_TOOLS } from "../../../src/tools/all";
import { DEFAULT_TOOL_NAMES, TOOLSETS } from "../../../src/tools/registry";
import type { InProcessStack } from "../../helpers/in-process";
import { call } from "../../helpers/mcp";
import { resetFakes } from "../../helpers/stack";
import { expectInvalid, runCase, type ToolCase, useSuite } from "../../helpers/table";

const ORDER = {
  vendor_id: 2,
  forwarding_domain: "acme.com",
  user_details: {
    email: "billing@acme.com",
    firstName: "Sam",
    lastName: "Lee",
    company: "Acme",
    country: "United States",
    city: "Austin",
    addressLineOne: "1 Main St",
    postalCode: "73301",
    state: "Texas",
    phoneCc: "+1",
    phone: "5125550100",
    languagePreference: "en",
  },
  domains: [
    {
      domain_name: "acme-mail.com",
      mailbox_details: [
        { mailbox: "sam@acme-mail.com", first_name: "Sam", last_name: "Lee" },
        { mailbox: "sam.lee@acme-mail.com", first_name: "Sam", last_name: "Lee", parent_account_id: 2001 },
      ],
    },
  ],
};

const CASES: ToolCase[] = [
  { tool: "smartlead_senders_list_vendors", args: {}, expect: { host: "smartsenders", method: "GET", path: "/smart-senders/get-vendors" } },
  { tool: "smartlead_senders_list_domains", args: {}, expect: { host: "smartsenders", method: "GET", path: "/smart-senders/get-domain-list" } },
  {
    tool: "smartlead_senders_search_domain",
    args: { domain_name: "Acme-Mail.com", vendor_id: 1 },
    expect: { host: "smartsenders", method: "GET", path: "/smart-senders/search-domain", query: { domain_name: "acme-mail.com", vendor_id: "1" } },
  },
  {
    tool: "smartlead_senders_get_order",
    args: { order_id: "ORD_12345" },
    expect: { host: "smartsenders", method: "GET", path: "/smart-senders/order-details", query: { order_id: "ORD_12345" } },
  },
  {
    tool: "smartlead_senders_generate_mailboxes",
    args: { vendor_id: 1, domains: { "acme-mail.com": { count: 3 } } },
    expect: {
      host: "smartsenders",
      method: "POST",
      path: "/smart-senders/auto-generate-mailboxes",
      body: { vendor_id: "1", domains: { "acme-mail.com": { count: 3 } } },
    },
  },
  {
    tool: "smartlead_senders_place_order",
    args: ORDER,
    expect: { host: "smartsenders", method: "POST", path: "/smart-senders/place-order", body: ORDER },
  },
];

describe("the Smart Senders toolset", () => {
  const mine = ALL_TOOLS.filter((t) => t.toolset === "smartlead_senders");

  test("is never in the default selection", () => {
    assert.ok(mine.length > 0);
    for (const t of mine) assert.ok(!DEFAULT_TOOL_NAMES.includes(t.name), t.name);
    assert.ok(TOOLSETS.get("default")!.every((t) => t.toolset !== "smartlead_senders"));
  });

  test("every tool has a case here and talks to the smart-senders host", () => {
    const covered = new Set(CASES.map((c) => c.tool));
    assert.deepEqual(
      mine.filter((t) => !covered.has(t.name)).map((t) => t.name),
      [],
    );
    for (const t of mine) assert.equal(t.base, "smartsenders", t.name);
  });

  test("placing an order spends money: confirmed, not idempotent, and says so", () => {
    const order = mine.find((t) => t.name === "smartlead_senders_place_order")!;
    assert.equal(order.costsCredits, true);
    assert.ok(order.confirm);
    assert.equal(order.annotations.idempotentHint, false);
    assert.match(order.description, /spends money/i);
    assert.deepEqual(
      mine.filter((t) => t.costsCredits).map((t) => t.name),
      ["smartlead_senders_place_order"],
    );
  });
});

describe("Smart Senders tools over MCP", () => {
  let stack: InProcessStack;
  let client: Client;
  useSuite((s) => ({ stack, client } = s));

  for (const c of CASES) test(c.tool, () => runCase(client, stack.fakes, c).then(() => undefined));

  test("the order preview names what will be bought and sends nothing", async () => {
    resetFakes(stack.fakes);
    const preview = await call(client, "smartlead_senders_place_order", ORDER);
    const data = preview.structuredContent as Record<string, unknown>;
    assert.equal(data.confirmation_required, true);
    assert.match(String(data.action), /1 domain\(s\) \(acme-mail\.com\) and 2 mailbox\(es\); this spends money/);
    for (const [host, fake] of Object.entries(stack.fakes)) assert.equal(fake.requests.length, 0, `${host} got a request`);
  });

  const BAD: { why: string; tool: string; args: Record<string, unknown>; field: string }[] = [
    {
      why: "a mailbox that is not an email",
      tool: "smartlead_senders_place_order",
      args: { ...ORDER, domains: [{ domain_name: "acme-mail.com", mailbox_details: [{ mailbox: "sam", first_name: "S", last_name: "L" }] }] },
      field: "domains.0.mailbox_details.0.mailbox",
    },
    { why: "no domains", tool: "smartlead_senders_place_order", args: { ...ORDER, domains: [] }, field: "domains" },
    {
      why: "missing billing details",
      tool: "smartlead_senders_place_order",
      args: { ...ORDER, user_details: { ...ORDER.user_details, phone: undefined } },
      field: "user_details.phone",
    },
    {
      why: "a mailbox count over 50",
      tool: "smartlead_senders_generate_mailboxes",
      args: { vendor_id: 1, domains: { "acme-mail.com": { count: 51 } } },
      field: "domains.acme-mail.com.count",
    },
    { why: "an order id with a slash", tool: "smartlead_senders_get_order", args: { order_id: "../x" }, field: "order_id" },
  ];
  for (const b of BAD) {
    test(`refused before sending: ${b.why}`, () => expectInvalid(client, stack.fakes, b.tool, b.args, b.field));
  }
});
