/**
 * Upstream pacing with an injected clock: the budget's windows exactly, the
 * round-robin between users, refusals with their retry_after_seconds, the
 * leases (headroom, growth, expiry, never over budget across isolates), the
 * client's turn before every attempt and its 429 report, and the settings.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseConfig } from "../../src/config";
import { LeaseHolder } from "../../src/policy/leases";
import { ARRIVAL_MARGIN_MS, earliestTurn, LEASE_MS, MAX_LEASE, PaceBook, type PaceLimits, SLACK_MS } from "../../src/policy/pacing";
import { parseRateLimit } from "../../src/policy/settings";
import { memoryPacer, type Timers, TurnTaker } from "../../src/policy/turns";
import { type ClientDeps, UpstreamClient } from "../../src/upstream/client";
import { ToolError } from "../../src/upstream/errors";
import { UPSTREAMS } from "../../src/upstream/hosts";

// Every window is counted this much wider: the arrival margin and a lease's lifetime.
const M = SLACK_MS;

/** Virtual time: timers fire in order as the clock is advanced. */
function virtualClock(start = 1_000_000) {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const flush = () => new Promise<void>((r) => setImmediate(r));
  const timersApi: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void timers.delete(h as number),
  };
  return {
    ...timersApi,
    timers: timersApi,
    start,
    async advance(ms: number) {
      const end = now + ms;
      await flush();
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await flush();
      }
      now = end;
      await flush();
    },
  };
}

/** Most grants in any window of `ms` (nominal length, no margin). */
function busiest(grants: readonly number[], ms: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < grants.length; hi++) {
    while (grants[hi]! - grants[lo]! >= ms) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Continuous demand from one user for `seconds`: every grant's time. */
async function saturate(limits: PaceLimits, seconds: number): Promise<number[]> {
  const clock = virtualClock(0);
  const granted: number[] = [];
  const taker = new TurnTaker(new PaceBook(limits), clock.timers, (at) => granted.push(at));
  const end = seconds * 1000;
  // Enough waiters that one is always queued; each may wait the whole run.
  const pending = Array.from({ length: limits.perHour + 5 }, () => taker.turn("u", end - clock.now()));
  await clock.advance(end);
  await clock.advance(end);
  await Promise.all(pending);
  return granted.filter((t) => t <= end);
}

describe("bucket math", () => {
  test("the burst, minute and hour windows each admit exactly their limit", () => {
    const limits = { perSecond: 10, perMinute: 60, perHour: 1000 };
    assert.equal(earliestTurn([], limits, 0, 5), 5);
    const ten = Array.from({ length: 10 }, (_, i) => i);
    // The 11th waits until the first of the ten is a second (plus the margin) old.
    assert.equal(earliestTurn(ten, limits, 0, 20), 0 + 1000 + M);
    assert.equal(earliestTurn(ten.slice(1), limits, 0, 20), 20);
    const sixty = Array.from({ length: 60 }, (_, i) => i * 200);
    assert.equal(earliestTurn(sixty, limits, 0, 12_000), 60_000 + M);
    const thousand = Array.from({ length: 1000 }, (_, i) => i * 3000);
    assert.equal(earliestTurn(thousand, limits, 0, 3_000_000), 3_600_000 + M);
    assert.equal(earliestTurn([], limits, 7000, 5), 7000, "a hold from a 429 comes first");
  });

  test("under continuous demand: never more than a limit in any window, and the budget used in full", async () => {
    const limits = { perSecond: 5, perMinute: 20, perHour: 1000 };
    const grants = await saturate(limits, 180);
    assert.ok(busiest(grants, 1000) <= 5);
    assert.ok(busiest(grants, 60_000) <= 20);
    // 20 at once-per-burst from t=0, 20 more once the first leaves the minute window, and so on.
    assert.deepEqual(grants.slice(0, 6), [0, 0, 0, 0, 0, 1000 + M]);
    assert.equal(grants[20], 60_000 + M);
    assert.equal(grants.length, 60, "three minutes hold three minute budgets");
  });

  test("the hour window", async () => {
    const grants = await saturate({ perSecond: 1, perMinute: 2, perHour: 3 }, 4000);
    // Each new turn waits for the grant three back to leave the hour (and the minute, and the second).
    assert.deepEqual(grants, [0, 1000 + M, 60_000 + M, 3_600_000 + M, 3_600_000 + 1000 + 2 * M, 3_600_000 + 60_000 + 2 * M]);
  });
});

describe("fair shares", () => {
  test("waiting users are served round-robin, first come first served within a user", async () => {
    const clock = virtualClock();
    const order: string[] = [];
    const taker = new TurnTaker(new PaceBook({ perSecond: 1, perMinute: 60, perHour: 1000 }), clock.timers);
    const ask = (user: string, n: number) => Array.from({ length: n }, (_, i) => taker.turn(user, 60_000).then((t) => t.ok && order.push(`${user}${i}`)));
    const busy = ask("a", 6);
    const other = ask("b", 2);
    const third = ask("c", 1);
    await clock.advance(15_000);
    await Promise.all([...busy, ...other, ...third]);
    assert.deepEqual(order, ["a0", "a1", "b0", "c0", "a2", "b1", "a3", "a4", "a5"]);
  });

  test("a ticket that fairness pushes past its deadline is refused then, with when to try again", async () => {
    const clock = virtualClock();
    const taker = new TurnTaker(new PaceBook({ perSecond: 1, perMinute: 60, perHour: 1000 }), clock.timers);
    assert.deepEqual(await taker.turn("a", 0), { ok: true });
    const a1 = taker.turn("a", 2000); // its turn: 1.75 s (a second and the slack)
    const a2 = taker.turn("a", 4000); // 3.5 s, within 4 s when it asked
    const b = taker.turn("b", 8000); // b goes before a's second waiter: 3.5 s, and a2 moves to 5.25 s
    await clock.advance(8000);
    assert.deepEqual(await a1, { ok: true });
    assert.deepEqual(await b, { ok: true });
    const refused = await a2;
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.retryAfterSeconds >= 1);
  });
});

