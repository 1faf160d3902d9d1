/**
 * Deliverability: where a placement test's seed emails landed — inbox, spam
 * or missing — by provider (or region) and by sending mailbox, from whichever
 * placement report the tool returned.
 */
import { type BarRow, stackedBars } from "./charts";
import { h, heading, isObject, type Json, num, section, tile } from "./dom";

const items = (d: Json): Json[] => (Array.isArray(d.items) ? d.items.filter(isObject) : Array.isArray(d.result) ? d.result.filter(isObject) : []);

/** Rates in percent: what is neither inbox nor spam is missing (bounced, or never arrived). */
function rateRow(label: string, r: Json): BarRow {
  const inbox = num(r.inbox_rate) ?? 0;
  const spam = num(r.spam_rate) ?? 0;
  return {
    label,
    parts: [
      { name: "Inbox", value: inbox },
      { name: "Spam", value: spam },
      { name: "Missing", value: Math.max(0, 100 - inbox - spam) },
    ],
  };
}

/** Seed placements (INBOX, SPAM, anything else) counted per key. */
function tally(details: Json[], keyOf: (d: Json) => string): BarRow[] {
  const by = new Map<string, { inbox: number; spam: number; missing: number }>();
  for (const d of details) {
    const k = keyOf(d);
    const t = by.get(k) ?? { inbox: 0, spam: 0, missing: 0 };
    const p = String(d.placement ?? "").toUpperCase();
    if (p === "INBOX" || p === "TAB" || p === "PRIMARY") t.inbox++;
    else if (p === "SPAM") t.spam++;
    else t.missing++;
    by.set(k, t);
  }
  return [...by].map(([label, t]) => ({
    label,
    parts: [
      { name: "Inbox", value: t.inbox },
      { name: "Spam", value: t.spam },
      { name: "Missing", value: t.missing },
    ],
  }));
}

export function renderDeliverability(d: Json): HTMLElement[] {
  const rows = items(d);
  const parts: HTMLElement[] = [];
  const byRate = rows.filter((r) => r.inbox_rate !== undefined);
  if (byRate.length) {
    const region = byRate.some((r) => r.region !== undefined && r.provider === undefined);
    const rateRows = byRate.map((r) => rateRow(String(r.provider ?? r.region ?? "—"), r));
    parts.push(
      section(
        region ? "By region" : "By provider",
        stackedBars(`Inbox, spam and missing (% of seed emails) by ${region ? "region" : "provider"}`, rateRows, { unit: "%" }),
      ),
    );
  }
  const senders = rows.filter((r) => Array.isArray(r.details));
  if (senders.length) {
    const details = senders.flatMap((s) => (s.details as unknown[]).filter(isObject).map((x) => ({ ...x, sender: s.email })));
    parts.push(
      section(
        "By provider",
        stackedBars(
          "Seed emails by provider: inbox, spam, missing",
          tally(details, (x) => String(x.esp ?? "Other")),
          { absolute: true },
        ),
      ),
    );
    parts.push(
      section(
        "By mailbox",
        stackedBars(
          "Seed emails by sending mailbox: inbox, spam, missing",
          tally(details, (x) => String(x.sender ?? "—")),
          { absolute: true },
        ),
      ),
    );
  }
  const mailboxes = rows.filter((r) => r.inbox_count !== undefined);
  if (mailboxes.length) {
    const bars: BarRow[] = mailboxes.map((m) => ({
      label: String(m.from_email ?? m.email ?? "—"),
      parts: [
        { name: "Inbox", value: (num(m.inbox_count) ?? 0) + (num(m.tab_count) ?? 0) },
        { name: "Spam", value: num(m.spam_count) ?? 0 },
        { name: "Missing", value: num(m.failed_count) ?? 0 },
      ],
    }));
    parts.push(section("By mailbox", stackedBars("Seed emails by sending mailbox: inbox (tabs included), spam, missing", bars, { absolute: true })));
  }
  if (d.inbox_count !== undefined) {
    parts.push(
      section(
        "All tests",
        h(
          "div",
          { class: "tiles" },
          tile("Inbox", num(d.inbox_count)),
          tile("Tabs", num(d.tab_count)),
          tile("Spam", num(d.spam_count)),
          tile("Missing", num(d.failed_count)),
          tile("Seed emails", num(d.total_email_count)),
        ),
      ),
    );
  }
  const subtitle = [
    d.status ? `Test ${String(d.status)}` : undefined,
    num(d.overallTotalCount) !== undefined ? `${num(d.overallTotalCount)} seed emails` : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
  return [
    heading("Deliverability", subtitle || undefined),
    ...(parts.length ? parts : [h("p", { class: "muted" }, "This result holds no placement results to draw.")]),
  ];
}
