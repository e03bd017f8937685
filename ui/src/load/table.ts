// The teaching load as the page shows it, apart from the markup so it can be tested: the totals row (summed
// and rounded as the tariff list sums them), how a teacher's row is marked, and each problem of the plan as
// a Fluent message with what it names. The figures themselves are the API's (crates/api/src/load.rs).
import type { LoadProblem, LoadView, TeacherLoad, UncoveredHours } from '../api';
import type { MessageArgs } from '../i18n';

/** To 2 decimals: sums of figures that already are (the tariff list's round2). */
export const round2 = (value: number) => Math.round(value * 100) / 100;

export interface LoadTotals {
  teachers: number;
  weekly: number;
  yearly: number;
  rates: number;
}

export function loadTotals(teachers: TeacherLoad[]): LoadTotals {
  const sum = (pick: (t: TeacherLoad) => number) => round2(teachers.reduce((total, t) => total + pick(t), 0));
  return {
    teachers: teachers.length,
    weekly: sum((t) => t.weekly_hours),
    yearly: sum((t) => t.yearly_hours),
    rates: sum((t) => t.rates),
  };
}

/** The sum of the uncovered hours, when the view's own is not at hand. */
export const uncoveredTotal = (uncovered: UncoveredHours[]) => round2(uncovered.reduce((sum, u) => sum + u.hours, 0));

/** A row's mark: over the limit (red) before under it (amber). */
export function warningLevel(teacher: TeacherLoad): 'overload' | 'underload' | null {
  if (teacher.warnings.some((w) => w.kind === 'overload')) return 'overload';
  if (teacher.warnings.some((w) => w.kind === 'underload')) return 'underload';
  return null;
}

/** Positions the interface has a name for; any other is shown by its code. */
export const POSITIONS = ['teacher', 'director', 'deputy-director', 'methodist', 'tutor', 'psychologist', 'librarian'] as const;

/** `deputy_director` → the Fluent id of its name, or null when there is none. */
export function positionId(code: string | null): string | null {
  if (!code) return null;
  const id = code.replace(/_/g, '-');
  return (POSITIONS as readonly string[]).includes(id) ? `load-position-${id}` : null;
}

export const PROBLEM_KINDS = ['unknown-class', 'no-plan-hours', 'not-split', 'group-out-of-range', 'over-assigned'] as const;

/**
 * A problem in words: its Fluent id and arguments. A problem names a subject by its code; its name is taken
 * from the rest of the view when it appears there. An unknown kind still says which class and subject.
 */
export function problemMessage(problem: LoadProblem, view: LoadView, number: (n: number) => string): { id: string; args: MessageArgs } {
  const kind = problem.kind.replace(/_/g, '-');
  const known = (PROBLEM_KINDS as readonly string[]).includes(kind);
  const teacher = view.teachers.find((t) => t.teacher_id === problem.teacher_id)?.name ?? '';
  return {
    id: known ? `load-problem-${kind}` : 'load-problem-other',
    args: {
      class: problem.class_name,
      subject: subjectName(view, problem.subject),
      teacher,
      group: problem.group ?? 0,
      planned: number(problem.planned ?? 0),
      assigned: number(problem.assigned ?? 0),
      kind: problem.kind,
    },
  };
}

export function subjectName(view: LoadView, code: string): string {
  for (const t of view.teachers) {
    const found = t.subjects.find((s) => s.subject === code);
    if (found) return found.subject_name;
  }
  return view.uncovered.find((u) => u.subject === code)?.subject_name ?? code;
}
