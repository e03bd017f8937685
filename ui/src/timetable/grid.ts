// The timetable's grid as data, apart from the DOM so it can be tested: which lessons a view shows in which
// day × period cell (a view is one class, one teacher or one room), what each card says, and which lessons
// and cells a broken rule marks — hard (red) over soft (amber).
//
// A lesson is moved by its id. The unplaced lessons come as counts per class, subject and subgroup, with no
// id of their own, so placing one sends the class, subject and subgroup instead (TimetableMoved's second
// form): the contract names only `lesson_id`, and the API must agree to this before dragging an unplaced
// lesson in can work.
import type {
  Timetable,
  TimetableBy,
  TimetableClass,
  TimetableLesson,
  TimetableMoved,
  TimetableViolation,
  UnplacedLessons,
} from '../api';

export type Level = 'hard' | 'soft';

export const VIEWS: readonly TimetableBy[] = ['class', 'teacher', 'room'];

/** A day × period of the week. */
export interface Cell {
  day: number;
  period: number;
}

export const cellKey = (cell: Cell) => `${cell.day}-${cell.period}`;
export const sameCell = (a: Cell | null, b: Cell | null) => !!a && !!b && a.day === b.day && a.period === b.period;

/** What a view is of: a class, a teacher or a room. */
export interface Shown {
  by: TimetableBy;
  id: string;
}

