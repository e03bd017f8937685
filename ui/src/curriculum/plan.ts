// The curriculum as the page shows and edits it, apart from the markup so it can be tested: a plan's cell of a
// subject and grade, a grade over its weekly maximum, the catalogue's subjects a plan does not teach yet, and
// the editor's draft of one cell turned into the request that changes it or gives it back to the standard.
// The figures and the rules they are checked against are the API's (crates/api/src/curriculum.rs).
import type { CurriculumView, PlanCell, PlanGrade, PlanHoursChange, PlanLanguage, PlanPart, SchoolPlan } from '../api';

/** A cell of a subject's row; a subject the plan does not teach in a grade has hours 0 there. */
export function cellOf(plan: SchoolPlan, subject: string, grade: number): PlanCell | null {
  return plan.subjects.find((s) => s.subject === subject)?.cells.find((c) => c.grade === grade) ?? null;
}

/** A grade's total beyond the most the plan allows (a hundredth of slack for the sums of half hours). */
export const overMax = (grade: PlanGrade): boolean => grade.total > grade.max_weekly_hours + 0.005;

/** The catalogue's subjects no grade of the plan teaches, to add one. */
export function subjectsToAdd(view: CurriculumView, plan: SchoolPlan): { subject: string; subject_name: string }[] {
  const taught = new Set(plan.subjects.map((s) => s.subject));
  return view.catalogue.filter((s) => !taught.has(s.subject));
}

/** How a cell is split: by the standard rules, always in subgroups, or always the whole class. */
export type SplitChoice = 'rules' | 'yes' | 'no';

export const splitChoice = (split: boolean | null): SplitChoice => (split === null ? 'rules' : split ? 'yes' : 'no');
export const splitOf = (choice: SplitChoice): boolean | null => (choice === 'rules' ? null : choice === 'yes');

/** One cell in the editor: what it names, and the hours as typed. */
export interface CellDraft {
  language: PlanLanguage;
  grade: number;
  subject: string;
  subject_name: string;
  hours: string;
  part: PlanPart;
  split: SplitChoice;
  /** The school changed the cell: it can be given back to the standard plan. */
  changed: boolean;
  standard_hours: number;
}

/**
 * The draft of a cell as it is. A subject the plan does not teach yet starts empty, in the variative part: a
 * subject the school adds of its own comes out of the hours the plan leaves to the school.
 */
export function draftOf(plan: SchoolPlan, subject: { subject: string; subject_name: string }, grade: number): CellDraft {
  const cell = cellOf(plan, subject.subject, grade);
  return {
    language: plan.language,
    grade,
    subject: subject.subject,
    subject_name: subject.subject_name,
    hours: cell && (cell.hours > 0 || cell.changed || cell.standard_hours > 0) ? String(cell.hours) : '',
    part: cell?.part ?? 'variative',
    split: splitChoice(cell?.split ?? null),
    changed: cell?.changed ?? false,
    standard_hours: cell?.standard_hours ?? 0,
  };
}

/** Hours as typed, with a comma or a point; null when they are not a number. */
export function hoursOf(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * The request that saves a draft, or the Fluent id of what keeps it from being sent. Only a missing number is
 * caught here; the range and the half steps are the API's to refuse, in the words of its errors.
 */
export function changeOf(draft: CellDraft): { notice: string } | { change: PlanHoursChange } {
  const hours = hoursOf(draft.hours);
  if (hours === null) return { notice: 'curriculum-hours-needed' };
  return {
    change: {
      language: draft.language,
      grade: draft.grade,
      subject: draft.subject,
      hours,
      part: draft.part,
      split: splitOf(draft.split),
    },
  };
}

/** The request that gives a cell back to the standard plan; the other fields only name the cell. */
export const resetOf = (draft: CellDraft): PlanHoursChange => ({
  language: draft.language,
  grade: draft.grade,
  subject: draft.subject,
  hours: draft.standard_hours,
  part: draft.part,
  split: null,
  reset: true,
});

/** `kk-5-mathematics`: a cell's key in test ids and element ids. */
export const cellKey = (language: PlanLanguage, subject: string, grade: number) => `${language}-${subject}-${grade}`;
