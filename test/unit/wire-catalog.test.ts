/**
 * The recorded wire contract (test/contract/wire.json) against the endpoint
 * catalogs (test/contract/*-endpoints.json), in the fast tier: files only, no
 * server. For every entry, what its requests send must be what the tool's
 * catalog entry documents: every body member (nested ones named parent.child,
 * and parent[].child for the items of an array, as the catalog names them) and
 * every query parameter is a documented parameter of that place; every
 * required parameter is sent; a value of a documented closed list is on it.
 * And every required endpoint of both catalogs has a tool recorded in the
 * fixture, whose arguments send every documented parameter the tool offers
 * (bar the ALTERNATIVES one call cannot combine).
 *
 * A tool departs from its catalog entry only through ALLOWED below, which
 * names the tool, the parameter and why; an allowance (or alternative) that is
 * no longer needed fails the test, so neither list can outgrow what the tools
 * really do.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { parseConfig } from "../../src/config";
import { ALL_TOOLS } from "../../src/tools/all";
import { listing, resolveSelection } from "../../src/tools/registry";
import { loadWire, type WireRequest } from "../helpers/wire";

interface Param {
  name: string;
  in: "path" | "query" | "body";
  type: string;
  required: boolean;
  notes: string;
}
interface Endpoint {
  id: string;
  method: string;
  path: string;
  tier: string;
  params: Param[];
}

const load = (file: string) => JSON.parse(readFileSync(new URL(`../contract/${file}`, import.meta.url), "utf8"));
const smartlead = load("smartlead-endpoints.json") as { endpoints: Endpoint[] };
const leadmagic = load("leadmagic-endpoints.json") as {
  endpoints: (Omit<Endpoint, "params"> & { params: { name: string; type: string; required: boolean; note?: string }[] })[];
};

/** LeadMagic's catalog names no places: path parameters say so in their type, the rest is the body of a POST or the query of a GET. */
const leadmagicEndpoints: Endpoint[] = leadmagic.endpoints.map((e) => ({
  ...e,
  params: e.params.map((p) => ({
    name: p.name,
    in: p.type.includes("(path") ? "path" : e.method === "GET" ? "query" : "body",
    type: p.type,
    required: p.required,
    notes: p.note ?? "",
  })),
}));
const catalog = new Map<string, Endpoint>([...smartlead.endpoints, ...leadmagicEndpoints].map((e) => [e.id, e]));
const wire = loadWire();
// The wire contract is what reaches the upstreams: local tools (gtm_*) send nothing there.
const tools = new Map(ALL_TOOLS.filter((t) => t.base !== "local").map((t) => [t.name, t]));

type Rule = "undocumented" | "required" | "enum" | "not offered";

/**
 * Deliberate departures from the catalogs, each with its evidence. Keep it
 * minimal: a departure belongs here only when a better source than the catalog
 * entry decides what the tool sends, or when offering a documented parameter
 * would do harm.
 */
