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

const WINDOWS = [
  { ms: 1_000, limit: (l: PaceLimits) => l.perSecond },
  { ms: 60_000, limit: (l: PaceLimits) => l.perMinute },
  { ms: 3_600_000, limit: (l: PaceLimits) => l.perHour },
] as const;

const LOG_SPAN_MS = 3_600_000 + ARRIVAL_MARGIN_MS;

/**
 * The earliest time at or after `now` when one more grant fits every window,
 * given the grants so far (ascending) and a time before which nothing may go.
 * Exact: a window holds L grants too many exactly until its L-th most recent grant leaves it.
 */
export function earliestTurn(grants: readonly number[], limits: PaceLimits, blockedUntil: number, now: number): number {
  let t = Math.max(now, blockedUntil);
  const n = grants.length;
  for (const w of WINDOWS) {
    const limit = w.limit(limits);
    if (n < limit) continue;
    const leaves = grants[n - limit]! + w.ms + ARRIVAL_MARGIN_MS;
    if (leaves > t) t = leaves;
  }
  return t;
}

export type Decision = { granted: true } | { granted: false; queued: true; ticket: number } | { granted: false; queued: false; retryAfterMs: number };

export interface Ticket {
  id: number;
  user: string;
  deadline: number;
}

export interface TickResult {
  granted: Ticket[];
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
  ask(user: string, deadline: number, now: number): Decision {
    this.prune(now);
    const ahead = this.ahead(user);
    const turn = this.turnAfter(ahead, now);
    if (turn > deadline) return { granted: false, queued: false, retryAfterMs: turn - now };
    if (ahead === 0 && turn <= now) {
      this.grants.push(now);
      return { granted: true };
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
      this.grants.push(now);
      out.granted.push(ticket);
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
      grants.push(t);
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

/** The answer to a request for a turn. */
export type Turn = { ok: true } | { ok: false; retryAfterSeconds: number };
