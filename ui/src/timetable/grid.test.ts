// The timetable's grid model: which lessons each view places in which cell and in what order, what a card
// says, how broken rules mark lessons and cells, and how an unplaced lesson is named to the API.
import { describe, expect, it } from 'vitest';
import type { Timetable, TimetableLesson, TimetableViolation } from '../api';
import {
  cardText,
  carriedKey,
  cellKey,
  cellLevels,
  chooseShown,
  daysOffIn,
  dropLevel,
  entities,
  firstLesson,
  lessonLevels,
  movedOf,
  namesOf,
  placeLessons,
  shortName,
  unplacedIn,
  worst,
} from './grid';

const lesson = (id: string, over: Partial<TimetableLesson> = {}): TimetableLesson => ({
  id,
  class_id: 'c5a',
  subject: 'mathematics',
  subject_name: 'Математика',
  subgroup: null,
  teacher_id: 't1',
  day: 1,
  period: 1,
  room_id: 'r1',
  pinned: false,
  ...over,
});

const violation = (lesson_ids: string[], hard: boolean, code = 'timetable.teacher_clash'): TimetableViolation => ({
  code,
  hard,
  message: `${code} ${lesson_ids.join(',')}`,
  lesson_ids,
});

function timetable(over: Partial<Timetable> = {}): Timetable {
  return {
    year: '2025-2026',
    days: [1, 2, 3, 4, 5],
    periods: [1, 2, 3].map((period) => ({ period, starts: `0${7 + period}:30`, ends: `0${8 + period}:15` })),
    classes: [
      { class_id: 'c10b', name: '10Б', grade: 10 },
      { class_id: 'c5a', name: '5А', grade: 5 },
      { class_id: 'c5b', name: '5Б', grade: 5 },
    ],
    teachers: [
      { teacher_id: 't2', name: 'Ахметова Гүлнар Серікқызы' },
      { teacher_id: 't1', name: 'Серікова Әйгерім Болатқызы' },
    ],
    rooms: [
      { room_id: 'r2', name: '204', kind: 'ordinary' },
      { room_id: 'r1', name: '101', kind: 'ordinary' },
    ],
    lessons: [
      lesson('m1'),
      lesson('e2', { subject: 'english', subject_name: 'Ағылшын тілі', subgroup: 2, teacher_id: 't2', room_id: 'r2', day: 2, period: 3 }),
      lesson('e1', { subject: 'english', subject_name: 'Ағылшын тілі', subgroup: 1, teacher_id: 't1', room_id: null, day: 2, period: 3 }),
      lesson('b1', { class_id: 'c5b', day: 1, period: 1, room_id: 'r2' }),
      lesson('x1', { class_id: 'c10b', day: 6, period: 1 }),
      lesson('x2', { class_id: 'c10b', day: 1, period: 9 }),
    ],
    unplaced: [
      { class_id: 'c5a', subject: 'music', subject_name: 'Музыка', subgroup: null, teacher_id: 't2', count: 1 },
      { class_id: 'c5b', subject: 'english', subject_name: 'Ағылшын тілі', subgroup: 1, teacher_id: 't1', count: 2 },
    ],
    violations: [],
    soft_score: 0,
    days_off: [],
    can_edit: true,
    ...over,
  };
}

const ids = (cells: Map<string, TimetableLesson[]>) =>
  Object.fromEntries([...cells].map(([key, list]) => [key, list.map((l) => l.id)]));

describe('placing lessons by view', () => {
  it('shows a class its own lessons, subgroups side by side in order', () => {
    const tt = timetable();
    expect(ids(placeLessons(tt, { by: 'class', id: 'c5a' }))).toEqual({ '1-1': ['m1'], '2-3': ['e1', 'e2'] });
  });

  it('shows a teacher every class they teach, a clash as two lessons in one cell', () => {
    const tt = timetable();
    expect(ids(placeLessons(tt, { by: 'teacher', id: 't1' }))).toEqual({ '1-1': ['m1', 'b1'], '2-3': ['e1'] });
    expect(ids(placeLessons(tt, { by: 'teacher', id: 't2' }))).toEqual({ '2-3': ['e2'] });
  });

  it('shows a room the lessons held in it, and none without a room', () => {
    const tt = timetable();
    expect(ids(placeLessons(tt, { by: 'room', id: 'r2' }))).toEqual({ '1-1': ['b1'], '2-3': ['e2'] });
    expect(ids(placeLessons(tt, { by: 'room', id: 'r1' }))).toEqual({ '1-1': ['m1'] });
  });

  it('leaves out lessons outside the week’s days and periods', () => {
    expect(ids(placeLessons(timetable(), { by: 'class', id: 'c10b' }))).toEqual({});
  });

  it('lists classes in grade order, teachers and rooms by name', () => {
    const tt = timetable();
    expect(entities(tt, 'class').map((e) => e.name)).toEqual(['5А', '5Б', '10Б']);
    expect(entities(tt, 'teacher').map((e) => e.id)).toEqual(['t2', 't1']);
    expect(entities(tt, 'room').map((e) => e.name)).toEqual(['101', '204']);
  });

  it('opens the view asked for, or the first of its kind, or the first class', () => {
    const tt = timetable();
    expect(chooseShown(tt, 'teacher', 't1')).toEqual({ by: 'teacher', id: 't1' });
    expect(chooseShown(tt, 'teacher', 'gone')).toEqual({ by: 'teacher', id: 't2' });
    expect(chooseShown(tt, 'nonsense', null)).toEqual({ by: 'class', id: 'c5a' });
    expect(chooseShown(timetable({ rooms: [] }), 'room', null)).toEqual({ by: 'class', id: 'c5a' });
    expect(chooseShown(timetable({ classes: [], teachers: [], rooms: [] }), null, null)).toBeNull();
  });
});