export interface Entity {
  id: string;
  name: string;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The classes (in grade order), teachers or rooms a view can show. */
export function entities(tt: Timetable, by: TimetableBy): Entity[] {
  switch (by) {
    case 'class':
      return [...tt.classes]
        .sort((a, b) => a.grade - b.grade || byName(a, b))
        .map((c) => ({ id: c.class_id, name: c.name }));
    case 'teacher':
      return [...tt.teachers].sort(byName).map((t) => ({ id: t.teacher_id, name: t.name }));
    case 'room':
      return [...tt.rooms].sort(byName).map((r) => ({ id: r.room_id, name: r.name }));
  }
}

/** The view asked for when it exists, else the first of its kind, else the first class; null when empty. */
export function chooseShown(tt: Timetable, by: string | null, id: string | null): Shown | null {
  const kind = VIEWS.find((v) => v === by) ?? 'class';
  const list = entities(tt, kind);
  const found = list.find((e) => e.id === id) ?? list[0];
  if (found) return { by: kind, id: found.id };
  return kind === 'class' ? null : chooseShown(tt, 'class', null);
}

export function inView(lesson: TimetableLesson, shown: Shown): boolean {
  switch (shown.by) {
    case 'class':
      return lesson.class_id === shown.id;
    case 'teacher':
      return lesson.teacher_id === shown.id;
    case 'room':
      return lesson.room_id === shown.id;
  }
}

/** The names the cards are written with. */
export interface Names {
  classes: Map<string, TimetableClass>;
  teachers: Map<string, string>;
  rooms: Map<string, string>;
}

export function namesOf(tt: Timetable): Names {
  return {
    classes: new Map(tt.classes.map((c) => [c.class_id, c])),
    teachers: new Map(tt.teachers.map((t) => [t.teacher_id, t.name])),
    rooms: new Map(tt.rooms.map((r) => [r.room_id, r.name])),
  };
}

/**
 * The view's lessons by cell, each cell in a steady order: by class (a teacher or room with two is a clash
 * or a joint lesson), then subgroup, then subject. Lessons outside the week's days and periods are left out.
 */
export function placeLessons(tt: Timetable, shown: Shown, names: Names = namesOf(tt)): Map<string, TimetableLesson[]> {
  const days = new Set(tt.days);
  const periods = new Set(tt.periods.map((p) => p.period));
  const cells = new Map<string, TimetableLesson[]>();
  for (const lesson of tt.lessons) {
    if (!inView(lesson, shown) || !days.has(lesson.day) || !periods.has(lesson.period)) continue;
    const key = cellKey(lesson);
    const list = cells.get(key);
    if (list) list.push(lesson);
    else cells.set(key, [lesson]);
  }
  const classOrder = (l: TimetableLesson) => {
    const c = names.classes.get(l.class_id);
    return c ? `${String(c.grade).padStart(2, '0')} ${c.name}` : l.class_id;
  };
  for (const list of cells.values()) {
    list.sort(
      (a, b) =>
        classOrder(a).localeCompare(classOrder(b)) ||
        (a.subgroup ?? 0) - (b.subgroup ?? 0) ||
        a.subject_name.localeCompare(b.subject_name) ||
        a.id.localeCompare(b.id),
    );
  }
  return cells;
}

/** «Серікова Әйгерім Болатқызы» → «Серікова Ә. Б.»: a surname and initials, as a timetable prints a teacher. */
export function shortName(name: string): string {
  const [surname, ...rest] = name.trim().split(/\s+/);
  if (!surname) return '';
  return [surname, ...rest.map((part) => `${[...part][0]?.toUpperCase() ?? ''}.`)].join(' ');
}

/** A card's title and the lines under it: what the view does not already say. */
export function cardText(lesson: TimetableLesson, by: TimetableBy, names: Names): { title: string; details: string[] } {
  const klass = names.classes.get(lesson.class_id)?.name ?? '';
  const teacher = shortName(names.teachers.get(lesson.teacher_id) ?? '');
  const room = lesson.room_id ? (names.rooms.get(lesson.room_id) ?? '') : '';
  const details = by === 'class' ? [teacher, room] : by === 'teacher' ? [klass, room] : [klass, teacher];
  return { title: lesson.subject_name, details: details.filter(Boolean) };
}

/** The worse of the levels given; null when none. */
export function worst(levels: Iterable<Level | null | undefined>): Level | null {
  let out: Level | null = null;
  for (const level of levels) {
    if (level === 'hard') return 'hard';
    if (level === 'soft') out = 'soft';
  }
  return out;
}

/** Each lesson a broken rule names, at the worse level of the rules that name it. */
export function lessonLevels(violations: TimetableViolation[]): Map<string, Level> {
  const levels = new Map<string, Level>();
  for (const v of violations) {
    for (const id of v.lesson_ids) {
      if (v.hard || !levels.has(id)) levels.set(id, v.hard ? 'hard' : 'soft');
    }
  }
  return levels;
}

/** Each cell of the view with a marked lesson, at the worst level of its lessons. */
export function cellLevels(cells: Map<string, TimetableLesson[]>, levels: Map<string, Level>): Map<string, Level> {
  const out = new Map<string, Level>();
  for (const [key, lessons] of cells) {
    const level = worst(lessons.map((l) => levels.get(l.id)));
    if (level) out.set(key, level);
  }
  return out;
}

/** What a drop would do: break a hard rule, a soft one, or nothing. */
export function dropLevel(violations: TimetableViolation[]): Level | 'ok' {
  return worst(violations.map((v) => (v.hard ? 'hard' : 'soft'))) ?? 'ok';
}

/** The unplaced lessons a view lists: a class's or a teacher's own; a room has none of its own, so all. */
export function unplacedIn(tt: Timetable, shown: Shown | null): UnplacedLessons[] {
  if (!shown || shown.by === 'room') return tt.unplaced;
  return tt.unplaced.filter((u) => (shown.by === 'class' ? u.class_id : u.teacher_id) === shown.id);
}

/**
 * The days the view's teacher has no lessons on, to shade their columns; none in a class's or a room's view.
 * Days outside the week are left out.
 */
export function daysOffIn(tt: Timetable, shown: Shown | null): Set<number> {
  if (shown?.by !== 'teacher') return new Set();
  const week = new Set(tt.days);
  return new Set((tt.days_off ?? []).filter((d) => d.teacher_id === shown.id && week.has(d.day)).map((d) => d.day));
}

/** A lesson or unplaced lessons, carried to another cell. */
export type Carried = { lesson: TimetableLesson } | { unplaced: UnplacedLessons };

export function movedOf(carried: Carried): TimetableMoved {
  if ('lesson' in carried) return { lesson_id: carried.lesson.id };
  const { class_id, subject, subgroup } = carried.unplaced;
  return { class_id, subject, subgroup };
}

/** One key per thing carried, for the checks' cache. */
export function carriedKey(carried: Carried): string {
  if ('lesson' in carried) return carried.lesson.id;
  const { class_id, subject, subgroup } = carried.unplaced;
  return `unplaced:${class_id}:${subject}:${subgroup ?? ''}`;
}

/** Where a violation's first lesson is, to show it: its class's view and its cell. */
export function firstLesson(tt: Timetable, violation: TimetableViolation): TimetableLesson | null {
  for (const id of violation.lesson_ids) {
    const lesson = tt.lessons.find((l) => l.id === id);
    if (lesson) return lesson;
  }
  return null;
}
