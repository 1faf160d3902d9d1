/**
 * Campaign performance: whatever the analytics tool returned, drawn as a
 * person reads it — totals as tiles, days as a line chart, sequence steps as
 * a funnel, mailboxes ranked by replies. One tool result holds one of these;
 * the view draws each part it finds.
 */
import { type BarRow, funnel, lineChart, type Series } from "./charts";
import { fmt, h, heading, isObject, type Json, num, pct, section, table, tile } from "./dom";

/** SmartLead wraps many answers as {ok, data}. */
const unwrap = (d: Json): Json => (isObject(d.data) ? { ...d, ...d.data } : d);
const rowsOf = (d: Json): Json[] => (Array.isArray(d.data) ? d.data.filter(isObject) : Array.isArray(d.items) ? d.items.filter(isObject) : []);

/** The first of several spellings SmartLead uses for one count. */
const count = (row: Json, ...names: string[]) => names.map((n) => num(row[n])).find((v) => v !== undefined);

const METRICS = [
  ["Sent", ["sent_count", "sent"]],
  ["Opened", ["open_count", "unique_open_count", "opened"]],
  ["Clicked", ["click_count", "unique_click_count", "clicked"]],
  ["Replied", ["reply_count", "replied"]],
  ["Bounced", ["bounce_count", "bounced"]],
  ["Unsubscribed", ["unsubscribed_count", "unsubscribed"]],
] as const;

function totals(d: Json): HTMLElement | undefined {
  const values = METRICS.map(([label, names]) => [label, count(d, ...names)] as const);
  if (values.every(([, v]) => v === undefined)) return undefined;
  const sent = values[0]![1];
  return section(
    "Totals",
    h("div", { class: "tiles" }, ...values.filter(([, v]) => v !== undefined).map(([label, v]) => tile(label, v, label === "Sent" ? undefined : pct(v, sent)))),
    num(d.positive_reply_count) !== undefined ? h("p", { class: "muted" }, `Positive replies: ${fmt(num(d.positive_reply_count))}`) : null,
  );
}

function overTime(days: Json[]): HTMLElement {
  const labels = days.map((r) => String(r.date ?? ""));
  const series: Series[] = METRICS.map(([name, names]) => ({ name, values: days.map((r) => count(r, ...names)) })).filter((s) =>
    s.values.some((v) => v !== undefined),
  );
  return section("Over time", lineChart(`Per day, ${labels[0]} to ${labels.at(-1)}`, labels, series));
}

function steps(rows: Json[]): HTMLElement {
  const stages = ["Sent", "Opened", "Clicked", "Replied"] as const;
  const bars: BarRow[] = rows.map((r, i) => ({
    label: `Step ${num(r.seq_number) ?? num(r.sequence_number) ?? i + 1}`,
    parts: stages.map((s) => ({ name: s, value: count(r, ...METRICS.find(([l]) => l === s)![1]) ?? 0 })),
  }));
  return section("Sequence funnel", funnel("Sent, opened, clicked and replied per sequence step", bars));
}

function mailboxes(rows: Json[]): HTMLElement {
  const ranked = [...rows].sort((a, b) => (count(b, "reply_count") ?? 0) - (count(a, "reply_count") ?? 0)).slice(0, 10);
  return section(
    "Top mailboxes",
    table(
      ["Mailbox", "Sent", "Opened", "Replied", "Reply rate", "Bounced"],
      ranked.map((r) => {
        const sent = count(r, "sent_count");
        const replied = count(r, "reply_count");
        return [
          String(r.from_email ?? r.email ?? "—"),
          fmt(sent),
          fmt(count(r, "open_count")),
          fmt(replied),
          pct(replied, sent) ?? "—",
          fmt(count(r, "bounce_count")),
        ];
      }),
    ),
  );
}

export function renderCampaign(data: Json): HTMLElement[] {
  const d = unwrap(data);
  const rows = rowsOf(data);
  const days = Array.isArray(d.day_wise_stats) ? d.day_wise_stats.filter(isObject) : [];
  const range = d.start_date && d.end_date ? `${d.start_date} to ${d.end_date}` : undefined;
  const name = typeof d.name === "string" ? d.name : d.campaign_id !== undefined ? `Campaign ${d.campaign_id}` : undefined;
  const parts = [
    totals(d),
    days.length ? overTime(days) : undefined,
    rows.some((r) => "email_campaign_seq_id" in r || "seq_number" in r) ? steps(rows) : undefined,
    rows.some((r) => "from_email" in r) ? mailboxes(rows) : undefined,
  ].filter((p): p is HTMLElement => p !== undefined);
  const subtitle = [name, typeof d.status === "string" ? d.status : undefined, range].filter(Boolean).join(" · ");
  return [
    heading("Campaign performance", subtitle || undefined),
    ...(parts.length ? parts : [h("p", { class: "muted" }, "This result holds no campaign numbers to draw.")]),
  ];
}
