// The kindergarten's month: which month a register shows and the one beside it, and a child's month in
// numbers — days absent for each reason, and days present among the days whose register was taken (a day
// nobody took says nothing about who came).
import type { ChildAttendance } from '../api';

/** `2026-11` of a date, in local time. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** `2026-01` shifted by `by` months: -1 → `2025-12`. */
export function shiftMonth(month: string, by: number): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return monthOf(new Date(year, number - 1 + by, 1));
}

export function isMonth(value: string | null): value is string {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export type ChildTotals = Record<ChildAttendance | 'present', number>;

/** A child's month from their codes by day and which days were taken. */
export function tally(codes: (ChildAttendance | null)[], taken: boolean[]): ChildTotals {
  const totals: ChildTotals = { absent: 0, ill: 0, vacation: 0, excused: 0, present: 0 };
  codes.forEach((code, day) => {
    if (code !== null) totals[code]++;
    else if (taken[day]) totals.present++;
  });
  return totals;
}
