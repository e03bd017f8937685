// Moving by keyboard, key by key: walking the grid through every card, picking a lesson up, choosing the
// target, dropping, putting back, and what a reader (no editing) may do.
import { describe, expect, it } from 'vitest';
import type { TimetableLesson, UnplacedLessons } from '../api';
import { cellKey, type Cell } from './grid';
import { carry, navigate, press, putBack, spotOf, type GridState, type Keys, type Layout } from './moving';

const lesson = (id: string, day: number, period: number): TimetableLesson => ({
  id,
  class_id: 'c5a',
  subject: 'mathematics',
  subject_name: 'Математика',
  subgroup: null,
  teacher_id: 't1',
  day,
  period,
  room_id: null,
  pinned: false,
});

// Monday: period 1 has two subgroups; period 2 is free; period 3 one lesson. Tuesday: period 2.
const lessons = [lesson('a', 1, 1), lesson('b', 1, 1), lesson('c', 1, 3), lesson('d', 2, 2)];
const layout: Layout = {
  days: [1, 2, 3, 4, 5],
  periods: [1, 2, 3, 4],
  lessons: (cell: Cell) => lessons.filter((l) => cellKey(l) === cellKey(cell)),
};

const k = (key: string, more: Partial<Keys> = {}): Keys => ({ key, ...more });
const idle = (day: number, period: number, index = 0): GridState => ({ spot: { day, period, index }, carrying: null });

/** Presses keys one after another from a state, as the grid forwards them. */
function keys(state: GridState, editable: boolean, ...presses: (string | Keys)[]) {
  const outcomes: string[] = [];
  for (const p of presses) {
    const result = press(state, typeof p === 'string' ? k(p) : p, layout, editable);
    state = result.state;
    outcomes.push(result.outcome);
  }
  return { state, outcomes };
}

describe('walking the grid', () => {
  it('goes down through a cell’s lessons before the next period, and up back through them', () => {
    const down = keys(idle(1, 1), true, 'ArrowDown', 'ArrowDown', 'ArrowDown');
    expect(down.state.spot).toEqual({ day: 1, period: 3, index: 0 });
    const walk = [];
    let state = idle(1, 1);
    for (let i = 0; i < 3; i++) {
      state = keys(state, true, 'ArrowDown').state;
      walk.push(`${cellKey(state.spot)}:${state.spot.index}`);
    }
    expect(walk).toEqual(['1-1:1', '1-2:0', '1-3:0']);
    // Up into a cell lands on its last lesson.
    expect(keys(idle(1, 2), true, 'ArrowUp').state.spot).toEqual({ day: 1, period: 1, index: 1 });
  });

  it('goes across by day and stops at the edges', () => {
    expect(keys(idle(1, 2), true, 'ArrowRight').state.spot).toEqual({ day: 2, period: 2, index: 0 });
    expect(keys(idle(1, 1), true, 'ArrowLeft', 'ArrowUp').state.spot).toEqual({ day: 1, period: 1, index: 0 });
    expect(keys(idle(5, 4), true, 'ArrowRight', 'ArrowDown').state.spot).toEqual({ day: 5, period: 4, index: 0 });
    // A second subgroup's card keeps its place across when it can.
    expect(keys(idle(1, 1, 1), true, 'ArrowRight').state.spot).toEqual({ day: 2, period: 1, index: 0 });
  });

  it('jumps with Home, End, PageUp and PageDown', () => {
    expect(keys(idle(3, 2), true, 'Home').state.spot).toMatchObject({ day: 1, period: 2 });
    expect(keys(idle(3, 2), true, 'End').state.spot).toMatchObject({ day: 5, period: 2 });
    expect(keys(idle(3, 2), true, k('End', { ctrl: true })).state.spot).toMatchObject({ day: 5, period: 4 });
    expect(keys(idle(3, 2), true, k('Home', { ctrl: true })).state.spot).toMatchObject({ day: 1, period: 1 });
    expect(keys(idle(3, 2), true, 'PageUp').state.spot).toMatchObject({ day: 3, period: 1 });
    expect(keys(idle(3, 2), true, 'PageDown').state.spot).toMatchObject({ day: 3, period: 4 });
  });

  it('leaves other keys to the browser', () => {
    expect(keys(idle(1, 1), true, 'Tab', 'x').outcomes).toEqual(['ignored', 'ignored']);
    expect(navigate(layout, { day: 1, period: 1, index: 0 }, k('Enter'))).toBeNull();
  });
});

