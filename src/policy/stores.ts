/**
 * The state this server keeps beyond one request, as a call sees it: used
 * confirmation tokens, budget reservations, the managed do-not-contact list,
 * the enrichment cache and the upstream pacing. Each is a Durable Object or KV namespace in the
 * Worker (see servicesOf in ./services.ts) and has an in-memory twin for the
 * in-process tests. Interfaces only, in plain types, so any module can name them.
 */
import type { Upstream } from "../upstream/hosts";
import type { JobsService } from "../workflows/job-types";
import type { PaceLimits, Turn } from "./pacing";
import type { Meter } from "./settings";

/**
 * The confirmation tokens that have already carried out a call (src/tools/confirm-ledger.ts):
 * `consume` is true the first time a token is presented, false ever after.
 */
export interface UsedTokens {
  consume(hash: string, expiresAt: number): Promise<boolean>;
}

export interface MeterUse {
  used: number;
  reserved: number;
}

/** A reservation: granted (with the id to settle) or refused, with the tally it was judged on. */
export type Reservation = ({ ok: true; id: string } | { ok: false }) & MeterUse;

/** Daily budget tallies per user (./ledger.ts). Amounts in millionths of a unit. */
export interface BudgetLedger {
  reserve(user: string, meter: Meter, amount: number, limit: number, holdMs: number): Promise<Reservation>;
  settle(user: string, id: string, actual: number): Promise<void>;
  status(user: string): Promise<Record<Meter, MeterUse>>;
}

export interface ManagedEntry {
  entry: string;
  added_at: string;
  added_by: string;
}

/** The managed do-not-contact list (./contact-list.ts). Entries in their stored form (see contactEntry). */
export interface ContactListStore {
  /** Which of these entries are on the list, and how many entries it has. */
  check(candidates: readonly string[]): Promise<{ matched: string[]; size: number }>;
  add(entries: readonly string[], by: string): Promise<{ added: number; size: number }>;
  remove(entries: readonly string[]): Promise<{ removed: number; size: number }>;
  page(offset: number, limit: number): Promise<{ entries: ManagedEntry[]; size: number }>;
}

/** Where enrichment results are kept (a KV namespace in the Worker). */
export interface CacheStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, ttlSeconds: number): Promise<void>;
}

/** One upstream API key's budget: which upstream, the key (the pacer keys its state by a hash of it), and its limits. */
export interface PaceLane {
  upstream: Upstream;
  key: string;
  limits: PaceLimits;
}

/** Turns for upstream requests, one budget per API key (./pacer.ts). */
export interface Pacer {
  /** Waits for a turn that starts within `waitMs`, or refuses at once (with when to try again) when none can. */
  turn(lane: PaceLane, user: string, waitMs: number): Promise<Turn>;
  /** The upstream answered 429 anyway (another client of the key): no turn on this key for `waitMs`. */
  hold(lane: PaceLane, waitMs: number): Promise<void>;
}

export interface Services {
  usedTokens?: UsedTokens;
  ledger?: BudgetLedger;
  contactList?: ContactListStore;
  cache?: CacheStore;
  /** Verified-import jobs (src/workflows/import-job.ts). */
  jobs?: JobsService;
  /** Upstream pacing per API key. */
  pacer?: Pacer;
}
