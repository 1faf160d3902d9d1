/**
 * Single-use confirmation tokens, exactly across isolates: a Durable Object
 * remembers every token that carried out a call until the token expires, so
 * one preview can confirm one call and no more (not three purchases, not fifty
 * sends in one batch). Tokens are sharded over 256 objects by the first byte
 * of their SHA-256, and only that hash is stored.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../config";

export class ConfirmationLedger extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS used (hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)");
    });
  }

  /** True the first time a token is presented; false ever after (until it has expired anyway). */
  async consume(hash: string, expiresAt: number): Promise<boolean> {
    const sql = this.ctx.storage.sql;
    if (sql.exec("SELECT 1 FROM used WHERE hash = ?", hash).toArray().length > 0) return false;
    sql.exec("INSERT INTO used (hash, expires_at) VALUES (?, ?)", hash, expiresAt);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(expiresAt + 1000);
    return true;
  }

  /** Forgets expired tokens (they are refused for their expiry anyway), then wakes again for the next one. */
  async alarm(): Promise<void> {
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM used WHERE expires_at <= ?", Date.now());
    const next = sql.exec<{ next: number | null }>("SELECT MIN(expires_at) AS next FROM used").one().next;
    if (next !== null) await this.ctx.storage.setAlarm(next + 1000);
  }
}
