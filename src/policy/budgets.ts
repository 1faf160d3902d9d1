/**
 * Daily budgets per user. Before a paid call its maximum cost is reserved
 * against the caller's limit for the UTC day; after it the reservation is
 * settled with what the upstream says it charged (the rest is released).
 * The tally lives in one Durable Object per user (./ledger.ts), so it is exact
 * across isolates; this module holds the arithmetic both it and the in-memory
 * twin of the in-process tests run.
 */
import type { Args, ToolDefinition } from "../tools/define";
import { ToolError } from "../upstream/errors";
import { limitOf, METERS, type Meter, type UserLimits } from "./settings";
import type { BudgetLedger, MeterUse, Reservation } from "./stores";

/** Amounts are kept in millionths, so 20 results at 0.05 credits add up to exactly 1. */
const MICRO = 1_000_000;
const micro = (amount: number) => Math.round(amount * MICRO);
const units = (m: number) => m / MICRO;

interface Hold {
  meter: Meter;
  amount: number;
  /** When an unsettled hold is taken as spent in full (the call's isolate died mid-call). */
  until: number;
}

export interface LedgerState {
  day: string;
  used: Partial<Record<Meter, number>>;
  holds: Record<string, Hold>;
}

export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The next UTC midnight, when every daily budget starts again. */
export function resetsAt(now: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString();
}

/**
 * One user's tally for the day. A new UTC day starts from zero (holds from the
 * day before are dropped: what they spent was the day before's). A hold that
 * outlives its call's deadline is counted as spent in full, so a lost
 * settlement can only overstate the spend, never hide it.
 */
export class DailyLedger {
  constructor(public state: LedgerState = { day: "", used: {}, holds: {} }) {}

  private roll(now: number): void {
    const day = utcDay(now);
    if (this.state.day !== day) this.state = { day, used: {}, holds: {} };
    for (const [id, hold] of Object.entries(this.state.holds)) {
      if (hold.until <= now) this.charge(id, hold.amount);
    }
  }

  private charge(id: string, amount: number): void {
    const hold = this.state.holds[id];
    if (!hold) return;
    delete this.state.holds[id];
    this.state.used[hold.meter] = (this.state.used[hold.meter] ?? 0) + amount;
  }

  private use(meter: Meter): { used: number; reserved: number } {
    let reserved = 0;
    for (const hold of Object.values(this.state.holds)) if (hold.meter === meter) reserved += hold.amount;
    return { used: this.state.used[meter] ?? 0, reserved };
  }

  /** Reserves `amount` (millionths) if used + reserved + amount stays within `limit`. */
  reserve(meter: Meter, amount: number, limit: number, holdMs: number, now: number, id: string): Reservation {
    this.roll(now);
    const use = this.use(meter);
    const tally = { used: units(use.used), reserved: units(use.reserved) };
    if (use.used + use.reserved + amount > limit) return { ok: false, ...tally };
    this.state.holds[id] = { meter, amount, until: now + holdMs };
    return { ok: true, id, ...tally };
  }

  /** Settles a hold with the actual charge (millionths), releasing the rest. An unknown id (already expired, or another day) is ignored. */
  settle(id: string, actual: number, now: number): void {
    this.roll(now);
    this.charge(id, actual);
  }

  status(now: number): Record<Meter, MeterUse> {
    this.roll(now);
    const out = {} as Record<Meter, MeterUse>;
    for (const meter of Object.keys(METERS) as Meter[]) {
      const use = this.use(meter);
      out[meter] = { used: units(use.used), reserved: units(use.reserved) };
    }
    return out;
  }
}

/** The methods of one user's CreditLedger object (./ledger.ts). */
export interface LedgerStub {
  reserve(meter: Meter, amount: number, limit: number, holdMs: number): Promise<Reservation>;
  settle(id: string, actual: number): Promise<void>;
  status(): Promise<Record<Meter, MeterUse>>;
}

/** One CreditLedger object per user, on this deployment's CREDIT_LEDGER namespace. */
export function durableLedger(namespace: DurableObjectNamespace): BudgetLedger {
  const of = (user: string) => namespace.get(namespace.idFromName(`budget:${user}`)) as unknown as LedgerStub;
  return {
    reserve: (user, meter, amount, limit, holdMs) => of(user).reserve(meter, amount, limit, holdMs),
    settle: (user, id, actual) => of(user).settle(id, actual),
    status: (user) => of(user).status(),
  };
}

/** The same ledger in this process's memory, for the in-process test tier. */
export function memoryLedger(now: () => number = Date.now): BudgetLedger {
  const users = new Map<string, DailyLedger>();
  const of = (user: string) => {
    let ledger = users.get(user);
    if (!ledger) {
      ledger = new DailyLedger();
      users.set(user, ledger);
    }
    return ledger;
  };
  return {
    async reserve(user, meter, amount, limit, holdMs) {
      return of(user).reserve(meter, amount, limit, holdMs, now(), crypto.randomUUID());
    },
    async settle(user, id, actual) {
      of(user).settle(id, actual, now());
    },
    async status(user) {
      return of(user).status(now());
    },
  };
}