describe('picking up and dropping', () => {
  it('picks up the focused lesson with Space or Enter, the target starting where it is', () => {
    for (const key of [' ', 'Enter']) {
      const { state, outcomes } = keys(idle(1, 1, 1), true, key);
      expect(outcomes).toEqual(['pick']);
      expect(state.carrying).toEqual({ carried: { lesson: lessons[1] }, from: { day: 1, period: 1 }, target: { day: 1, period: 1 } });
    }
  });

  it('moves the target, not the focus, while carrying; Enter drops it there', () => {
    const { state, outcomes } = keys(idle(1, 3), true, 'Enter', 'ArrowRight', 'ArrowUp', 'ArrowRight', 'Enter');
    expect(outcomes).toEqual(['pick', 'moved', 'moved', 'moved', 'drop']);
    expect(state.carrying?.target).toEqual({ day: 3, period: 2 });
    expect(state.carrying?.carried).toEqual({ lesson: lessons[2] });
    // The spot stays on the lesson until the page settles the move.
    expect(state.spot).toEqual({ day: 1, period: 3, index: 0 });
  });

  it('keeps the target inside the week', () => {
    const { state } = keys(idle(1, 1), true, 'Enter', 'ArrowLeft', 'ArrowUp', 'PageDown', 'End');
    expect(state.carrying?.target).toEqual({ day: 5, period: 4 });
  });

  it('puts back with Escape, the focus on the lesson it was', () => {
    const { state, outcomes } = keys(idle(1, 1, 1), true, 'Enter', 'ArrowDown', 'ArrowRight', 'Escape');
    expect(outcomes).toEqual(['pick', 'moved', 'moved', 'cancel']);
    expect(state).toEqual(idle(1, 1, 1));
  });

  it('drops on its own cell as a cancel: nothing to move', () => {
    const { state, outcomes } = keys(idle(2, 2), true, 'Enter', 'ArrowDown', 'ArrowUp', 'Enter');
    expect(outcomes).toEqual(['pick', 'moved', 'moved', 'cancel']);
    expect(state).toEqual(idle(2, 2));
  });

  it('puts back and lets the focus go on Tab', () => {
    const { state, outcomes } = keys(idle(2, 2), true, 'Enter', 'ArrowDown', 'Tab');
    expect(outcomes).toEqual(['pick', 'moved', 'ignored']);
    expect(state.carrying).toBeNull();
  });

  it('picks up nothing in an empty cell, with a modifier, or for a reader', () => {
    expect(keys(idle(1, 2), true, 'Enter').outcomes).toEqual(['ignored']);
    expect(keys(idle(1, 1), true, k('Enter', { ctrl: true })).outcomes).toEqual(['ignored']);
    const reader = keys(idle(1, 1), false, 'Enter', ' ', k('p', { code: 'KeyP' }), 'ArrowDown');
    expect(reader.outcomes).toEqual(['ignored', 'ignored', 'ignored', 'moved']);
    expect(reader.state.carrying).toBeNull();
  });

  it('pins the focused lesson with the P key on any layout', () => {
    expect(keys(idle(1, 1), true, k('з', { code: 'KeyP' })).outcomes).toEqual(['pin']);
    expect(keys(idle(1, 2), true, k('p', { code: 'KeyP' })).outcomes).toEqual(['ignored']);
  });
});

describe('carrying an unplaced lesson', () => {
  const unplaced: UnplacedLessons = { class_id: 'c5a', subject: 'music', subject_name: 'Музыка', subgroup: null, teacher_id: null, count: 1 };

  it('starts at the focused cell, comes from nowhere, and drops even there', () => {
    const start = carry(idle(2, 2), { unplaced });
    expect(start.carrying).toEqual({ carried: { unplaced }, from: null, target: { day: 2, period: 2 } });
    expect(press(start, k('Enter'), layout, true).outcome).toBe('drop');
  });

  it('is put back without moving the focus', () => {
    const start = carry(idle(2, 2), { unplaced });
    const moved = press(start, k('ArrowRight'), layout, true).state;
    expect(putBack(moved, layout)).toEqual(idle(2, 2));
  });

  it('finds a lesson’s spot in its new cell, the first when it is not there', () => {
    expect(spotOf(layout, { day: 1, period: 1 }, 'b')).toEqual({ day: 1, period: 1, index: 1 });
    expect(spotOf(layout, { day: 1, period: 1 }, 'zzz')).toEqual({ day: 1, period: 1, index: 0 });
  });
});
