/**
 * The managed do-not-contact list: one Durable Object for the deployment, so
 * an entry added from any client is in force for every call that follows,
 * everywhere. Entries are stored lower-cased (see contactEntry in ./settings.ts).
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../config";
import type { ContactListStore, ManagedEntry } from "./stores";

/** SQLite binds at most 100 parameters per statement; lookups go in slices below that. */
const SLICE = 90;

export class DoNotContactList extends DurableObject<Env> implements ContactListStore {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS entries (entry TEXT PRIMARY KEY, added_at TEXT NOT NULL, added_by TEXT NOT NULL)");
    });
  }

  private size(): number {
    return this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM entries").one().n;
  }

  async check(candidates: readonly string[]): Promise<{ matched: string[]; size: number }> {
    const matched: string[] = [];
    for (let i = 0; i < candidates.length; i += SLICE) {
      const slice = candidates.slice(i, i + SLICE);
      const rows = this.ctx.storage.sql.exec<{ entry: string }>(`SELECT entry FROM entries WHERE entry IN (${slice.map(() => "?").join(",")})`, ...slice);
      for (const row of rows) matched.push(row.entry);
    }
    return { matched, size: this.size() };
  }

  async add(entries: readonly string[], by: string): Promise<{ added: number; size: number }> {
    const before = this.size();
    const now = new Date().toISOString();
    for (const entry of entries) this.ctx.storage.sql.exec("INSERT OR IGNORE INTO entries (entry, added_at, added_by) VALUES (?, ?, ?)", entry, now, by);
    const size = this.size();
    return { added: size - before, size };
  }

  async remove(entries: readonly string[]): Promise<{ removed: number; size: number }> {
    const before = this.size();
    for (const entry of entries) this.ctx.storage.sql.exec("DELETE FROM entries WHERE entry = ?", entry);
    const size = this.size();
    return { removed: before - size, size };
  }

  async page(offset: number, limit: number): Promise<{ entries: ManagedEntry[]; size: number }> {
    const entries = this.ctx.storage.sql
      .exec<{ entry: string; added_at: string; added_by: string }>(
        "SELECT entry, added_at, added_by FROM entries ORDER BY entry LIMIT ? OFFSET ?",
        limit,
        offset,
      )
      .toArray();
    return { entries, size: this.size() };
  }
}
