/**
 * One isolate's spare turns for one key (see the lease rule in ./pacing.ts):
 * a call takes a spare turn when one is still valid, else asks the pacer for a
 * turn, wanting more spare ones the more it keeps asking. Spare turns go to
 * calls in arrival order; nobody waits here (a call without one asks the
 * pacer, where the queue is fair), and the pacer only leases when nobody waits there.
 */
import { LEASE_MS, MAX_LEASE, type Turn } from "./pacing";

export class LeaseHolder {
  /** When each spare turn stops being usable, on this isolate's clock. */
  private spare: number[] = [];
  private want = 1;
  /** Until when the last grant's lease runs: asking again before then means demand goes on. */
  private until = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  /** A turn: a spare one, or one from `ask(want)` (the pacer), keeping what it leases. */
  async turn(ask: (want: number) => Promise<Turn>): Promise<Turn> {
    const now = this.now();
    this.spare = this.spare.filter((end) => end >= now);
    if (this.spare.length > 0) {
      this.spare.shift();
      return { ok: true };
    }
    // 1, 2, 4 … MAX_LEASE while calls keep coming within a lease's lifetime; 1 again after a pause.
    this.want = now <= this.until ? Math.min(MAX_LEASE, this.want * 2) : 1;
    const turn = await ask(this.want);
    if (!turn.ok) return turn;
    // Counted from before the ask, so the lease ends here no later than where the pacer recorded it.
    const end = now + LEASE_MS;
    this.until = end;
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
