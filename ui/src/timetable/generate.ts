// The generator runs on the server for the seconds asked; the page asks how it goes about twice a second
// while it runs, and reloads the timetable once it has stopped (finished, or stopped by the user with the
// best timetable so far kept). A failed question is asked again at the next tick: the server is busy, not gone.
import type { GenerationStatus } from '../api';
import type { Problem } from '../form/rules';
import type { Timers } from './checks';

export const POLL_MS = 500;
export const DEFAULT_SECONDS = 30;
/** The API clamps a run to 1…600 seconds (crates/api/src/timetable.rs). */
export const MAX_SECONDS = 600;

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Follow {
  status: () => Promise<GenerationStatus>;
  onstatus: (status: GenerationStatus) => void;
  /** The generator is not running (any more): reload what it left. */
  onstopped: (status: GenerationStatus) => void;
  onerror: (error: unknown) => void;
  interval?: number;
  timers?: Timers;
}

/** Asks every `interval` until the generator stops; returns the function that stops asking. */
export function followGeneration({ status, onstatus, onstopped, onerror, interval = POLL_MS, timers = realTimers }: Follow): () => void {
  let stopped = false;
  let timer: unknown = null;
  const next = () => {
    if (!stopped) timer = timers.set(tick, interval);
  };
  async function tick() {
    timer = null;
    try {
      const now = await status();
      if (stopped) return;
      onstatus(now);
      if (now.running) next();
      else onstopped(now);
    } catch (error) {
      if (stopped) return;
      onerror(error);
      next();
    }
  }
  next();
  return () => {
    stopped = true;
    if (timer !== null) timers.clear(timer);
  };
}

/** How far through the seconds asked, 0…1; null when the page did not start it and so does not know. */
export function progressOf(status: GenerationStatus, seconds: number | null): number | null {
  if (!seconds || seconds <= 0) return null;
  return Math.max(0, Math.min(1, status.elapsed_ms / (seconds * 1000)));
}

/** The seconds typed into the generate dialog: a whole number from 1 to MAX_SECONDS. */
export function secondsProblem(text: string): Problem | null {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > MAX_SECONDS) {
    return { id: 'tt-generate-seconds-invalid', args: { max: MAX_SECONDS } };
  }
  return null;
}
