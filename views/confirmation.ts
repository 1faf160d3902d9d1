/**
 * The confirmation card of a two-step tool: what will happen, to what, at what
 * cost, with Approve and Cancel. Approve calls the same tool again through the
 * host with the same arguments and the preview's confirmation_token: the normal
 * token path, so the server checks the token as always and a view cannot
 * approve anything the person did not press Approve for.
 */
import type { ViewContext } from "./context";
import { errorOf, fmt, h, heading, isObject, type Json, notice, section, table, textOf } from "./dom";

const TOKEN = "confirmation_token";

/** A value as one line: lists by their length, objects by their members. */
function brief(v: unknown): string {
  if (Array.isArray(v)) {
    const short = v.length <= 5 && v.every((x) => typeof x === "string" || typeof x === "number");
    return short ? v.join(", ") : `${v.length} item${v.length === 1 ? "" : "s"}`;
  }
  if (isObject(v))
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${brief(x)}`)
      .join(", ");
  if (typeof v === "number") return fmt(v);
  return v === null || v === undefined ? "—" : String(v);
}

const label = (k: string) => k.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

const rowsOf = (v: unknown): Json[] | undefined => (Array.isArray(v) && v.length > 0 && v.length <= 50 && v.every(isObject) ? v : undefined);

/** A list of records (a preflight's checks, the leads left out) as a table of its first columns. */
function records(rows: Json[]): HTMLTableElement {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].slice(0, 4);
  return table(
    columns.map(label),
    rows.map((r) => columns.map((c) => brief(r[c]))),
  );
}

/** Named values, one row each; nested records stay readable as tables of their own. */
function facts(obj: Json): HTMLTableElement {
  const cell = (v: unknown): HTMLElement | string => {
    const rows = rowsOf(v);
    if (rows) return records(rows);
    if (isObject(v) && Object.values(v).some((x) => rowsOf(x) || isObject(x))) return facts(v);
    return brief(v);
  };
  const t = table(
    ["", ""],
    Object.entries(obj).map(([k, v]) => [h("strong", {}, label(k)), cell(v)]),
  );
  t.classList.add("facts");
  return t;
}

/** Target and plan facts of a preview: a campaign's name and status, lead counts, credits. */
function details(preview: Json): HTMLElement[] {
  const out: HTMLElement[] = [];
  const plan = isObject(preview.plan) ? preview.plan : undefined;
  const target = isObject(preview.target) ? preview.target : isObject(plan?.campaign) ? plan.campaign : undefined;
  if (target) {
    const name = target.name ?? target.email ?? target.id;
    out.push(
      section(
        "Target",
        h(
          "p",
          { class: "target" },
          h("strong", {}, brief(name)),
          target.status ? h("span", { class: "badge" }, String(target.status)) : null,
          target.id !== undefined && name !== target.id ? h("span", { class: "muted" }, ` id ${brief(target.id)}`) : null,
        ),
      ),
    );
  }
  if (plan) {
    const { campaign: _c, ...rest } = plan;
    out.push(section("Plan", facts(rest)));
  }
  if (isObject(preview.arguments)) out.push(section("Arguments", facts(preview.arguments)));
  return out;
}

/**
 * What the call may spend: the plan's credits when it worked them out, else
 * the cost sentence the listing appends to a paid tool's description ("Costs …", "Spends …").
 */
function costOf(preview: Json, description: string | undefined): string | undefined {
  const credits = isObject(preview.plan) && isObject(preview.plan.credits) ? preview.plan.credits : undefined;
  if (credits && (credits.maximum !== undefined || credits.expected !== undefined)) {
    const unit = typeof credits.unit === "string" ? ` ${credits.unit}` : " credits";
    return `Up to ${brief(credits.maximum ?? credits.expected)}${unit} (expected ${brief(credits.expected ?? credits.maximum)}).`;
  }
  return description?.match(/(?:^|\.\s)((?:Costs|Spends)\b[\s\S]*)$/)?.[1];
}

export function renderConfirmation(preview: Json, ctx: ViewContext, title = "Confirm"): HTMLElement[] {
  const tool = String(preview.tool ?? "");
  const token = preview[TOKEN];
  const expires = typeof preview.expires_at === "string" ? new Date(preview.expires_at) : undefined;
  const status = h("div", { class: "status" });
  const approve = h("button", { type: "button", class: "primary", "data-action": "approve" }, "Approve");
  const cancel = h("button", { type: "button", "data-action": "cancel" }, "Cancel");
  const blocked = typeof preview.blocked === "string" ? preview.blocked : undefined;
  const cost = costOf(preview, ctx.toolDescription);
  if (blocked || typeof token !== "string") approve.disabled = true;
  const done = () => {
    approve.disabled = true;
    cancel.disabled = true;
  };
  approve.addEventListener("click", async () => {
    done();
    status.replaceChildren(notice("info", "Carrying it out…"));
    // The token is signed over the arguments as called (the preview's may be filtered or masked), so the call's own input comes first.
    const args = { ...(ctx.input ?? (isObject(preview.arguments) ? preview.arguments : {})) };
    delete args[TOKEN];
    try {
      const result = await ctx.callTool(tool, { ...args, [TOKEN]: token as string });
      ctx.tellModel(
        `The person pressed Approve on the confirmation card of ${tool}, which was then called with the preview's token: ${errorOf(result) ? `it failed: ${errorOf(result)}` : (textOf(result) ?? "it succeeded.")}`,
      );
      ctx.show(result);
    } catch (err) {
      status.replaceChildren(notice("error", `The host did not carry out the call: ${err instanceof Error ? err.message : String(err)}`));
    }
  });
  cancel.addEventListener("click", () => {
    done();
    status.replaceChildren(notice("ok", "Cancelled. Nothing was done."));
    ctx.tellModel(`The person pressed Cancel on the confirmation card of ${tool}: do not carry it out.`);
  });
  return [
    heading(`${title}: ${ctx.toolTitle ?? tool}`, "Not done yet: nothing happens until you approve."),
    h("p", { class: "action" }, String(preview.action ?? "")),
    blocked ? notice("warning", `Blocked: ${blocked}`) : null,
    cost ? h("p", { class: "cost" }, h("strong", {}, "Cost: "), cost) : null,
    ...details(preview),
    h("p", { class: "muted" }, expires && !Number.isNaN(expires.getTime()) ? `The approval lasts until ${expires.toLocaleTimeString()}.` : ""),
    h("div", { class: "actions" }, approve, cancel),
    status,
  ].filter((e): e is HTMLElement => e !== null);
}

/** What a confirmed call answered: its summary, or its error. */
export function renderOutcome(result: { isError?: boolean; content?: unknown; structuredContent?: unknown }, ctx: ViewContext): HTMLElement[] {
  const error = errorOf(result);
  const data = isObject(result.structuredContent) ? result.structuredContent : {};
  return [
    heading(error ? "Not done" : "Done", ctx.toolTitle),
    error ? notice("error", error) : notice("ok", textOf(result) ?? "The call succeeded."),
    !error && Object.keys(data).length ? section("Result", facts(data)) : null,
  ].filter((e): e is HTMLElement => e !== null);
}