const ALLOWED: { tool: string; param: string; rules: Rule[]; why: string }[] = [
  {
    tool: "leadmagic_get_b2b_ad_details",
    param: "ad_url",
    rules: ["undocumented"],
    why: "the catalog's own note: the current /v1 API and anchor v1.1.0 take ad_url; ad_id is the legacy spec's (anchor v1.0.x)",
  },
  {
    tool: "leadmagic_get_b2b_ad_details",
    param: "ad_id",
    rules: ["required", "not offered"],
    why: "replaced by ad_url on the current route (same note); offering it would ask the legacy question",
  },
  {
    tool: "leadmagic_find_employees",
    param: "limit",
    rules: ["undocumented"],
    why: "LeadMagic's current official n8n node and another maintained client send limit; the catalog marks its page/per_page 'anchor v1.0.x/spec only'",
  },
  {
    tool: "leadmagic_find_employees",
    param: "page",
    rules: ["not offered"],
    why: "the same n8n node refuses page offsets for this endpoint ('Employee Finder does not support page offsets')",
  },
  { tool: "leadmagic_find_employees", param: "per_page", rules: ["not offered"], why: "superseded by limit (same sources)" },
  {
    tool: "smartlead_save_email_account",
    param: "token",
    rules: ["not offered"],
    why: "OAuth tokens are credentials for Gmail/Outlook OAuth mailboxes; this tool connects SMTP/IMAP ones, and the catalog keeps save-oauth optional for the same reason",
  },
  {
    tool: "smartlead_add_leads_to_campaign",
    param: "lead_list_ids",
    rules: ["not offered"],
    why: "only on one of the route's two docs pages, and the tool sends in chunks: the lists would be imported once per chunk",
  },
  { tool: "smartlead_add_leads_to_campaign", param: "type", rules: ["not offered"], why: "its values are not documented (catalog: 'values not documented')" },
  {
    tool: "smartlead_reply_to_lead",
    param: "schedule_condition",
    rules: ["not offered"],
    why: "documented by name only ('Scheduling condition'): no values to validate",
  },
  { tool: "smartlead_reply_to_lead", param: "seq_type", rules: ["not offered"], why: "documented by name only ('Sequence type'): no values to validate" },
  {
    tool: "smartlead_create_client",
    param: "id",
    rules: ["not offered"],
    why: "turns the create into an update of an existing client (clients/update.mdx), which this create tool does not do",
  },
  { tool: "smartlead_create_client", param: "uuid", rules: ["not offered"], why: "update page only, like id" },
  {
    tool: "smartlead_create_client",
    param: "password",
    rules: ["not offered"],
    why: "a login credential that would pass through the model's context; when omitted the client sets one",
  },
];

/**
 * Documented parameters one call cannot send together with the ones the
 * fixture entry sends: each entry records one call, so these alternatives stay
 * unexercised there (the domain tables call them).
 */
const ALTERNATIVES: { tool: string; param: string; why: string }[] = [
  { tool: "smartlead_create_webhook", param: "email_campaign_id", why: "belongs to association_type campaign; the entry records a client webhook (client_id)" },
  { tool: "smartlead_send_single_email", param: "fromEmailId", why: "the sender is fromEmail or fromEmailId; the entry names it by address" },
  { tool: "smartlead_save_email_account", param: "id", why: "given only to update an existing mailbox; the entry connects a new one" },
  { tool: "smartlead_transfer_leads_between_lists", param: "leadIds", why: "exactly one of leadIds or fromListId; the entry moves a whole list" },
  { tool: "smartlead_push_leads_to_campaign", param: "campaignName", why: "the target is campaignId or campaignName; the entry names it by id" },
  { tool: "smartlead_prospect_get_contacts", param: "id", why: "exactly one of filter_id or id; the entry reads a filter's contacts" },
];

const allowed = (tool: string, param: string, rule: Rule) => ALLOWED.some((a) => a.tool === tool && a.param === param && a.rules.includes(rule));
/** Records a departure as a problem, unless it is allowed (then marks the allowance as used). */
function depart(problems: string[], used: Set<string>, tool: string, param: string, rule: Rule, text: string): void {
  if (allowed(tool, param, rule)) used.add(`${tool} ${param} ${rule}`);
  else problems.push(`${tool}: ${text}`);
}

// ---------------------------------------------------------------------------
// Names: a JSON body flattened into the catalog's names.

/** Every member name in a body: top-level keys, parent.child inside objects, parent[].child inside arrays of objects. */
function flatten(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => (isObject(item) ? flatten(item, `${prefix}[]`) : []));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const name = prefix ? `${prefix}.${k}` : k;
    return [name, ...flatten(v, name)];
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The names from the top down: "a[].b.c" → ["a", "a[].b", "a[].b.c"]. */
function lineage(name: string): string[] {
  const out: string[] = [];
  const re = /\.|\[\]\./g;
  for (let m = re.exec(name); m; m = re.exec(name)) out.push(name.slice(0, m.index));
  return [...out, name];
}

