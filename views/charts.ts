/**
 * The charts, as hand-written SVG: a line chart over days and horizontal bars
 * (stacked for shares, grouped for a funnel). These three shapes take ~3 KB
 * here against ~50 KB for uPlot, draw with the same CSS as the rest of the
 * view (series colours are classes, so the hash-only CSP needs no inline
 * style), and stay in the DOM, where a screen reader and a test can read them.
 */
import { fmt, h, svg } from "./dom";

export interface Series {
  /** Shown in the legend; also the CSS class suffix (series-sent, …). */
  name: string;
  values: (number | undefined)[];
}

const W = 640;
const H = 220;
const M = { top: 12, right: 12, bottom: 28, left: 44 };

/** A round axis maximum at or above `max`. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 2.5, 5, 10].map((m) => m * step).find((v) => v >= max) ?? max;
}

function legend(names: string[]): HTMLElement {
  return h("ul", { class: "legend" }, ...names.map((n) => h("li", {}, h("span", { class: `swatch series-${key(n)}` }), n)));
}

const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** One line per series over `labels` (days). */
export function lineChart(title: string, labels: string[], series: Series[]): HTMLElement {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = (i: number) => M.left + (labels.length > 1 ? (i / (labels.length - 1)) * iw : iw / 2);
  const y = (v: number) => M.top + ih - (v / max) * ih;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart line-chart", role: "img", "aria-label": title }, svg("title", {}, title));
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const v = max * t;
    chart.append(
      svg("line", { class: "grid", x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }),
      svg("text", { class: "axis", x: M.left - 6, y: y(v) + 4, "text-anchor": "end" }, fmt(v)),
    );
  }
  const ticks = labels.length <= 7 ? labels.map((_, i) => i) : [0, Math.floor((labels.length - 1) / 2), labels.length - 1];
  // The first and last labels align inwards, so neither is cut at the edge.
  const anchor = (i: number) => (labels.length > 1 && i === 0 ? "start" : labels.length > 1 && i === labels.length - 1 ? "end" : "middle");
  for (const i of ticks) chart.append(svg("text", { class: "axis", x: x(i), y: H - 8, "text-anchor": anchor(i) }, labels[i] ?? ""));
  for (const s of series) {
    const points = s.values.flatMap((v, i) => (v === undefined ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`]));
    const line = svg("polyline", { class: `series series-${key(s.name)}`, points: points.join(" "), "data-series": s.name });
    chart.append(line);
    s.values.forEach((v, i) => {
      if (v !== undefined)
        chart.append(svg("circle", { class: `dot series-${key(s.name)}`, cx: x(i), cy: y(v), r: 2.5 }, svg("title", {}, `${s.name} ${labels[i]}: ${fmt(v)}`)));
    });
  }
  return h("figure", {}, chart, legend(series.map((s) => s.name)));
}

export interface BarRow {
  label: string;
  parts: { name: string; value: number }[];
}

/**
 * One horizontal bar per row, its parts stacked: shares of a whole (each row
 * scaled to its own total) or, with `absolute`, counts on one scale.
 */
export function stackedBars(title: string, rows: BarRow[], options: { absolute?: boolean; unit?: string } = {}): HTMLElement {
  const rowH = 26;
  const labelW = 180;
  const bw = W - labelW - 100;
  const height = rows.length * rowH + 8;
  const scale = Math.max(1, ...rows.map((r) => r.parts.reduce((a, p) => a + p.value, 0)));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${height}`, class: "chart bar-chart", role: "img", "aria-label": title }, svg("title", {}, title));
  rows.forEach((row, i) => {
    const total = row.parts.reduce((a, p) => a + p.value, 0);
    const whole = options.absolute ? scale : total || 1;
    const top = 4 + i * rowH;
    chart.append(svg("text", { class: "bar-label", x: labelW - 8, y: top + 15, "text-anchor": "end" }, clip(row.label, 30)));
    let left = labelW;
    for (const p of row.parts) {
      const w = (p.value / whole) * bw;
      if (w > 0) {
        chart.append(
          svg(
            "rect",
            { class: `bar series-${key(p.name)}`, x: left.toFixed(1), y: top, width: w.toFixed(1), height: rowH - 8, "data-series": p.name },
            svg("title", {}, `${row.label} — ${p.name}: ${fmt(p.value)}${options.unit ?? ""}`),
          ),
        );
      }
      left += w;
    }
    const first = row.parts[0];
    const note = options.absolute ? fmt(total) : first ? `${fmt(Math.round((first.value / (total || 1)) * 1000) / 10)}% ${first.name.toLowerCase()}` : "";
    chart.append(svg("text", { class: "bar-value", x: left + 6, y: top + 15 }, note));
  });
  return h("figure", {}, chart, legend(rows[0]?.parts.map((p) => p.name) ?? []));
}

/** One group of bars per row (e.g. a sequence step), every bar on the same scale: a funnel per group. */
export function funnel(title: string, rows: BarRow[]): HTMLElement {
  const stages = rows[0]?.parts.map((p) => p.name) ?? [];
  const barH = 14;
  const groupH = stages.length * (barH + 3) + 14;
  const labelW = 70;
  const bw = W - labelW - 120;
  const max = Math.max(1, ...rows.flatMap((r) => r.parts.map((p) => p.value)));
  const chart = svg(
    "svg",
    { viewBox: `0 0 ${W} ${rows.length * groupH + 4}`, class: "chart funnel-chart", role: "img", "aria-label": title },
    svg("title", {}, title),
  );
  rows.forEach((row, i) => {
    const top = 4 + i * groupH;
    chart.append(svg("text", { class: "bar-label", x: labelW - 8, y: top + 12, "text-anchor": "end" }, row.label));
    row.parts.forEach((p, j) => {
      const y = top + j * (barH + 3);
      const w = (p.value / max) * bw;
      chart.append(
        svg(
          "rect",
          { class: `bar series-${key(p.name)}`, x: labelW, y, width: Math.max(w, 1).toFixed(1), height: barH, "data-series": p.name },
          svg("title", {}, `${row.label} — ${p.name}: ${fmt(p.value)}`),
        ),
        svg("text", { class: "bar-value", x: labelW + Math.max(w, 1) + 6, y: y + barH - 3 }, `${p.name} ${fmt(p.value)}`),
      );
    });
  });
  return h("figure", {}, chart, legend(stages));
}

/** A progress bar: done of total. */
export function progress(label: string, done: number, total: number): HTMLElement {
  const share = total > 0 ? done / total : 1;
  return h(
    "div",
    { class: "progress", role: "progressbar", "aria-label": label, "aria-valuemin": 0, "aria-valuemax": total, "aria-valuenow": done },
    svg(
      "svg",
      { viewBox: "0 0 100 6", preserveAspectRatio: "none" },
      svg("rect", { class: "track", width: 100, height: 6 }),
      svg("rect", { class: "fill", width: (share * 100).toFixed(1), height: 6 }),
    ),
    h("span", {}, `${label}: ${fmt(done)} of ${fmt(total)}`),
  );
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