describe("leases", () => {
  test("spare turns only while every window stays at or below half its limit, recorded at the lease's end", () => {
    const book = new PaceBook({ perSecond: 10, perMinute: 600, perHour: 10_000 });
    // Half the burst is 5: the turn and 4 spare ones.
    assert.deepEqual((book.ask("a", 2000, 1000, MAX_LEASE) as { at: number[] }).at, [1000, ...Array(4).fill(1000 + LEASE_MS)]);
    assert.deepEqual(book.ask("b", 2000, 1001, MAX_LEASE), { granted: true, at: [1000 + LEASE_MS] }, "no spare once at half; kept in order");
    const tight = new PaceBook({ perSecond: 10, perMinute: 4, perHour: 1000 });
    assert.equal((tight.ask("a", 2000, 0, 16) as { at: number[] }).at.length, 2, "half the minute's 4, and never more than MAX_LEASE");
    const waiting = new PaceBook({ perSecond: 1, perMinute: 60, perHour: 1000 });
    waiting.ask("a", 10_000, 0);
    assert.equal(waiting.ask("b", 10_000, 0, 8).granted, false, "queued, never leased");
  });

  test("an isolate leases 1, 2, 4 … 8 while it uses them, twice what it used otherwise, 1 after a pause; unspent turns expire", async () => {
    const clock = virtualClock();
    const taker = new TurnTaker(new PaceBook({ perSecond: 100, perMinute: 6000, perHour: 100_000 }), clock.timers);
    const holder = new LeaseHolder(clock.now);
    const wants: number[] = [];
    const take = () =>
      holder.turn((want) => {
        wants.push(want);
        return taker.turn("u", 1000, want);
      });
    for (let i = 0; i < 1 + 2 + 4 + 8 + 8; i++) {
      assert.deepEqual(await take(), { ok: true });
      await clock.advance(5);
    }
    assert.deepEqual(wants, [1, 2, 4, 8, 8]);
    await take(); // a lease of 8: 7 spare
    assert.equal(holder.spareTurns, 7);
    await clock.advance(LEASE_MS);
    assert.equal(holder.spareTurns, 7, "usable through the lease's last millisecond");
    await take();
    await clock.advance(1);
    assert.equal(holder.spareTurns, 0, "then gone");
    await take();
    assert.deepEqual(wants.slice(-2), [8, 4], "a lease used for 2 turns: the next asks for twice that");
    await clock.advance(2 * LEASE_MS + 1);
    await take();
    assert.deepEqual(wants.slice(-1), [1], "after a lease's lifetime without calls it starts over at one");
  });

  test("a lease as old grants leave the nominal window: its turns, spent at once, still count with them", async () => {
    const clock = virtualClock(0);
    const limits = { perSecond: 6, perMinute: 1000, perHour: 10_000 };
    const taker = new TurnTaker(new PaceBook(limits), clock.timers);
    const used: number[] = [];
    const take = async (want: number) => {
      const t = await taker.turn("x", 0, want);
      if (t.ok) for (let i = 0; i <= (t.spare ?? 0); i++) used.push(clock.now());
    };
    for (let i = 0; i < 3; i++) await take(1);
    // Records of the turns at 0 sit within W + slack of this lease's end, so they still count against it.
    await clock.advance(1000 + ARRIVAL_MARGIN_MS - LEASE_MS / 2);
    await take(MAX_LEASE);
    for (let i = 0; i < 6; i++) await take(1);
    assert.ok(busiest(used, 1000 + ARRIVAL_MARGIN_MS) <= limits.perSecond, used.join(","));
    assert.equal(used.length, 6, "and the burst is used in full");
  });

  test("never over budget: many isolates leasing at once, spare turns spent at once or at their latest, in any window of the upstream", async () => {
    for (const [seed, limits] of [
      [1, { perSecond: 6, perMinute: 40, perHour: 150 }],
      [2, { perSecond: 10, perMinute: 100, perHour: 400 }],
      [3, { perSecond: 20, perMinute: 60, perHour: 1000 }],
    ] as const) {
      const clock = virtualClock(0);
      const taker = new TurnTaker(new PaceBook(limits), clock.timers);
      const isolates = Array.from({ length: 6 }, () => new LeaseHolder(clock.now));
      let rand = seed;
      const random = () => {
        rand = (rand * 1_103_515_245 + 12_345) % 2 ** 31;
        return rand / 2 ** 31;
      };
      const used: number[] = [];
      let leased = 0;
      const pending: Promise<unknown>[] = [];
      const END = 20 * 60_000;
      // Bursts on a grid of half a lease (so spare turns are spent right at their end), a few ms of jitter.
      for (let i = 0; i < 3000; i++) {
        const at = Math.floor(random() * (END / (LEASE_MS / 2))) * (LEASE_MS / 2) + (random() < 0.5 ? 0 : Math.floor(random() * 3));
        const isolate = isolates[Math.floor(random() * isolates.length)]!;
        const user = `u${Math.floor(random() * 4)}`;
        // Bursts of calls from one isolate at one instant: the later ones spend the first one's lease at once.
        for (let b = 1 + Math.floor(random() * 4); b > 0; b--)
          clock.setTimeout(() => {
            const turn = isolate.turn(async (want) => {
              const t = await taker.turn(user, Math.floor(random() * 3000), want);
              if (t.ok) leased += t.spare ?? 0;
              return t;
            });
            pending.push(turn.then((t) => t.ok && used.push(clock.now())));
          }, at);
      }
      await clock.advance(END + 10_000);
      await Promise.all(pending);
      used.sort((a, b) => a - b);
      // A request sent at its use arrives up to the margin later: any upstream window of W sees at most the uses in W + margin.
      for (const [ms, limit] of [
        [1000, limits.perSecond],
        [60_000, limits.perMinute],
        [3_600_000, limits.perHour],
      ] as const)
        assert.ok(busiest(used, ms + ARRIVAL_MARGIN_MS) <= limit, `seed ${seed}: ${busiest(used, ms + ARRIVAL_MARGIN_MS)} > ${limit} in ${ms} ms`);
      assert.ok(leased > 0, `seed ${seed}: some turns were leased`);
      assert.ok(used.length >= limits.perHour * 0.9, `seed ${seed}: the budget was used (${used.length} of ${limits.perHour})`);
    }
  });
});

