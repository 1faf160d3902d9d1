/**
 * The pacer: one UpstreamPacer Durable Object per upstream API key, named by a
 * SHA-256 of the key (never the key), so every isolate and every job draws on
 * the same budget. A turn waits inside the object until the budget allows it,
 * or is refused at once when it could not start before the call's deadline.
 * Most turns never reach it: an isolate spends turns leased to it while the
 * budget has ample headroom (./leases.ts; the rule and why it is safe in ./pacing.ts).
 * The arithmetic is ./pacing.ts; the object keeps the last hour's grants per
 * minute in its storage, so a restarted object still knows the hour's count.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../config";
import { PaceBook, type PaceLimits, type Turn } from "./pacing";
import { TurnTaker } from "./turns";

/** Grants are kept per minute: `m:<minute>` → how many were granted in it. */
const MINUTE = 60_000;
const KEEP_MS = 3_700_000;

export class UpstreamPacer extends DurableObject<Env> {
  private taker?: TurnTaker;
  private loaded: { grants: number[]; blockedUntil: number } = { grants: [], blockedUntil: 0 };
  private readonly perMinute = new Map<number, number>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      const stored = await ctx.storage.list<number>({ prefix: "m:" });
      const old: string[] = [];
      const grants: number[] = [];
      for (const [key, count] of stored) {
        const minute = Number(key.slice(2));
        if ((minute + 1) * MINUTE <= Date.now() - KEEP_MS) old.push(key);
        else {
          this.perMinute.set(minute, count);
          // Counted as granted at the minute's last millisecond: a restart can only overstate the use.
          for (let i = 0; i < count; i++) grants.push((minute + 1) * MINUTE - 1);
        }
      }
      if (old.length) await ctx.storage.delete(old);
      this.loaded = { grants, blockedUntil: (await ctx.storage.get<number>("blocked_until")) ?? 0 };
    });
  }

  /** The limits come with each call, so a changed setting applies at the next call. */
  private takerFor(limits: PaceLimits): TurnTaker {
    if (!this.taker) {
      this.taker = new TurnTaker(new PaceBook(limits, this.loaded), undefined, (at) => this.record(at));
    } else this.taker.book.limits = limits;
    return this.taker;
  }

  /**
   * Unconfirmed writes: the grant is not held back until storage confirms
   * (the output gate would add a commit's latency, and jitter, to every turn).
   * Lost only if the object crashes in that instant, and then the upstream's own 429 still holds.
   */
  private record(at: number): void {
    const minute = Math.floor(at / MINUTE);
    const count = (this.perMinute.get(minute) ?? 0) + 1;
    this.perMinute.set(minute, count);
    void this.ctx.storage.put(`m:${minute}`, count, { allowUnconfirmed: true });
    if (count === 1) {
      const stale = [...this.perMinute.keys()].filter((m) => (m + 1) * MINUTE <= at - KEEP_MS);
      for (const m of stale) this.perMinute.delete(m);
      if (stale.length)
        void this.ctx.storage.delete(
          stale.map((m) => `m:${m}`),
          { allowUnconfirmed: true },
        );
    }
  }

  /** `want`: how many turns the calling isolate could use at once (./leases.ts); more than one only with ample headroom. */
  async turn(user: string, waitMs: number, limits: PaceLimits, want = 1): Promise<Turn> {
    // workerd's clock stands still between I/O events: a call that waited in the input gate
    // (e.g. behind the object's start) would record its grant early. A timer brings it up to date.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return this.takerFor(limits).turn(user, waitMs, want);
  }

  async hold(waitMs: number, limits: PaceLimits): Promise<void> {
    const taker = this.takerFor(limits);
    taker.block(Date.now() + waitMs);
    await this.ctx.storage.put("blocked_until", taker.book.blockedUntil);
  }
}
