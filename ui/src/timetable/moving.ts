// Moving lessons by keyboard, as a pure state machine the grid forwards keys to. Idle, the arrows walk the
// grid: left and right by day, up and down through a cell's lessons and on to the next period, so every card
// is reached. Space or Enter on a lesson picks it up; the arrows then choose the target cell, Enter (or Space)
// drops it there, Escape puts it back. A mouse drag uses the same carrying state, so the target cell and its
// check look the same either way. What a drop sends, and whether a hard rule stops it, is the page's.
import type { TimetableLesson } from '../api';
import { sameCell, type Carried, type Cell } from './grid';

/** The focused place: a cell and which of its lessons (0 for an empty cell). */
export interface Spot extends Cell {
  index: number;
}

/** The grid as the keys see it: the week's days and periods and the lessons of each cell in view. */
export interface Layout {
  days: readonly number[];
  periods: readonly number[];
  lessons: (cell: Cell) => readonly TimetableLesson[];
}

export interface Carrying {
  carried: Carried;
  /** Where a placed lesson was picked up; null for an unplaced one. */
  from: Cell | null;
  target: Cell;
}

export interface GridState {
  spot: Spot;
  carrying: Carrying | null;
}

export interface Keys {
  key: string;
  code?: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
  meta?: boolean;
}

/**
 * `ignored`: not a key of the grid, the browser keeps it; `moved`: the focus or the target moved; `pick`:
 * a lesson was picked up; `drop`: drop it on the target (the state still carries it until the page settles
 * the move); `cancel`: put back; `pin`: pin or unpin the focused lesson (P).
 */
export type Outcome = 'ignored' | 'moved' | 'pick' | 'drop' | 'cancel' | 'pin';

const clampIndex = (i: number, length: number) => Math.max(0, Math.min(length - 1, i));

function shift(list: readonly number[], value: number, by: number): number {
  const at = list.indexOf(value);
  if (at < 0) return list[0] ?? value;
  return list[clampIndex(at + by, list.length)] ?? value;
}

/** The cell the arrows, Home/End and PageUp/PageDown lead to from `cell`; null for any other key. */
export function nextCell(layout: Layout, cell: Cell, keys: Keys): Cell | null {
  const { days, periods } = layout;
  const first = (list: readonly number[]) => list[0] ?? 0;
  const last = (list: readonly number[]) => list[list.length - 1] ?? 0;
  switch (keys.key) {
    case 'ArrowLeft':
      return { ...cell, day: shift(days, cell.day, -1) };
    case 'ArrowRight':
      return { ...cell, day: shift(days, cell.day, 1) };
    case 'ArrowUp':
      return { ...cell, period: shift(periods, cell.period, -1) };
    case 'ArrowDown':
      return { ...cell, period: shift(periods, cell.period, 1) };
    case 'Home':
      return keys.ctrl ? { day: first(days), period: first(periods) } : { ...cell, day: first(days) };
    case 'End':
      return keys.ctrl ? { day: last(days), period: last(periods) } : { ...cell, day: last(days) };
    case 'PageUp':
      return { ...cell, period: first(periods) };
    case 'PageDown':
      return { ...cell, period: last(periods) };
    default:
      return null;
  }
}

const count = (layout: Layout, cell: Cell) => layout.lessons(cell).length;

/** Where the focus goes from `spot`: up and down visit a cell's lessons one by one before leaving it. */
export function navigate(layout: Layout, spot: Spot, keys: Keys): Spot | null {
  if (keys.key === 'ArrowDown' && spot.index < count(layout, spot) - 1) return { ...spot, index: spot.index + 1 };
  if (keys.key === 'ArrowUp' && spot.index > 0) return { ...spot, index: spot.index - 1 };
  const cell = nextCell(layout, spot, keys);
  if (!cell) return null;
  if (sameCell(cell, spot)) return spot;
  const n = count(layout, cell);
  const index = keys.key === 'ArrowUp' ? n - 1 : Math.min(spot.index, n - 1);
  return { day: cell.day, period: cell.period, index: Math.max(0, index) };
}

/** The lesson at a spot, if any. */
export function lessonAt(layout: Layout, spot: Spot): TimetableLesson | null {
  return layout.lessons(spot)[spot.index] ?? null;
}

/** The spot of a lesson in a cell (after a move, to keep the focus on it), else the cell's first. */
export function spotOf(layout: Layout, cell: Cell, lessonId: string | null): Spot {
  const index = layout.lessons(cell).findIndex((l) => l.id === lessonId);
  return { day: cell.day, period: cell.period, index: Math.max(0, index) };
}

/** Picks up something from outside the grid (an unplaced lesson): the target starts at the focused cell. */
export function carry(state: GridState, carried: Carried, from: Cell | null = null): GridState {
  const target = from ?? { day: state.spot.day, period: state.spot.period };
  return { spot: state.spot, carrying: { carried, from, target } };
}

/** Puts back what is carried: the focus returns to the lesson where it was. */
export function putBack(state: GridState, layout: Layout): GridState {
  const carrying = state.carrying;
  if (!carrying) return state;
  const spot =
    carrying.from && 'lesson' in carrying.carried ? spotOf(layout, carrying.from, carrying.carried.lesson.id) : state.spot;
  return { spot, carrying: null };
}

export function press(state: GridState, keys: Keys, layout: Layout, editable: boolean): { state: GridState; outcome: Outcome } {
  const plain = !keys.ctrl && !keys.alt && !keys.meta;
  const { carrying } = state;
  if (carrying) {
    const target = nextCell(layout, carrying.target, keys);
    if (target) return { state: { ...state, carrying: { ...carrying, target } }, outcome: 'moved' };
    if ((keys.key === 'Enter' || keys.key === ' ') && plain) {
      // Dropped where it was: nothing to move.
      if (sameCell(carrying.from, carrying.target)) return { state: putBack(state, layout), outcome: 'cancel' };
      return { state, outcome: 'drop' };
    }
    if (keys.key === 'Escape') return { state: putBack(state, layout), outcome: 'cancel' };
    // Tab leaves the grid: what was carried is put back, and the browser moves the focus on.
    if (keys.key === 'Tab') return { state: putBack(state, layout), outcome: 'ignored' };
    return { state, outcome: 'ignored' };
  }
  const spot = navigate(layout, state.spot, keys);
  if (spot) return { state: { spot, carrying: null }, outcome: 'moved' };
  const lesson = lessonAt(layout, state.spot);
  if (!editable || !lesson || !plain) return { state, outcome: 'ignored' };
  if (keys.key === 'Enter' || keys.key === ' ') {
    const from = { day: state.spot.day, period: state.spot.period };
    return { state: carry(state, { lesson }, from), outcome: 'pick' };
  }
  // By the key's place, not its letter: P is З on a Russian layout.
  if (keys.code === 'KeyP' && !keys.shift) return { state, outcome: 'pin' };
  return { state, outcome: 'ignored' };
}