describe("refusals", () => {
  test("a turn past the deadline is refused at once with retry_after_seconds", async () => {
    const clock = virtualClock();
    const taker = new TurnTaker(new PaceBook({ perSecond: 1, perMinute: 60, perHour: 1000 }), clock.timers);
    assert.deepEqual(await taker.turn("a", 10_000), { ok: true });
    // The next turn is 1.75 s away (a second and the slack): past 0.5 s, so refused now, and 2 s (rounded up) to wait.
    assert.deepEqual(await taker.turn("b", 500), { ok: false, retryAfterSeconds: 2 });
    // Queued behind three others (each 1.75 s apart): the 4th turn is 7 s away.
    const queued = [taker.turn("a", 60_000), taker.turn("c", 60_000), taker.turn("d", 60_000)];
    assert.deepEqual(await taker.turn("e", 6000), { ok: false, retryAfterSeconds: 7 });
    await clock.advance(6000);
    assert.deepEqual(await Promise.all(queued), [{ ok: true }, { ok: true }, { ok: true }]);
    assert.equal(taker.book.waiting, 0);
  });
});

describe("the client takes a turn before every attempt", () => {
  const config = (timeoutMs: number, limit = "60/1000/1") =>
    parseConfig({ SMARTLEAD_API_KEY: "sl_unit_key_654321", UPSTREAM_TIMEOUT_MS: String(timeoutMs), SMARTLEAD_RATE_LIMIT: limit } as never);

  function harness(replies: (() => Response)[]) {
    const clock = virtualClock();
    const pacer = memoryPacer(clock.timers);
    let calls = 0;
    const deps: ClientDeps = {
      now: clock.now,
      // A sleep ends when the test moves the clock past it.
      sleep: (ms) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms)),
      random: () => 0.5,
      fetch: async () => replies[Math.min(calls++, replies.length - 1)]!(),
    };
    return { clock, pacer, deps, calls: () => calls };
  }
  const ok = () => new Response('{"ok":true}', { status: 200, headers: { "content-type": "application/json" } });
  const request = { base: "smartlead", method: "GET", path: "/campaigns" } as const;
  const READ = { retryable: true, hasSideEffects: false };

  test("refused with rate_limited and retry_after_seconds when the turn is past the deadline; nothing sent", async () => {
    const h = harness([ok]);
    await new UpstreamClient(config(500), READ, h.deps, { pacer: h.pacer, user: "alice" }).request(request);
    const err = await new UpstreamClient(config(500), READ, h.deps, { pacer: h.pacer, user: "bob" }).request(request).catch((e: unknown) => e);
    assert.ok(err instanceof ToolError);
    assert.equal(err.code, "rate_limited");
    assert.equal(err.details.retry_after_seconds, 2);
    assert.match(err.message, /try again in 2 s/);
    assert.equal(h.calls(), 1);
  });

  test("waits for its turn within the deadline", async () => {
    const h = harness([ok]);
    await new UpstreamClient(config(5000), READ, h.deps, { pacer: h.pacer, user: "alice" }).request(request);
    const second = new UpstreamClient(config(5000), READ, h.deps, { pacer: h.pacer, user: "alice" }).request(request);
    await h.clock.advance(1000 + M - 1);
    assert.equal(h.calls(), 1, "not before its turn");
    await h.clock.advance(1);
    assert.equal((await second).status, 200);
    assert.equal(h.calls(), 2);
  });

  test("a 429 holds every user of the key until Retry-After, and the retry takes a turn too", async () => {
    const h = harness([() => new Response("{}", { status: 429, headers: { "retry-after": "3" } }), ok]);
    const first = new UpstreamClient(config(10_000, "600/10000/100"), READ, h.deps, { pacer: h.pacer, user: "alice" }).request(request);
    await h.clock.advance(0);
    // While alice's call sleeps off the 429, bob cannot go before the hold ends (3 s).
    const bob = await new UpstreamClient(config(1000, "600/10000/100"), READ, h.deps, { pacer: h.pacer, user: "bob" }).request(request).catch((e) => e);
    assert.ok(bob instanceof ToolError && bob.code === "rate_limited");
    assert.equal(bob.details.retry_after_seconds, 3);
    await h.clock.advance(3000);
    assert.equal((await first).attempts, 2);
  });

  test("off: no turn is asked", async () => {
    const h = harness([ok]);
    const paced = { pacer: h.pacer, user: "alice" };
    for (let i = 0; i < 5; i++) await new UpstreamClient(config(100, "off"), READ, h.deps, paced).request(request);
    assert.equal(h.calls(), 5);
  });
});

