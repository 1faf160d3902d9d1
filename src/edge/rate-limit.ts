/**
 * Fixed one-minute-window rate limits with KV counters, designed around what
 * KV is: no atomic increment, at most one write per second per key, a 60 s
 * minimum TTL and up to ~60 s before a write is seen everywhere.
 *
 * - Key: `rl:<scope>:<minute>:<sha256(scope:id)>`, so KV never holds a raw IP or user name.
 * - Within one isolate every request is counted exactly, in memory.
 * - KV is read once per key per isolate per window (the only await on the hot
 *   path), then merged again at every flush, which picks up other isolates' counts.
 * - Writes are coalesced to at most one per key per second per isolate and run
 *   in waitUntil, never before the response. A request over the limit writes nothing.
 * - If KV fails (read or write) the limiter keeps enforcing the in-isolate count:
 *   it fails open only as far as cross-isolate aggregation goes.
 *
 * Across isolates the result is approximate: two isolates that read the same
 * counter before either flushed can together admit up to about twice the limit,
 * and isolates in other locations see each other's counts only after KV propagates.
 */
import { sha256Hex } from "../crypto";

export interface CounterStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options: { expirationTtl: number }): Promise<void>;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in this window after this one (0 when refused). */
  remaining: number;
  /** Seconds until the window ends (at least 1). */
  resetSeconds: number;
}

export interface LimiterDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Called when the store fails; the limiter carries on with its in-memory counts. */
  onStoreError: (op: "get" | "put", error: unknown) => void;
}

export const WINDOW_MS = 60_000;
/** KV's minimum TTL is 60 s; a key must outlive its window plus propagation. */
export const COUNTER_TTL_SECONDS = 120;
const MIN_WRITE_INTERVAL_MS = 1_000;

interface Entry {
  key: string;
  window: number;
  /** Highest count known to be in the store (ours included once flushed). */
  stored: number;
  /** Requests admitted here and not yet written. */
  pending: number;
  loading?: Promise<void>;
  loaded: boolean;
  lastWriteAt: number;
  flushScheduled: boolean;
}

function parseCount(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export class FixedWindowLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly hashes = new Map<string, string>();
  private readonly deps: LimiterDeps;

  constructor(deps: Partial<LimiterDeps> = {}) {
    this.deps = {
      now: deps.now ?? (() => Date.now()),
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      onStoreError: deps.onStoreError ?? (() => {}),
    };
  }

  /**
   * Counts `cost` requests (default 1; a JSON-RPC batch counts each message) for
   * (scope, id) against `limit` per minute. `store` may be undefined (no KV
   * binding): then only this isolate's count applies. Refused requests count nothing.
   */
  async check(options: {
    scope: string;
    id: string;
    limit: number;
    cost?: number;
    store: CounterStore | undefined;
    waitUntil: (promise: Promise<unknown>) => void;
  }): Promise<RateDecision> {
    const { limit, store, waitUntil } = options;
    const cost = options.cost ?? 1;
    const { entry, resetSeconds } = await this.entry(options.scope, options.id, store);
    const count = entry.stored + entry.pending;
    if (count + cost > limit) return { allowed: false, limit, remaining: 0, resetSeconds };
    entry.pending += cost;
    if (store && !entry.flushScheduled) {
      entry.flushScheduled = true;
      waitUntil(this.flush(entry, store));
    }
    return { allowed: true, limit, remaining: Math.max(0, limit - count - cost), resetSeconds };
  }

  /** Whether (scope, id) has used up `limit` in this window, counting nothing (e.g. failed sign-ins before the next try). */
  async exhausted(options: { scope: string; id: string; limit: number; store: CounterStore | undefined }): Promise<RateDecision> {
    const { entry, resetSeconds } = await this.entry(options.scope, options.id, options.store);
    const count = entry.stored + entry.pending;
    return { allowed: count < options.limit, limit: options.limit, remaining: Math.max(0, options.limit - count), resetSeconds };
  }

  /** This window's entry for (scope, id), loaded from the store once per isolate. */
  private async entry(scope: string, id: string, store: CounterStore | undefined): Promise<{ entry: Entry; resetSeconds: number }> {
    const now = this.deps.now();
    const window = Math.floor(now / WINDOW_MS);
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    const key = `rl:${scope}:${window}:${await this.hash(`${scope}:${id}`)}`;
    let entry = this.entries.get(key);
    if (!entry) {
      this.evictBefore(window);
      entry = { key, window, stored: 0, pending: 0, loaded: false, lastWriteAt: 0, flushScheduled: false };
      this.entries.set(key, entry);
    }
    if (!entry.loaded && store) {
      entry.loading ??= this.load(entry, store);
      await entry.loading;
    }
    return { entry, resetSeconds };
  }

  private async hash(text: string): Promise<string> {
    let h = this.hashes.get(text);
    if (!h) {
      h = (await sha256Hex(text)).slice(0, 32);
      if (this.hashes.size > 10_000) this.hashes.clear();
      this.hashes.set(text, h);
    }
    return h;
  }

  private evictBefore(window: number): void {
    for (const [key, e] of this.entries) if (e.window < window) this.entries.delete(key);
  }

  private async load(entry: Entry, store: CounterStore): Promise<void> {
    try {
      entry.stored = Math.max(entry.stored, parseCount(await store.get(entry.key)));
    } catch (error) {
      this.deps.onStoreError("get", error);
    } finally {
      entry.loaded = true;
      entry.loading = undefined;
    }
  }

  /** Writes this isolate's pending count, at most once a second per key; re-reads first to merge other isolates' writes. */
  private async flush(entry: Entry, store: CounterStore): Promise<void> {
    try {
      const wait = entry.lastWriteAt + MIN_WRITE_INTERVAL_MS - this.deps.now();
      if (wait > 0) await this.deps.sleep(wait);
      let latest = 0;
      try {
        latest = parseCount(await store.get(entry.key));
      } catch (error) {
        this.deps.onStoreError("get", error);
      }
      const writing = entry.pending;
      const value = Math.max(latest, entry.stored) + writing;
      entry.lastWriteAt = this.deps.now();
      try {
        await store.put(entry.key, String(value), { expirationTtl: COUNTER_TTL_SECONDS });
      } catch (error) {
        this.deps.onStoreError("put", error);
        // Keep counting here; the next flush tries again.
        entry.stored = Math.max(latest, entry.stored);
        return;
      }
      entry.stored = value;
      entry.pending -= writing;
    } finally {
      entry.flushScheduled = false;
    }
    if (entry.pending > 0 && this.entries.get(entry.key) === entry) {
      entry.flushScheduled = true;
      await this.flush(entry, store);
    }
  }
}
