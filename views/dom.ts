/**
 * The little DOM the views need: elements built from data with textContent
 * only (a tool result is never parsed as HTML), numbers as people read them.
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined>;

function fill<E extends Element>(el: E, attrs: Attrs | undefined, children: Child[]): E {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attrs, children);
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  return fill(document.createElementNS("http://www.w3.org/2000/svg", tag), attrs, children);
}

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** SmartLead sends most counts as strings ("420"); anything not a finite number is undefined. */
export function num(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export const fmt = (n: number | undefined) => (n === undefined ? "—" : Number.isInteger(n) ? INTEGER.format(n) : DECIMAL.format(n));
export const pct = (part: number | undefined, whole: number | undefined) =>
  part === undefined || !whole ? undefined : `${DECIMAL.format(Math.round((part / whole) * 1000) / 10)}%`;

/** A headline number with its label and, when known, its share. */
export function tile(label: string, value: number | undefined, note?: string): HTMLElement {
  return h(
    "div",
    { class: "tile", "data-metric": label.toLowerCase() },
    h("div", { class: "tile-value" }, fmt(value)),
    h("div", { class: "tile-label" }, label),
    note ? h("div", { class: "tile-note" }, note) : null,
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", {}, h("h2", {}, title), ...children);
}

export function table(headers: string[], rows: Child[][]): HTMLTableElement {
  return h(
    "table",
    {},
    h("thead", {}, h("tr", {}, ...headers.map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))),
  );
}

/** A page heading with an optional line under it. */
export function heading(title: string, subtitle?: string): HTMLElement {
  return h("header", {}, h("h1", {}, title), subtitle ? h("p", { class: "muted" }, subtitle) : null);
}

export function notice(kind: "error" | "warning" | "ok" | "info", text: string): HTMLElement {
  return h("p", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

/** The structured error of an isError result, or undefined. */
export function errorOf(result: { isError?: boolean; structuredContent?: unknown }): string | undefined {
  if (!result.isError) return undefined;
  const error = isObject(result.structuredContent) ? result.structuredContent.error : undefined;
  return isObject(error) && typeof error.message === "string" ? error.message : "The tool reported an error.";
}

/** The first text block of a result (its one-line summary). */
export function textOf(result: { content?: unknown }): string | undefined {
  const first = Array.isArray(result.content) ? result.content[0] : undefined;
  return isObject(first) && first.type === "text" && typeof first.text === "string" ? first.text : undefined;
}
