/**
 * One isolate's spare turns for one key (see the lease rule in ./pacing.ts):
 * a call takes a spare turn when one is still valid, else asks the pacer for a
 * turn, wanting more spare ones the more of them it used. Spare turns go to
 * calls in arrival order; nobody waits here (a call without one asks the
 * pacer, where the queue is fair), and the pacer only leases when nobody waits there.
 */
import { LEASE_MS, MAX_LEASE, type Turn } from "./pacing";

export class LeaseHolder {
  /** When each spare turn stops being usable, on this isolate's clock. */
  private spare: number[] = [];
  /** Turns used from the last grant (its own and its spare ones). */
  private used = 0;
  /** When the last grant's lease ends. */
  private until = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  /** A turn: a spare one, or one from `ask(want)` (the pacer), keeping what it leases. */
  async turn(ask: (want: number) => Promise<Turn>): Promise<Turn> {
    const now = this.now();
    this.spare = this.spare.filter((end) => end >= now);
    if (this.spare.length > 0) {
      this.spare.shift();
      this.used++;
      return { ok: true };
    }
    // Twice what the last lease served (1, 2, 4 … MAX_LEASE while all are used; about the rate
    // of calls per lease lifetime when some expire), and 1 again after a lease's lifetime without calls.
    const want = now > this.until + LEASE_MS ? 1 : Math.min(MAX_LEASE, Math.max(1, 2 * this.used));
    const turn = await ask(want);
    if (!turn.ok) return turn;
    // Counted from before the ask, so the lease ends here no later than where the pacer recorded it.
    const end = now + LEASE_MS;
    this.until = end;
    this.used = 1;
    for (let i = 0; i < (turn.spare ?? 0); i++) this.spare.push(end);
    this.spare.sort((a, b) => a - b);
    return { ok: true };
  }

  /** The upstream said to wait: spare turns are given up rather than spent into the hold. */
  drop(): void {
    this.spare = [];
    this.until = Number.NEGATIVE_INFINITY;
  }

  get spareTurns(): number {
    return this.spare.filter((end) => end >= this.now()).length;
  }
}