/** The values at a name in a body, one per instance of its parents ("a[].b" → every item's b). */
function valuesAt(body: unknown, name: string): unknown[] {
  let current: unknown[] = [body];
  for (const part of name.split(".")) {
    const key = part.replace(/\[\]$/, "");
    current = current.flatMap((v) => (isObject(v) && key in v ? [v[key]] : []));
    if (part.endsWith("[]")) current = current.flatMap((v) => (Array.isArray(v) ? v : []));
  }
  return current;
}

/** The parent objects a nested name lives in, every instance: "a[].b.c" → each item's b. */
function parentsOf(body: unknown, name: string): unknown[] {
  const cut = name.lastIndexOf(".");
  if (cut < 0) return [body];
  const parent = name.slice(0, cut);
  return parent.endsWith("[]") ? valuesAt(body, parent.slice(0, -2)).flatMap((v) => (Array.isArray(v) ? v : [])) : valuesAt(body, parent);
}

/** Names one endpoint documents in a place. */
const documented = (e: Endpoint, place: "query" | "body") => new Set(e.params.filter((p) => p.in === place).map((p) => p.name));

/**
 * Whether a sent name is documented: the name itself, or it lies inside a
 * documented parameter whose members the catalog does not spell out (an
 * object or list described only in its notes). Returns the first undocumented
 * name on its way down, or undefined.
 */