describe("settings", () => {
  const tiers = UPSTREAMS.smartlead.rateLimits.tiers;
  test("tiers, custom limits, off and the defaults", () => {
    assert.deepEqual(parseRateLimit("SMARTLEAD_RATE_LIMIT", undefined, tiers, "standard"), { perSecond: 10, perMinute: 60, perHour: 1000 });
    assert.deepEqual(parseRateLimit("SMARTLEAD_RATE_LIMIT", " Pro ", tiers, "standard"), { perSecond: 20, perMinute: 120, perHour: 3000 });
    assert.deepEqual(parseRateLimit("SMARTLEAD_RATE_LIMIT", "90/2000/15", tiers, "standard"), { perSecond: 15, perMinute: 90, perHour: 2000 });
    assert.equal(parseRateLimit("SMARTLEAD_RATE_LIMIT", "off", tiers, "standard"), undefined);
    assert.equal(parseRateLimit("LEADMAGIC_RATE_LIMIT", "", {}, "off"), undefined);
    const config = parseConfig({ SMARTLEAD_API_KEY: "k", LEADMAGIC_API_KEY: "l" } as never);
    assert.deepEqual(config.pacing, { smartlead: { perSecond: 10, perMinute: 60, perHour: 1000 }, leadmagic: undefined });
  });

  test("bad values are refused at startup, naming the setting", () => {
    for (const bad of ["fast", "60/1000", "0/10/1", "60/30/10", "60/1000/61", "10/100/0", "1000/200000/10", "-1/10/1", "1.5/10/1"]) {
      assert.throws(() => parseConfig({ SMARTLEAD_RATE_LIMIT: bad } as never), /SMARTLEAD_RATE_LIMIT/, bad);
    }
    assert.throws(() => parseConfig({ LEADMAGIC_RATE_LIMIT: "standard" } as never), /LEADMAGIC_RATE_LIMIT must be one of off/);
  });
});