describe('cards', () => {
  it('shortens a teacher to the surname and initials', () => {
    expect(shortName('Серікова Әйгерім Болатқызы')).toBe('Серікова Ә. Б.');
    expect(shortName('  Ахметов  ')).toBe('Ахметов');
    expect(shortName('')).toBe('');
  });

  it('says what the view does not: the teacher and room of a class, the class of a teacher', () => {
    const tt = timetable();
    const names = namesOf(tt);
    const [m1, e1] = [tt.lessons[0]!, tt.lessons[2]!];
    expect(cardText(m1, 'class', names)).toEqual({ title: 'Математика', details: ['Серікова Ә. Б.', '101'] });
    expect(cardText(m1, 'teacher', names)).toEqual({ title: 'Математика', details: ['5А', '101'] });
    expect(cardText(m1, 'room', names)).toEqual({ title: 'Математика', details: ['5А', 'Серікова Ә. Б.'] });
    // No room: nothing is said of it.
    expect(cardText(e1, 'class', names).details).toEqual(['Серікова Ә. Б.']);
  });
});

describe('marking broken rules', () => {
  it('marks each named lesson, hard over soft whatever the order', () => {
    const levels = lessonLevels([violation(['m1', 'e1'], false), violation(['m1', 'b1'], true), violation(['e1'], false)]);
    expect(Object.fromEntries(levels)).toEqual({ m1: 'hard', e1: 'soft', b1: 'hard' });
  });

  it('marks a cell of the view at the worst level of its lessons', () => {
    const tt = timetable();
    const levels = lessonLevels([violation(['b1'], true), violation(['e2'], false)]);
    expect(Object.fromEntries(cellLevels(placeLessons(tt, { by: 'class', id: 'c5a' }), levels))).toEqual({ '2-3': 'soft' });
    // The same clash, seen from the teacher who has both classes at once.
    expect(Object.fromEntries(cellLevels(placeLessons(tt, { by: 'teacher', id: 't1' }), levels))).toEqual({ '1-1': 'hard' });
  });

  it('says what a drop would do', () => {
    expect(dropLevel([])).toBe('ok');
    expect(dropLevel([violation(['m1'], false)])).toBe('soft');
    expect(dropLevel([violation(['m1'], false), violation(['m1'], true)])).toBe('hard');
    expect(worst([null, undefined])).toBeNull();
  });

  it('finds a violation’s first lesson that still exists, to show it', () => {
    const tt = timetable();
    expect(firstLesson(tt, violation(['gone', 'e2'], true))?.id).toBe('e2');
    expect(firstLesson(tt, violation([], true))).toBeNull();
  });
});

describe('unplaced lessons', () => {
  it('lists a class’s or a teacher’s own, and all of them for a room', () => {
    const tt = timetable();
    expect(unplacedIn(tt, { by: 'class', id: 'c5a' }).map((u) => u.subject)).toEqual(['music']);
    expect(unplacedIn(tt, { by: 'teacher', id: 't1' }).map((u) => u.class_id)).toEqual(['c5b']);
    expect(unplacedIn(tt, { by: 'room', id: 'r1' })).toHaveLength(2);
  });

  it('are named to the API by class, subject and subgroup; a lesson by its id', () => {
    const tt = timetable();
    const unplaced = tt.unplaced[1]!;
    expect(movedOf({ unplaced })).toEqual({ class_id: 'c5b', subject: 'english', subgroup: 1 });
    expect(movedOf({ lesson: tt.lessons[0]! })).toEqual({ lesson_id: 'm1' });
    expect(carriedKey({ unplaced })).toBe('unplaced:c5b:english:1');
    expect(carriedKey({ lesson: tt.lessons[0]! })).toBe('m1');
    expect(cellKey({ day: 3, period: 7 })).toBe('3-7');
  });
});

describe('days off', () => {
  it('are the view’s teacher’s own days within the week, and none outside a teacher’s view', () => {
    const tt = timetable({
      days_off: [
        { teacher_id: 't1', day: 3 },
        { teacher_id: 't1', day: 5 },
        { teacher_id: 't1', day: 6 },
        { teacher_id: 't2', day: 1 },
      ],
    });
    expect([...daysOffIn(tt, { by: 'teacher', id: 't1' })].sort()).toEqual([3, 5]);
    expect([...daysOffIn(tt, { by: 'teacher', id: 't2' })]).toEqual([1]);
    expect(daysOffIn(tt, { by: 'class', id: 'c5a' }).size).toBe(0);
    expect(daysOffIn(tt, { by: 'room', id: 'r1' }).size).toBe(0);
    expect(daysOffIn(tt, null).size).toBe(0);
    // An older answer without the list has none.
    expect(daysOffIn({ ...tt, days_off: undefined as unknown as [] }, { by: 'teacher', id: 't1' }).size).toBe(0);
  });
});
