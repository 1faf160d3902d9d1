/**
 * Waiting for a turn: a PaceBook (./pacing.ts) with its waiters and one timer,
 * and the two ways a call reaches one: the UpstreamPacer Durable Object per
 * key (./pacer.ts) in the Worker, or this process's memory in the test tier.
 */
import { sha256Hex } from "../crypto";
import { LeaseHolder } from "./leases";
import { PaceBook, type PaceLimits, type Turn } from "./pacing";
import type { PaceLane, Pacer } from "./stores";

export interface Timers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * A PaceBook with its waiters: `turn` resolves when the ticket is served or
 * refused. One timer, set for the next moment anything can change.
 */
export class TurnTaker {
  private readonly waiters = new Map<number, (turn: Turn) => void>();
  private timer: unknown;
  private wakeAt = Number.POSITIVE_INFINITY;

  constructor(
    readonly book: PaceBook,
    private readonly timers: Timers = realTimers,
    /** Called with each recorded grant time (spare turns included), e.g. to persist it. */
    private readonly onGrant: (at: number) => void = () => {},
  ) {}

  /** `want`: how many turns the caller could use at once (one now, the rest as spare turns, if the budget has room). */
  turn(user: string, waitMs: number, want = 1): Promise<Turn> {
    const now = this.timers.now();
    const decision = this.book.ask(user, now + Math.max(0, waitMs), now, want);
    if (decision.granted) {
      for (const at of decision.at) this.onGrant(at);
      const spare = decision.at.length - 1;
      return Promise.resolve(spare > 0 ? { ok: true, spare } : { ok: true });
    }
    if (!decision.queued) return Promise.resolve(refusal(decision.retryAfterMs));
    const promise = new Promise<Turn>((resolve) => this.waiters.set(decision.ticket, resolve));
    this.schedule();
    return promise;
  }

  block(untilMs: number): void {
    this.book.block(untilMs);
  }

  private schedule(): void {
    const now = this.timers.now();
    const result = this.book.tick(now);
    for (const g of result.granted) {
      this.onGrant(g.at);
      this.settle(g.ticket.id, { ok: true });
    }
    for (const r of result.refused) this.settle(r.ticket.id, refusal(r.retryAfterMs));
    const wakeAt = result.wakeAt ?? Number.POSITIVE_INFINITY;
    if (wakeAt === this.wakeAt && this.timer !== undefined) return;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeAt = wakeAt;
    if (wakeAt === Number.POSITIVE_INFINITY) return;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        this.wakeAt = Number.POSITIVE_INFINITY;
        this.schedule();
      },
      Math.max(0, wakeAt - now),
    );
  }

  private settle(id: number, turn: Turn): void {
    const resolve = this.waiters.get(id);
    this.waiters.delete(id);
    resolve?.(turn);
  }
}

function refusal(retryAfterMs: number): Turn {
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

interface PacerStub {
  turn(user: string, waitMs: number, limits: PaceLimits, want: number): Promise<Turn>;
  hold(waitMs: number, limits: PaceLimits): Promise<void>;
}

const laneNames = new Map<string, Promise<string>>();

/** `pace:<upstream>:<sha-256 of the key>`: the object's name holds no key material. Hashed once per key and isolate. */
function laneName(lane: PaceLane): Promise<string> {
  const id = `${lane.upstream}\n${lane.key}`;
  let name = laneNames.get(id);
  if (!name) {
    name = sha256Hex(lane.key).then((hash) => `pace:${lane.upstream}:${hash}`);
    laneNames.set(id, name);
  }
  return name;
}

/** This isolate's spare turns, per lane name (they outlive a request, not the isolate). */
const isolateLeases = new Map<string, LeaseHolder>();

function holderOf(holders: Map<string, LeaseHolder>, name: string, now: () => number): LeaseHolder {
  let holder = holders.get(name);
  if (!holder) {
    holder = new LeaseHolder(now);
    holders.set(name, holder);
  }
  return holder;
}

/** The UpstreamPacer objects on this deployment's UPSTREAM_PACER namespace, through this isolate's leases. */
export function durablePacer(namespace: DurableObjectNamespace): Pacer {
  const of = (name: string) => namespace.get(namespace.idFromName(name)) as unknown as PacerStub;
  return {
    turn: async (lane, user, waitMs) => {
      const name = await laneName(lane);
      return holderOf(isolateLeases, name, Date.now).turn((want) => of(name).turn(user, waitMs, lane.limits, want));
    },
    hold: async (lane, waitMs) => {
      const name = await laneName(lane);
      holderOf(isolateLeases, name, Date.now).drop();
      await of(name).hold(waitMs, lane.limits);
    },
  };
}

/** The same pacer in this process's memory, for the in-process test tier. */
export function memoryPacer(timers?: Timers): Pacer {
  const lanes = new Map<string, TurnTaker>();
  const leases = new Map<string, LeaseHolder>();
  const of = async (lane: PaceLane): Promise<TurnTaker> => {
    const name = await laneName(lane);
    let taker = lanes.get(name);
    if (!taker) {
      taker = new TurnTaker(new PaceBook(lane.limits), timers);
      lanes.set(name, taker);
    } else taker.book.limits = lane.limits;
    return taker;
  };
  const now = () => timers?.now() ?? Date.now();
  return {
    turn: async (lane, user, waitMs) => {
      const taker = await of(lane);
      return holderOf(leases, await laneName(lane), now).turn((want) => taker.turn(user, waitMs, want));
    },
    hold: async (lane, waitMs) => {
      holderOf(leases, await laneName(lane), now).drop();
      (await of(lane)).block(now() + waitMs);
    },
  };
}
