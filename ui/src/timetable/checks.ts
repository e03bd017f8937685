// What a drop would break, asked of the API while a lesson is carried over the grid. A drag passes over many
// cells and the arrows can run across a row, so a cell is asked about only once the target has rested on it
// for a moment, and each answer is kept per thing carried and cell until the timetable changes. Answers to a
// question asked before a change are dropped.
import { SvelteMap } from 'svelte/reactivity';
import type { TimetableMove, TimetableViolation } from '../api';
import { carriedKey, cellKey, dropLevel, movedOf, type Carried, type Cell, type Level } from './grid';

export type Verdict =
  | { state: 'pending' }
  | { state: 'done'; level: Level | 'ok'; violations: TimetableViolation[] }
  | { state: 'failed'; error: unknown };

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class DropChecks {
  /** Reactive: a cell's mark follows its answer. */
  readonly #verdicts = new SvelteMap<string, Verdict>();
  readonly #asking = new Map<string, Promise<Verdict>>();
  readonly #ask: (move: TimetableMove) => Promise<{ violations: TimetableViolation[] }>;
  readonly #delay: number;
  readonly #timers: Timers;
  #timer: unknown = null;
  #generation = 0;

  constructor(
    ask: (move: TimetableMove) => Promise<{ violations: TimetableViolation[] }>,
    delay = 150,
    timers: Timers = realTimers,
  ) {
    this.#ask = ask;
    this.#delay = delay;
    this.#timers = timers;
  }

  static key(carried: Carried, cell: Cell): string {
    return `${carriedKey(carried)}@${cellKey(cell)}`;
  }

  verdict(carried: Carried, cell: Cell): Verdict | undefined {
    return this.#verdicts.get(DropChecks.key(carried, cell));
  }

  /** The target is now `cell`: ask about it once it stays there, unless it is known already. */
  want(carried: Carried, cell: Cell): void {
    this.#cancelTimer();
    const key = DropChecks.key(carried, cell);
    const known = this.#verdicts.get(key);
    if (known && known.state !== 'failed') return;
    this.#timer = this.#timers.set(() => {
      this.#timer = null;
      this.#run(key, carried, cell);
    }, this.#delay);
  }

  /** Asks now, without waiting (a drop on a cell not asked about yet). */
  async now(carried: Carried, cell: Cell): Promise<Verdict> {
    const key = DropChecks.key(carried, cell);
    const known = this.#verdicts.get(key);
    if (known?.state === 'done') return known;
    this.#cancelTimer();
    return this.#asking.get(key) ?? this.#run(key, carried, cell);
  }

  /** Stops waiting: nothing is carried any more. */
  idle(): void {
    this.#cancelTimer();
  }

  /** The timetable changed: every answer may be wrong now. */
  forget(): void {
    this.#cancelTimer();
    this.#generation += 1;
    this.#verdicts.clear();
    this.#asking.clear();
  }

  #cancelTimer() {
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
  }

  #run(key: string, carried: Carried, cell: Cell): Promise<Verdict> {
    const generation = this.#generation;
    this.#verdicts.set(key, { state: 'pending' });
    const asking = this.#ask({ ...movedOf(carried), day: cell.day, period: cell.period }).then(
      ({ violations }): Verdict => ({ state: 'done', level: dropLevel(violations), violations }),
      (error: unknown): Verdict => ({ state: 'failed', error }),
    );
    this.#asking.set(key, asking);
    return asking.then((verdict) => {
      if (generation === this.#generation) {
        this.#verdicts.set(key, verdict);
        this.#asking.delete(key);
      }
      return verdict;
    });
  }
}
