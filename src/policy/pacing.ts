/**
 * Upstream pacing: the arithmetic of one API key's request budget. Pure and
 * clock-free (every method takes `now`), so the UpstreamPacer Durable Object
 * (./pacer.ts), the in-memory twin and the unit tests all run the same code.
 *
 * The budget is a sliding log of the turns granted in the last hour, checked
 * against three windows (second, minute, hour). A sliding window is the strict
 * reading: a key that never has more than L grants in ANY window of W ms also
 * passes an upstream that counts in fixed windows. Turns wait in a queue; when
 * several users wait they are served round-robin by user (one busy user cannot
 * starve another), first come first served within a user.
 *
 * Leases: while every window is below half its limit, a turn may come with up
 * to MAX_LEASE - 1 spare turns that the asking isolate may use within
 * LEASE_MS (./leases.ts), so most calls need no round trip to the object.
 * Safety: a leased turn may be used at any time in [t0, t0 + LEASE_MS], so it
 * is recorded at t0 + LEASE_MS, its latest use; a turn used now is recorded
 * now; either is lifted to the newest record when that is later (the log stays
 * sorted). So no record precedes its use, records only rise, and an unlifted
 * one is at most LEASE_MS after its use. The requests that can arrive in one
 * upstream window of W ms were used within W + ARRIVAL_MARGIN_MS; their
 * records start no earlier than the first use and end at an unlifted record
 * at most LEASE_MS after a use in that span: all within W + SLACK_MS. Counting
 * every window that wide keeps any upstream window of W within its limit,
 * however many isolates lease at once (and with a restart's records at the
 * end of their minute, which are only later than the uses). Half the limit as the bar for a lease keeps
 * spare turns from starving anyone when the budget is the bottleneck: under
 * contention every turn is one grant, exact and fair, through the queue.
 */

/** One key's budget: requests per second (burst), per minute and per hour. */
export interface PaceLimits {
  perSecond: number;
  perMinute: number;
  perHour: number;
}

/**
 * Each window is counted this much wider than its nominal length: a turn is
 * granted here, but counted by the upstream when its request arrives, later
 * and not always in order: on a loaded Worker (the e2e burst on 2 cores) the
 * lag varied by up to ~400 ms, and 100 or 250 ms let 429s through. 500 ms costs
 * 0.8 % of a per-minute budget (a third of a per-second one when bursts bind).
 */
export const ARRIVAL_MARGIN_MS = 500;

/** How long spare turns stay usable: short, so unspent ones hold little of the budget for little time. */
export const LEASE_MS = 250;
/** The most turns one grant may carry (one used now, the rest spare). */
export const MAX_LEASE = 8;
/** How much wider than nominal each window is counted: the arrival lag plus a lease's lifetime. */
export const SLACK_MS = ARRIVAL_MARGIN_MS + LEASE_MS;

const WINDOWS = [
  { ms: 1_000, limit: (l: PaceLimits) => l.perSecond },
  { ms: 60_000, limit: (l: PaceLimits) => l.perMinute },
  { ms: 3_600_000, limit: (l: PaceLimits) => l.perHour },
] as const;

const LOG_SPAN_MS = 3_600_000 + SLACK_MS;

/**
 * The earliest time at or after `now` when one more grant fits every window,
 * given the grants so far (ascending) and a time before which nothing may go.
 * The grant is recorded at that time or at the newest record, whichever is later.
 * Exact: a window holds L grants too many exactly until its L-th most recent grant leaves it.
 */
export function earliestTurn(grants: readonly number[], limits: PaceLimits, blockedUntil: number, now: number): number {
  let t = Math.max(now, blockedUntil);
  const n = grants.length;
  const newest = n ? grants[n - 1]! : Number.NEGATIVE_INFINITY;
  for (const w of WINDOWS) {
    const limit = w.limit(limits);
    if (n < limit) continue;
    const leaves = grants[n - limit]! + w.ms + SLACK_MS;
    if (leaves > Math.max(t, newest)) t = leaves;
  }
  return t;
}

/** A grant's recorded times: `at[0]` for the turn used now, one more for each spare turn. */
export type Decision =
  | { granted: true; at: number[] }
  | { granted: false; queued: true; ticket: number }
  | { granted: false; queued: false; retryAfterMs: number };

export interface Ticket {
  id: number;
  user: string;
  deadline: number;
}

export interface TickResult {
  granted: { ticket: Ticket; at: number }[];
  /** Tickets whose deadline came before their turn, with how long until a turn could be expected. */
  refused: { ticket: Ticket; retryAfterMs: number }[];
  /** When to call tick again; undefined when nobody waits. */
  wakeAt?: number;
}

/** One key's budget and queue. Mutated in place; `grants` is what must survive a restart. */
export class PaceBook {
  grants: number[];
  blockedUntil: number;
  /** Users with waiting tickets, in serving order; each user's tickets in arrival order. */
  private readonly queues = new Map<string, Ticket[]>();
  private order: string[] = [];
  private nextId = 1;

