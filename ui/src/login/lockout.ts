// The wait after too many failed logins (`auth.locked`, with `retry_after_seconds`). The login form counts
// it down and offers the button again when it is over; the API still decides.
import type { ApiError } from '../api';

/** The moment, in ms since the epoch, a lockout ends; null when the error is not a lockout. */
export function lockedUntil(error: ApiError, now: number): number | null {
  if (error.code !== 'auth.locked') return null;
  const seconds = Number(error.details.retry_after_seconds);
  // The API always sends the wait; if a proxy lost it, one minute is a fair guess.
  return now + (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

/** Whole minutes left, rounded up, so "1 minute" shows until the very end. */
export function minutesLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 60_000));
}
