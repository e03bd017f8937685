// The lessons of a register as columns: the scores each takes, where the focus opens (the latest lesson
// held so far), where a new lesson goes, and the checks the add-lesson form makes before the API makes them
// again (it also knows the quarter's limits on СОр/СОч, which this does not repeat).
import type { Lesson, LessonKind, Term } from '../api';
import type { Problem } from '../form/rules';
import type { Scale } from './grid';
import type { RegisterColumn } from './register.svelte';

/** Formative marks 1–10 (order 125); СОр and СОч are points out of the lesson's max. */
export function scaleOf(lesson: Lesson, graded: boolean): Scale | null {
  if (!graded) return null;
  return lesson.kind === 'ordinary' ? { min: 1, max: 10 } : { min: 0, max: lesson.max_score ?? 0 };
}

export function columnsOf(lessons: Lesson[], graded: boolean): RegisterColumn[] {
  return lessons.map((lesson) => ({ id: lesson.id, scale: scaleOf(lesson, graded), taken: lesson.taken }));
}

/** The column a register opens on: the latest of its (ordered) dates up to today, else the first. */
export function startColumn(dates: string[], today: string): number {
  let at = 0;
  dates.forEach((date, i) => {
    if (date <= today) at = i;
  });
  return at;
}

const order = (a: Lesson, b: Lesson) => a.date.localeCompare(b.date) || a.period - b.period;

/** The lessons with one added or replaced, in the order of the register: by date, then period. */
export function withLesson(lessons: Lesson[], lesson: Lesson): Lesson[] {
  return [...lessons.filter((l) => l.id !== lesson.id), lesson].sort(order);
}

/** The day a new lesson defaults to: today inside the term, else the term's nearer end. */
export function defaultDate(term: Term, today: string): string {
  if (today < term.starts) return term.starts;
  if (today > term.ends) return term.ends;
  return today;
}

/** The first period of that day no lesson of this register holds. */
export function freePeriod(lessons: Lesson[], date: string): number {
  const held = new Set(lessons.filter((l) => l.date === date).map((l) => l.period));
  let period = 1;
  while (held.has(period) && period < 12) period++;
  return period;
}

export interface LessonDraft {
  date: string;
  period: string;
  kind: LessonKind;
  maxScore: string;
}

export interface LessonProblems {
  date: Problem | null;
  period: Problem | null;
  maxScore: Problem | null;
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export function lessonProblems(draft: LessonDraft, term: Term): LessonProblems {
  const period = whole(draft.period);
  const max = whole(draft.maxScore);
  return {
    date: draft.date === '' ? { id: 'form-required' } : draft.date < term.starts || draft.date > term.ends ? { id: 'lesson-date-outside' } : null,
    period: period === null || period < 1 || period > 12 ? { id: 'lesson-period-invalid' } : null,
    maxScore: draft.kind !== 'ordinary' && (max === null || max < 1) ? { id: 'lesson-max-required' } : null,
  };
}

/** The max score to send: only a summative assessment has one. */
export function maxScoreOf(draft: LessonDraft): number | null {
  return draft.kind === 'ordinary' ? null : whole(draft.maxScore);
}

/** Today as the school's calendar writes it (local time, YYYY-MM-DD). */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