  constructor(
    public limits: PaceLimits,
    state: { grants?: number[]; blockedUntil?: number } = {},
  ) {
    this.grants = state.grants ? [...state.grants].sort((a, b) => a - b) : [];
    this.blockedUntil = state.blockedUntil ?? 0;
  }

  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /**
   * A turn for `user` that must start by `deadline`: granted now, queued, or
   * refused at once when even the estimate of its turn (after every ticket
   * that round-robin would serve first) is past the deadline.
   */
  ask(user: string, deadline: number, now: number, want = 1): Decision {
    this.prune(now);
    const ahead = this.ahead(user);
    const turn = this.turnAfter(ahead, now);
    if (turn > deadline) return { granted: false, queued: false, retryAfterMs: turn - now };
    if (ahead === 0 && turn <= now) {
      const at = [this.record(now)];
      const spare = this.spareFits(Math.min(want, MAX_LEASE) - 1, now);
      for (let i = 0; i < spare; i++) at.push(this.record(now + LEASE_MS));
      return { granted: true, at };
    }
    const ticket = { id: this.nextId++, user, deadline };
    const queue = this.queues.get(user);
    if (queue) queue.push(ticket);
    else {
      this.queues.set(user, [ticket]);
      this.order.push(user);
    }
    return { granted: false, queued: true, ticket: ticket.id };
  }

  /** Serves every ticket whose turn has come and drops those whose deadline has passed. */
  tick(now: number): TickResult {
    this.prune(now);
    const out: TickResult = { granted: [], refused: [] };
    while (this.order.length > 0 && earliestTurn(this.grants, this.limits, this.blockedUntil, now) <= now) {
      const ticket = this.popNext()!;
      if (ticket.deadline < now) {
        out.refused.push({ ticket, retryAfterMs: 0 });
        continue;
      }
      out.granted.push({ ticket, at: this.record(now) });
    }
    const expired = [...this.queues.values()].flat().filter((t) => t.deadline < now);
    if (expired.length) {
      const retryAfterMs = this.turnAfter(this.waiting - expired.length, now) - now;
      for (const ticket of expired) {
        this.remove(ticket);
        out.refused.push({ ticket, retryAfterMs });
      }
    }
    for (const r of out.refused) if (r.retryAfterMs === 0) r.retryAfterMs = this.turnAfter(this.waiting, now) - now;
    if (this.order.length > 0) {
      const next = earliestTurn(this.grants, this.limits, this.blockedUntil, now);
      let soonestDeadline = Number.POSITIVE_INFINITY;
      for (const q of this.queues.values()) for (const t of q) soonestDeadline = Math.min(soonestDeadline, t.deadline + 1);
      out.wakeAt = Math.min(next, soonestDeadline);
    }
    return out;
  }

  /** The upstream said to wait (a 429 from another client of the same key): nobody goes before `until`. */
  block(until: number): void {
    if (until > this.blockedUntil) this.blockedUntil = until;
  }

  /** Logs a grant at `t` (its latest use: now, or now + LEASE_MS for a spare turn), or at the newest record if later, to keep the log sorted. */
  private record(t: number): number {
    const at = Math.max(t, this.grants.at(-1) ?? t);
    this.grants.push(at);
    return at;
  }

  /**
   * How many of `wanted` spare turns (recorded at now + LEASE_MS) fit while
   * every window, so counted, stays at or below half its limit. Only asked
   * when nobody waits, so spare turns never go ahead of a queued ticket.
   */
  private spareFits(wanted: number, now: number): number {
    let fits = wanted;
    const at = now + LEASE_MS;
    for (const w of WINDOWS) fits = Math.min(fits, Math.floor(w.limit(this.limits) / 2) - this.countAfter(at - w.ms - SLACK_MS));
    return Math.max(0, fits);
  }

  /** Records later than `t` (binary search: the log is ascending). */
  private countAfter(t: number): number {
    let lo = 0;
    let hi = this.grants.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.grants[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return this.grants.length - lo;
  }

  /** Grants older than every window no longer count. */
  private prune(now: number): void {
    let drop = 0;
    while (drop < this.grants.length && this.grants[drop]! <= now - LOG_SPAN_MS) drop++;
    if (drop) this.grants.splice(0, drop);
  }

  /** How many waiting tickets round-robin serves before a new ticket of `user`. */
  private ahead(user: string): number {
    const own = this.queues.get(user)?.length ?? 0;
    // The new ticket is served in the user's round `own`: before it, every user
    // ahead in the order gets own + 1 turns, every user behind it gets own turns.
    const at = this.order.indexOf(user);
    let n = own;
    this.order.forEach((u, i) => {
      if (u === user) return;
      const q = this.queues.get(u)!.length;
      n += Math.min(q, at < 0 || i < at ? own + 1 : own);
    });
    return n;
  }

  /** The time of the turn after `ahead` more grants, each at its earliest. */
  private turnAfter(ahead: number, now: number): number {
    if (ahead === 0) return earliestTurn(this.grants, this.limits, this.blockedUntil, now);
    const grants = [...this.grants];
    let t = now;
    for (let i = 0; i <= ahead; i++) {
      t = earliestTurn(grants, this.limits, this.blockedUntil, t);
      grants.push(Math.max(t, grants.at(-1) ?? t));
    }
    return t;
  }

  private popNext(): Ticket | undefined {
    const user = this.order.shift();
    if (user === undefined) return undefined;
    const queue = this.queues.get(user)!;
    const ticket = queue.shift()!;
    if (queue.length) this.order.push(user);
    else this.queues.delete(user);
    return ticket;
  }

  private remove(ticket: Ticket): void {
    const queue = this.queues.get(ticket.user);
    if (!queue) return;
    const i = queue.indexOf(ticket);
    if (i >= 0) queue.splice(i, 1);
    if (queue.length === 0) {
      this.queues.delete(ticket.user);
      this.order = this.order.filter((u) => u !== ticket.user);
    }
  }
}

/** The answer to a request for a turn; `spare` turns may be used within LEASE_MS of asking. */
export type Turn = { ok: true; spare?: number } | { ok: false; retryAfterSeconds: number };
