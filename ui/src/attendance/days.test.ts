import { describe, expect, it } from 'vitest';
import { isMonth, monthOf, shiftMonth, tally } from './days';

describe('the register’s month', () => {
  it('is written YYYY-MM and steps across years', () => {
    expect(monthOf(new Date(2026, 0, 31))).toBe('2026-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', 0)).toBe('2026-03');
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('nope')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});

describe('a child’s month', () => {
  it('counts each reason, and presence only on the days taken', () => {
    expect(tally(['ill', 'ill', null, null, 'vacation', null, 'absent'], [true, true, true, false, true, true, true])).toEqual({
      absent: 1,
      ill: 2,
      vacation: 1,
      excused: 0,
      present: 2,
    });
  });
});
