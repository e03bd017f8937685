// The teaching load as the page shows it, apart from the markup so it can be tested: the totals row (summed
// and rounded as the tariff list sums them), how a teacher's row is marked, and each problem of the plan as
// a Fluent message with what it names, and the extra duties: what an older server leaves out read as none, and
// a duty to give checked before it is sent; and who teaches what: each assignment in words, its hours changed
// and a teacher assigned to hours nobody teaches, checked before they are sent. The figures themselves are the
// API's (crates/api/src/load.rs).
import type {
  AssignmentSave,
  DutyChange,
  DutyKind,
  JournalClasses,
  LoadProblem,
  LoadView,
  StaffMember,
  TeacherAssignment,
  TeacherDuty,
  TeacherLoad,
  UncoveredHours,
} from '../api';
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

// Extra duties. An older server sends none of these fields: no duties, no kinds, nothing to change.

export const dutiesOf = (teacher: TeacherLoad): TeacherDuty[] => teacher.duties ?? [];
export const dutyKindsOf = (view: LoadView): DutyKind[] => view.duty_kinds ?? [];
/** Changing duties needs the right and something to give. */
export const canEditDuties = (view: LoadView): boolean => view.can_edit === true;

/** The classes a per-class duty can name, as the journal lists them. */
export const classChoices = (journal: JournalClasses): { class_id: string; name: string }[] =>
  journal.classes.map((c) => ({ class_id: c.class_id, name: c.name }));

/** A duty being given: the kind chosen, and the class when the kind asks for one ('' for none yet). */
export interface DutyDraft {
  duty: string;
  class_id: string;
}

/**
 * The Fluent id (notice) of what keeps a draft from being sent, or the request to send. A class chosen for a kind
 * that needs none is dropped; a duty the teacher already holds is not given twice.
 */
export function dutyToAdd(teacher: TeacherLoad, kinds: DutyKind[], draft: DutyDraft): { notice: string } | { change: DutyChange } {
  const kind = kinds.find((k) => k.code === draft.duty);
  if (!kind) return { notice: 'load-duty-choose-kind' };
  const classId = kind.per_class ? draft.class_id || null : null;
  if (kind.per_class && !classId) return { notice: 'load-duty-choose-class' };
  if (dutiesOf(teacher).some((d) => d.duty === kind.code && d.class_id === classId)) return { notice: 'load-duty-held' };
  return { change: { teacher_id: teacher.teacher_id, duty: kind.code, class_id: classId, on: true } };
}

/** The request that takes a duty away. */
export const dutyToRemove = (teacher: TeacherLoad, duty: TeacherDuty): DutyChange => ({
  teacher_id: teacher.teacher_id,
  duty: duty.duty,
  class_id: duty.class_id,
  on: false,
});

/** A duty in words: its name, its class when it has one, and the supplement when the tariff gives one. */
export function dutyText(duty: TeacherDuty, percent: (n: number) => string): { name: string; class: string | null; pay: string | null } {
  return {
    name: duty.name,
    class: duty.class_name ?? (duty.class_id ? duty.class_id : null),
    pay: duty.pay_percent === null || duty.pay_percent === undefined ? null : percent(duty.pay_percent),
  };
}

// Assignments. An older server sends none: the subjects cell lists the subjects by name, and no one is assigned.

export const assignmentsOf = (teacher: TeacherLoad): TeacherAssignment[] => teacher.assignments ?? [];
export const staffOf = (view: LoadView): StaffMember[] => view.staff ?? [];

/** The weekly hours an assignment counts: its own, else the plan's (none when the plan has none). */
export const assignmentHours = (assignment: TeacherAssignment): number => assignment.hours ?? assignment.plan_hours ?? 0;

/** Which class (and subgroup) and subject, as a Fluent id and its arguments. */
export function assignmentWhat(assignment: TeacherAssignment): { id: string; args: MessageArgs } {
  const args = { class: assignment.class_name, subject: assignment.subject_name, group: assignment.subgroup ?? 0 };
  return assignment.subgroup === null ? { id: 'load-assignment-what', args } : { id: 'load-assignment-what-subgroup', args };
}

/** Hours as typed, with a comma or a point: null for empty (the plan's), NaN for what is not a number. */
function typedHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * The request that gives an assignment the hours typed, null when nothing changes, or the Fluent id of what
 * keeps it from being sent. Empty, or the plan's own figure, is the plan's hours; the range and the half steps
 * are the API's to refuse.
 */
export function hoursChange(
  teacher: TeacherLoad,
  assignment: TeacherAssignment,
  text: string,
): { notice: string } | { change: AssignmentSave } | null {
  const typed = typedHours(text);
  if (typed !== null && !Number.isFinite(typed)) return { notice: 'load-assignment-hours-invalid' };
  const hours = typed === assignment.plan_hours ? null : typed;
  if (hours === assignment.hours) return null;
  return {
    change: {
      id: assignment.id,
      teacher_id: teacher.teacher_id,
      class_id: assignment.class_id,
      subject: assignment.subject,
      subgroup: assignment.subgroup,
      hours,
    },
  };
}

/** The request that assigns a teacher to hours nobody teaches, at the plan's hours. */
export function assignOf(item: UncoveredHours, teacherId: string): { notice: string } | { change: AssignmentSave } {
  if (!teacherId) return { notice: 'load-assign-choose-teacher' };
  return { change: { teacher_id: teacherId, class_id: item.class_id, subject: item.subject, subgroup: item.group, hours: null } };
}

/** `c9-english-2`: a row of the hours nobody teaches, in test ids and element ids. */
export const uncoveredKey = (item: UncoveredHours) => `${item.class_id}-${item.subject}-${item.group ?? 'all'}`;