/** The daily budget a tool draws on: LeadMagic lookups, SmartProspect unlocks, Smart Senders orders. */
export function meterOf(tool: ToolDefinition): Meter | undefined {
  if (!tool.costsCredits) return undefined;
  switch (tool.base) {
    case "leadmagic":
      return "leadmagic_credits";
    case "smartprospect":
      return "prospect_credits";
    case "smartsenders":
      return "purchases";
    default:
      return undefined;
  }
}

/** How many results a call may return, from the argument that caps them (a number, or a list whose length counts). */
function resultCount(tool: ToolDefinition, args: Args): number {
  const results = tool.cost?.results;
  if (!results) return 1;
  for (const name of typeof results.arg === "string" ? [results.arg] : results.arg) {
    const value = args[name];
    if (typeof value === "number") return value;
    if (Array.isArray(value)) return value.length;
  }
  return results.default;
}

/** The most a call may charge, from the tool's cost model, in its meter's units. */
export function maxCost(tool: ToolDefinition, args: Args): number {
  return (tool.cost?.credits ?? 0) * resultCount(tool, args);
}

/** What the upstream says the call charged: the tool's own reading, else credits_consumed, else the X-Credits-Cost header. */
export function reportedCharge(tool: ToolDefinition, data: Record<string, unknown>, headerCost: number | undefined): number | undefined {
  const own = tool.cost?.charged?.(data);
  if (own !== undefined) return own;
  return typeof data.credits_consumed === "number" ? data.credits_consumed : headerCost;
}

/** A budget that a call may not exceed: who, which meter, and the limit. */
export interface Budget {
  user: string;
  meter: Meter;
  limit: number;
}

/** The caller's budget for this tool, or undefined when the tool is free or the caller's spend on it is unlimited. */
export function budgetFor(tool: ToolDefinition, user: string, budgets: Readonly<Record<Meter, UserLimits | undefined>>): Budget | undefined {
  const meter = meterOf(tool);
  if (!meter) return undefined;
  const limit = limitOf(budgets[meter], user);
  return limit === undefined ? undefined : { user, meter, limit };
}

/** The refusal of a call that would pass the budget: what it may cost, what is left, and when the budget resets. */
export function budgetExceeded(budget: Budget, needed: number, use: MeterUse, now: number): ToolError {
  const remaining = Math.max(0, round(budget.limit - use.used - use.reserved));
  const unit = METERS[budget.meter].unit;
  const reset = resetsAt(now);
  const held = use.reserved > 0 ? ` (${round(use.reserved)} of it held by calls in flight)` : "";
  return new ToolError(
    "budget_exceeded",
    `This call may cost up to ${round(needed)} ${unit}, more than the ${remaining} left of ${budget.user}'s daily budget of ${budget.limit}${held}. ` +
      `The budget resets at ${reset}.`,
    {
      budget: {
        meter: budget.meter,
        unit,
        limit: budget.limit,
        used: round(use.used),
        reserved: round(use.reserved),
        remaining,
        needed: round(needed),
        resets_at: reset,
      },
    },
  );
}

function round(n: number): number {
  return Math.round(n * MICRO) / MICRO;
}

/**
 * Reserves a call's maximum cost, or throws budget_exceeded before anything is
 * sent. Returns the settle function: call it with the actual charge (or
 * undefined to charge the whole reservation) once the call is over.
 */
export async function reserve(
  ledger: BudgetLedger,
  budget: Budget,
  amount: number,
  holdMs: number,
  now: () => number = Date.now,
): Promise<(actual: number | undefined) => Promise<void>> {
  const reserved = micro(amount);
  const result = await ledger.reserve(budget.user, budget.meter, reserved, micro(budget.limit), holdMs);
  if (!result.ok) throw budgetExceeded(budget, amount, result, now());
  return (actual) => ledger.settle(budget.user, result.id, actual === undefined ? reserved : micro(Math.max(0, actual)));
}

/** The caller's budgets as gtm_get_budget shows them: each meter's limit, use and what is left (limit null = unlimited). */
export async function budgetReport(ledger: BudgetLedger | undefined, user: string, budgets: Readonly<Record<Meter, UserLimits | undefined>>, now: number) {
  const limited = (Object.keys(METERS) as Meter[]).filter((m) => limitOf(budgets[m], user) !== undefined);
  const use = limited.length && ledger ? await ledger.status(user) : undefined;
  const meters: Record<string, unknown> = {};
  for (const meter of Object.keys(METERS) as Meter[]) {
    const limit = limitOf(budgets[meter], user);
    const u = use?.[meter] ?? { used: 0, reserved: 0 };
    meters[meter] = {
      unit: METERS[meter].unit,
      setting: METERS[meter].setting,
      limit: limit ?? null,
      used: round(u.used),
      reserved: round(u.reserved),
      remaining: limit === undefined ? null : Math.max(0, round(limit - u.used - u.reserved)),
    };
  }
  return { user, day: utcDay(now), resets_at: resetsAt(now), budgets: meters };
}
