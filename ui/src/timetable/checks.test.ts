// The checks of a drop: asked once the target rests, kept per thing carried and cell, asked again after a
// change of the timetable, and a late answer to an old question dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimetableLesson, TimetableMove, TimetableViolation } from '../api';
import { DropChecks } from './checks';

const lesson: TimetableLesson = {
  id: 'm1',
  class_id: 'c5a',
  subject: 'mathematics',
  subject_name: 'Математика',
  subgroup: null,
  teacher_id: 't1',
  day: 1,
  period: 1,
  room_id: null,
  pinned: false,
};
const clash: TimetableViolation = { code: 'timetable.teacher_clash', hard: true, message: 'Мұғалім бос емес', lesson_ids: ['m1', 'x'] };
const gap: TimetableViolation = { code: 'timetable.teacher_gap', hard: false, message: 'Терезе', lesson_ids: ['m1'] };

function open() {
  const asked: TimetableMove[] = [];
  const answers: ((violations: TimetableViolation[] | Error) => void)[] = [];
  const checks = new DropChecks(
    (move) =>
      new Promise((resolve, reject) => {
        asked.push(move);
        answers.push((v) => (v instanceof Error ? reject(v) : resolve({ violations: v })));
      }),
    150,
  );
  return { checks, asked, answers };
}

const carried = { lesson };
const at = (day: number, period: number) => ({ day, period });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('checking a drop', () => {
  it('asks only about the cell the target rests on', async () => {
    const { checks, asked, answers } = open();
    checks.want(carried, at(2, 1));
    vi.advanceTimersByTime(100);
    checks.want(carried, at(3, 1));
    vi.advanceTimersByTime(100);
    checks.want(carried, at(3, 2));
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(asked).toEqual([{ lesson_id: 'm1', day: 3, period: 2 }]);
    expect(checks.verdict(carried, at(3, 2))).toEqual({ state: 'pending' });
    answers[0]!([clash, gap]);
    await vi.waitFor(() => expect(checks.verdict(carried, at(3, 2))).toEqual({ state: 'done', level: 'hard', violations: [clash, gap] }));
    expect(checks.verdict(carried, at(3, 1))).toBeUndefined();
  });

  it('keeps an answer: coming back to a cell asks nothing', async () => {
    const { checks, asked, answers } = open();
    checks.want(carried, at(2, 1));
    vi.advanceTimersByTime(150);
    answers[0]!([gap]);
    await vi.waitFor(() => expect(checks.verdict(carried, at(2, 1))).toMatchObject({ level: 'soft' }));
    checks.want(carried, at(2, 1));
    vi.advanceTimersByTime(500);
    expect(asked).toHaveLength(1);
  });

  it('keeps answers apart per thing carried', () => {
    const { checks, asked } = open();
    const unplaced = { unplaced: { class_id: 'c5a', subject: 'music', subject_name: 'Музыка', subgroup: null, teacher_id: null, count: 1 } };
    checks.want(carried, at(2, 1));
    vi.advanceTimersByTime(150);
    checks.want(unplaced, at(2, 1));
    vi.advanceTimersByTime(150);
    expect(asked).toEqual([
      { lesson_id: 'm1', day: 2, period: 1 },
      { class_id: 'c5a', subject: 'music', subgroup: null, day: 2, period: 1 },
    ]);
  });

  it('forgets every answer when the timetable changes, and drops a late one', async () => {
    const { checks, asked, answers } = open();
    checks.want(carried, at(2, 1));
    vi.advanceTimersByTime(150);
    checks.forget();
    answers[0]!([clash]);
    await Promise.resolve();
    await Promise.resolve();
    expect(checks.verdict(carried, at(2, 1))).toBeUndefined();
    checks.want(carried, at(2, 1));
    vi.advanceTimersByTime(150);
    expect(asked).toHaveLength(2);
  });

  it('stops waiting when nothing is carried', () => {
    const { checks, asked } = open();
    checks.want(carried, at(2, 1));
    checks.idle();
    vi.advanceTimersByTime(1000);
    expect(asked).toEqual([]);
  });

  it('asks again after a failure, and at once when dropped on a cell not asked about', async () => {
    const { checks, asked, answers } = open();
    const first = checks.now(carried, at(4, 1));
    const same = checks.now(carried, at(4, 1));
    expect(asked).toHaveLength(1);
    answers[0]!(new Error('offline'));
    expect((await first).state).toBe('failed');
    expect(await same).toEqual(await first);
    checks.want(carried, at(4, 1));
    vi.advanceTimersByTime(150);
    expect(asked).toHaveLength(2);
    answers[1]!([]);
    await vi.waitFor(() => expect(checks.verdict(carried, at(4, 1))).toEqual({ state: 'done', level: 'ok', violations: [] }));
  });
});
