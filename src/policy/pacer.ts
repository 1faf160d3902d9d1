/**
 * The pacer: one UpstreamPacer Durable Object per upstream API key, named by a
 * SHA-256 of the key (never the key), so every isolate and every job draws on
 * the same budget. A turn waits inside the object until the budget allows it,
 * or is refused at once when it could not start before the call's deadline.
 * The arithmetic is ./pacing.ts; the object keeps the last hour's grants in
 * SQLite, so a restarted object still knows the hour's count.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../config";
import { PaceBook, type PaceLimits, type Turn } from "./pacing";
import { TurnTaker } from "./turns";

/** Rows older than the hour window are deleted after this many grants. */
const PRUNE_EVERY = 256;

export class UpstreamPacer extends DurableObject<Env> {
  private taker?: TurnTaker;
  private loaded: { grants: number[]; blockedUntil: number } = { grants: [], blockedUntil: 0 };
  private sincePrune = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      const sql = ctx.storage.sql;
      sql.exec("CREATE TABLE IF NOT EXISTS grants (t INTEGER NOT NULL)");
      sql.exec("CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), blocked_until INTEGER NOT NULL)");
      const since = Date.now() - 3_700_000;
      const grants = sql.exec<{ t: number }>("SELECT t FROM grants WHERE t > ? ORDER BY t", since).toArray();
      const meta = sql.exec<{ blocked_until: number }>("SELECT blocked_until FROM meta").toArray()[0];
      this.loaded = { grants: grants.map((r) => r.t), blockedUntil: meta?.blocked_until ?? 0 };
    });
  }

  /** The limits come with each call, so a changed setting applies at the next call. */
  private takerFor(limits: PaceLimits): TurnTaker {
    if (!this.taker) {
      this.taker = new TurnTaker(new PaceBook(limits, this.loaded), undefined, (at) => this.record(at));
    } else this.taker.book.limits = limits;
    return this.taker;
  }

  private record(at: number): void {
    const sql = this.ctx.storage.sql;
    sql.exec("INSERT INTO grants (t) VALUES (?)", at);
    if (++this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      sql.exec("DELETE FROM grants WHERE t <= ?", at - 3_700_000);
    }
  }

  async turn(user: string, waitMs: number, limits: PaceLimits): Promise<Turn> {
    return this.takerFor(limits).turn(user, waitMs);
  }

  async hold(waitMs: number, limits: PaceLimits): Promise<void> {
    const taker = this.takerFor(limits);
    taker.block(Date.now() + waitMs);
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO meta (id, blocked_until) VALUES (1, ?)", taker.book.blockedUntil);
  }
}
