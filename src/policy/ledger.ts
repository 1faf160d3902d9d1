/**
 * The budget ledger: one Durable Object per user, so every isolate reserves
 * against the same tally and no two calls can both take the last credits.
 * The arithmetic is DailyLedger's (./budgets.ts); this object only keeps its
 * state in storage between calls.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../config";
import { DailyLedger, type LedgerState, type LedgerStub } from "./budgets";
import type { Meter } from "./settings";
import type { MeterUse, Reservation } from "./stores";

export class CreditLedger extends DurableObject<Env> implements LedgerStub {
  private ledger = new DailyLedger();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Loaded before any call is delivered, so two calls never work on two copies.
    ctx.blockConcurrencyWhile(async () => {
      const state = await ctx.storage.get<LedgerState>("state");
      if (state) this.ledger = new DailyLedger(state);
    });
  }

  private save(ledger: DailyLedger): Promise<void> {
    return this.ctx.storage.put("state", ledger.state);
  }

  async reserve(meter: Meter, amount: number, limit: number, holdMs: number): Promise<Reservation> {
    const ledger = this.ledger;
    const result = ledger.reserve(meter, amount, limit, holdMs, Date.now(), crypto.randomUUID());
    if (result.ok) await this.save(ledger);
    return result;
  }

  async settle(id: string, actual: number): Promise<void> {
    const ledger = this.ledger;
    ledger.settle(id, actual, Date.now());
    await this.save(ledger);
  }

  async status(): Promise<Record<Meter, MeterUse>> {
    return this.ledger.status(Date.now());
  }
}