function undocumented(name: string, names: Set<string>): string | undefined {
  for (const step of lineage(name)) {
    if (!names.has(step)) return step;
    const opaque = ![...names].some((n) => n.startsWith(`${step}.`) || n.startsWith(`${step}[].`));
    if (opaque) return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Closed lists: what the catalogs document as the allowed values of a parameter.

const TOKEN = /^[A-Za-z0-9_]+$/;
const tokens = (text: string) => {
  const list = text
    .split(/,|\bor\b/)
    .map((s) => s.trim().replace(/^`|`$/g, ""))
    .filter(Boolean);
  return list.length >= 2 && list.every((s) => TOKEN.test(s)) ? list : undefined;
};

/**
 * The documented closed list of a parameter, if the catalog gives one, in any
 * of the forms it uses: LeadMagic's "enum a|b|c" type; "allowed: A, B" (alone
 * or after a "|"); "Valid/Allowed/Possible values: A, B."; a list of the
 * names a webhook page uses ("Available keys …: A, B", "This page lists A, B");
 * "a|b|c" notes; notes that are only "`A`, `B` or `C`"; or "* `A`: …" bullets.
 * Notes that say the list is not settled give none.
 */
function documentedEnum(p: Param): string[] | undefined {
  const notes = p.notes;
  if (/not settled by the docs|do not validate against a closed list/i.test(notes)) return undefined;
  const lm = /^enum\s+(\S+)/.exec(p.type);
  if (lm) return lm[1]!.split("|");
  const suffix = /(?:^|\|)\s*allowed:\s*([^|(]+)/.exec(notes);
  if (suffix) return tokens(suffix[1]!);
  const events = /(?:Available keys[^:]*:|This page(?: and [\w./-]+)? (?:lists|shows?))\s+([A-Z][A-Z_]+(?:,\s*[A-Z][A-Z_]+)+)/.exec(notes);
  if (events) return events[1]!.split(/,\s*/);
  if (p.type === "object") return undefined;
  const values = /(?:Allowed|Valid|Possible) values:\s*([^.;(*]+)/.exec(notes);
  if (values) {
    const list = tokens(values[1]!);
    if (list) return list;
  }
  const piped = /^([a-z_]+(?:\s*\|\s*[a-z_]+)+)(?:\s|\(|$)/.exec(notes);
  if (piped) return piped[1]!.split("|").map((s) => s.trim());
  const whole = /^(?:[^`]*:\s*)?((?:`\w+`,?\s+)+or\s+`\w+`)\.?$/.exec(notes);
  if (whole) return tokens(whole[1]!);
  const bullets = [...notes.matchAll(/\*\s+`([^`]+)`\s*:/g)].map((m) => m[1]!);
  if (bullets.length >= 2) return bullets;
  return undefined;
}

/** The values a sent parameter's closed list constrains: list items, object keys (event maps), or the value itself. */
function enumValues(value: unknown, p: Param, place: "query" | "body"): string[] {
  if (place === "query") return p.type === "array" ? String(value).split(",") : [String(value)];
  if (Array.isArray(value)) return value.map(String);
  if (isObject(value)) return Object.keys(value);
  return [String(value)];
}

// ---------------------------------------------------------------------------

const pathPattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\\{[A-Za-z0-9_]+\\\}|\{[A-Za-z0-9_]+\}/g, "[^/]+")}$`);

/** What one fixture entry's requests send that its catalog entry does not document (allowances it needs go to `used`). */
function checkEntry(tool: string, used: Set<string>): string[] {
  const t = tools.get(tool)!;
  // Its own endpoint, and the reads it declares (a preflight, a composite read): each request is checked against the one it calls.
  const endpoints = [t.catalogId, ...(t.alsoReads ?? [])].filter((id) => id !== "").map((id) => catalog.get(id)!);
  const problems: string[] = [];
  const requests = wire.tools[tool]!.requests;
  if (requests.length === 0) problems.push(`${tool}: records no request`);
  for (const r of requests) {
    const entry = endpoints.find((e) => e.method === r.method && pathPattern(e.path).test(r.path));
    if (!entry) {
      problems.push(`${tool}: sends ${r.method} ${r.path}, which is none of ${endpoints.map((e) => `${e.method} ${e.path}`).join(", ")}`);
      continue;
    }
    for (const place of ["query", "body"] as const) problems.push(...checkPlace(tool, entry, r, place, used));
  }
  return problems;
}

function checkPlace(tool: string, entry: Endpoint, r: WireRequest, place: "query" | "body", used = new Set<string>()): string[] {
  const problems: string[] = [];
  const names = documented(entry, place);
  const sent = place === "query" ? Object.keys(r.query) : flatten(r.body);
  const reported = new Set<string>();
  for (const name of sent) {
    const missing = undocumented(name, names);
    if (missing && !reported.has(missing)) {
      reported.add(missing);
      depart(problems, used, tool, missing, "undocumented", `sends ${place} ${missing}, which ${entry.id} does not document there`);
    }
  }
  const source = place === "query" ? r.query : r.body;
  for (const p of entry.params.filter((x) => x.in === place)) {
    if (p.required) {
      const top = !/\.|\[\]/.test(p.name);
      const member = p.name.split(".").at(-1)!;
      const absent = top ? !(isObject(source) && p.name in source) : parentsOf(source, p.name).some((o) => !isObject(o) || !(member in o));
      if (absent) depart(problems, used, tool, p.name, "required", `does not send the required ${place} parameter ${p.name}`);
    }
    const list = documentedEnum(p);
    if (!list) continue;
    const values = place === "query" ? (p.name in r.query ? [r.query[p.name]] : []) : valuesAt(r.body, p.name);
    for (const v of values.flatMap((x) => enumValues(x, p, place))) {
      if (!list.includes(v)) depart(problems, used, tool, p.name, "enum", `sends ${p.name} ${JSON.stringify(v)}, not one of ${list.join(", ")}`);
    }
  }
  return problems;
}

const config = parseConfig({ SMARTLEAD_API_KEY: "k", LEADMAGIC_API_KEY: "k", MCP_ADMIN_TOOLS: "true" } as never);
/** Each tool's top-level arguments, as advertised. */
const inputs = new Map(listing(resolveSelection("all", null, config), config).tools.map((l) => [l.name, Object.keys(l.inputSchema.properties ?? {})]));

/**
 * Which documented parameters each entry leaves out: those the tool does not
 * offer (a departure, allowed or not) and those it offers but the arguments do
 * not send (only ALTERNATIVES may be left out).
 */
function coverage(used: Set<string>): { problems: string[]; offered: number; exercised: number } {
  const problems: string[] = [];
  let offered = 0;
  let exercised = 0;
  for (const [tool, entry] of Object.entries(wire.tools)) {
    const def = tools.get(tool);
    // A composite read offers none of its endpoints' parameters but the ids in their paths.
    if (!def || def.catalogId === "") continue;
    const sent = new Set(entry.requests.flatMap((r) => [...Object.keys(r.query), ...flatten(r.body)]));
    for (const p of catalog.get(def.catalogId)!.params) {
      if (p.in === "path") continue;
      offered++;
      const top = p.name.split(/\.|\[\]/)[0]!;
      if (sent.has(p.name)) exercised++;
      else if (!inputs.get(tool)!.includes(top)) {
        // Members of a parameter the tool does not offer are covered by that parameter's allowance.
        if (top === p.name) depart(problems, used, tool, p.name, "not offered", `does not offer the documented parameter ${p.name}`);
      } else if (!ALTERNATIVES.some((a) => a.tool === tool && a.param === p.name)) problems.push(`${tool}: its fixture arguments never send ${p.name}`);
    }
  }
  return { problems, offered, exercised };
}

describe("the wire contract against the catalogs", () => {
  test("every tool has a fixture entry, and every entry a tool", () => {
    assert.deepEqual(Object.keys(wire.tools).sort(), [...tools.keys()].sort());
  });

  test("each entry sends only documented names, every required one, and documented values", () => {
    const problems = Object.keys(wire.tools)
      .filter((t) => tools.has(t))
      .flatMap((t) => checkEntry(t, new Set()));
    assert.deepEqual(problems, []);
  });

  test("every required endpoint of both catalogs has a tool recorded in the fixture", () => {
    const recorded = new Set(Object.keys(wire.tools).map((t) => tools.get(t)?.catalogId));
    const missing = [...catalog.values()].filter((e) => e.tier === "required" && !recorded.has(e.id)).map((e) => e.id);
    assert.deepEqual(missing, []);
  });

  test("each entry's arguments send every documented parameter the tool offers, bar alternatives", (t) => {
    const { problems, offered, exercised } = coverage(new Set());
    t.diagnostic(`documented parameters sent by the fixture: ${exercised} of ${offered} (${((100 * exercised) / offered).toFixed(1)} %)`);
    assert.deepEqual(problems, []);
  });

  test("every allowance and every alternative is still needed", () => {
    const used = new Set<string>();
    for (const tool of Object.keys(wire.tools).filter((n) => tools.has(n))) checkEntry(tool, used);
    coverage(used);
    const stale = ALLOWED.flatMap((a) => a.rules.filter((r) => !used.has(`${a.tool} ${a.param} ${r}`)).map((r) => `${a.tool} ${a.param} ${r}`));
    assert.deepEqual(stale, []);
    for (const a of ALTERNATIVES) {
      const sent = wire.tools[a.tool]!.requests.flatMap((r) => [...Object.keys(r.query), ...flatten(r.body)]);
      assert.ok(!sent.includes(a.param), `${a.tool} sends ${a.param}: it is no longer an alternative left out`);
      assert.ok(inputs.get(a.tool)!.includes(a.param), `${a.tool} does not offer ${a.param}: that is a departure, not an alternative`);
    }
  });
});

describe("the checks themselves", () => {
  const param = (id: string, name: string) => catalog.get(id)!.params.find((p) => p.name === name)!;

  test("names: nested members are named as the catalog names them", () => {
    assert.deepEqual(flatten({ a: 1, b: { c: 2 }, d: [{ e: 3 }, { f: { g: 4 } }], h: [1, 2] }), ["a", "b", "b.c", "d", "d[].e", "d[].f", "d[].f.g", "h"]);
    assert.deepEqual(lineage("a[].b.c"), ["a", "a[].b", "a[].b.c"]);
    const names = new Set(["sequences", "sequences[].seq_number", "filters"]);
    assert.equal(undocumented("sequences[].seq_number", names), undefined);
    assert.equal(undocumented("sequences[].seq_variants", names), "sequences[].seq_variants");
    assert.equal(undocumented("filters.search", names), undefined, "inside an object the catalog describes only in its notes");
    assert.equal(undocumented("folder_name", names), "folder_name");
  });

  test("closed lists are read in every form the catalogs use, and not where the docs leave them open", () => {
    assert.deepEqual(documentedEnum(param("sl.post_campaigns_by_campaign_id_status", "status")), ["START", "PAUSED", "STOPPED"]);
    assert.deepEqual(documentedEnum(param("sl.post_webhook_create", "association_type")), ["user", "client", "campaign"]);
    assert.equal(documentedEnum(param("sl.post_webhook_create", "event_type_map"))?.length, 11);
    assert.deepEqual(documentedEnum(param("sl.put_webhook_update_by_webhook_id", "event_types")), [
      "EMAIL_SENT",
      "EMAIL_OPENED",
      "EMAIL_REPLIED",
      "EMAIL_CLICKED",
      "LEAD_UNSUBSCRIBED",
      "EMAIL_BOUNCED",
    ]);
    assert.deepEqual(documentedEnum(param("sl.post_campaigns_by_campaign_id_webhooks", "event_types")), [
      "LEAD_REPLIED",
      "LEAD_OPENED",
      "LEAD_CLICKED",
      "LEAD_BOUNCED",
      "LEAD_UNSUBSCRIBED",
    ]);
    assert.deepEqual(documentedEnum(param("sl.post_campaigns_by_campaign_id_settings", "track_settings")), [
      "DONT_TRACK_EMAIL_OPEN",
      "DONT_TRACK_LINK_CLICK",
      "DONT_TRACK_REPLY_TO_AN_EMAIL",
    ]);
    assert.deepEqual(documentedEnum(param("sl.post_email_accounts_save", "type")), ["GMAIL", "OUTLOOK", "SMTP"]);
    assert.deepEqual(documentedEnum(param("sl.post_master_inbox_create_task", "priority")), ["LOW", "MEDIUM", "HIGH"]);
    assert.deepEqual(documentedEnum(param("sl.post_master_inbox_inbox_replies", "sortBy")), ["REPLY_TIME_DESC", "SENT_TIME_DESC"]);
    assert.deepEqual(documentedEnum(param("sl.delivery.post_spam_test_manual", "min_time_unit")), ["minutes", "hours", "days"]);
    assert.deepEqual(documentedEnum(param("lm.find_jobs", "experience_level")), ["entry", "mid", "senior", "executive"]);
    assert.equal(documentedEnum(param("sl.post_campaigns_by_campaign_id_settings", "stop_lead_settings")), undefined, "the docs leave it open");
    assert.equal(documentedEnum(param("sl.post_master_inbox_inbox_replies", "filters")), undefined, "values inside an object's notes are its members'");
  });

  test("a departure is reported, not waved through", () => {
    const entry = catalog.get("sl.delivery.post_spam_test_folder")!;
    const r = (body: unknown): WireRequest => ({ host: "smartdelivery", method: "POST", path: "/spam-test/folder", query: {}, body });
    assert.deepEqual(checkPlace("smartlead_create_placement_folder", entry, r({ folderName: "Q2" }), "body"), []);
    assert.deepEqual(checkPlace("smartlead_create_placement_folder", entry, r({ name: "Q2" }), "body"), [
      "smartlead_create_placement_folder: sends body name, which sl.delivery.post_spam_test_folder does not document there",
      "smartlead_create_placement_folder: does not send the required body parameter folderName",
    ]);
    const status = catalog.get("sl.post_campaigns_by_campaign_id_status")!;
    const s = { host: "smartlead", method: "POST", path: "/campaigns/1/status", query: {}, body: { status: "ACTIVE" } } as WireRequest;
    assert.deepEqual(checkPlace("smartlead_update_campaign_status", status, s, "body"), [
      'smartlead_update_campaign_status: sends status "ACTIVE", not one of START, PAUSED, STOPPED',
    ]);
  });
});
