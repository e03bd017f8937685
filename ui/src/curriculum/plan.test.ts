// The curriculum's grid and editor apart from the markup: cells found by subject and grade, a grade over its
// maximum, the subjects left to add, and a cell's draft turned into the request that saves or resets it.
import { describe, expect, it } from 'vitest';
import type { CurriculumView, PlanCell, SchoolPlan } from '../api';
import { cellKey, cellOf, changeOf, draftOf, hoursOf, overMax, resetOf, splitChoice, splitOf, subjectsToAdd } from './plan';

const cell = (grade: number, hours: number, over: Partial<PlanCell> = {}): PlanCell => ({
  grade,
  hours,
  standard_hours: hours,
  part: 'invariant',
  splits: false,
  split: null,
  changed: false,
  ...over,
});

const plan: SchoolPlan = {
  language: 'kk',
  name: 'Қазақ тілінде оқытатын мектептің үлгілік оқу жоспары',
  confidence: '[M]',
  grades: [
    { grade: 5, total: 29, max_weekly_hours: 29 },
    { grade: 6, total: 30.5, max_weekly_hours: 30 },
  ],
  subjects: [
    { subject: 'mathematics', subject_name: 'Математика', cells: [cell(5, 5), cell(6, 0)] },
    {
      subject: 'informatics',
      subject_name: 'Информатика',
      cells: [cell(5, 2, { standard_hours: 1, changed: true, part: 'variative', split: false }), cell(6, 1)],
    },
  ],
};

const view = {
  catalogue: [
    { subject: 'mathematics', subject_name: 'Математика' },
    { subject: 'music', subject_name: 'Музыка' },
    { subject: 'informatics', subject_name: 'Информатика' },
  ],
} as CurriculumView;

describe('the grid', () => {
  it('finds a cell by subject and grade', () => {
    expect(cellOf(plan, 'mathematics', 5)?.hours).toBe(5);
    expect(cellOf(plan, 'mathematics', 7)).toBeNull();
    expect(cellOf(plan, 'music', 5)).toBeNull();
    expect(cellKey('ru', 'english', 10)).toBe('ru-english-10');
  });

  it('marks a grade over its weekly maximum, and not one at it', () => {
    expect(overMax(plan.grades[0]!)).toBe(false);
    expect(overMax(plan.grades[1]!)).toBe(true);
    // Sums of half hours are not off by a float's last digit.
    expect(overMax({ grade: 7, total: 0.1 + 0.2 + 29.7, max_weekly_hours: 30 })).toBe(false);
  });

  it('offers the catalogue’s subjects the plan does not teach', () => {
    expect(subjectsToAdd(view, plan)).toEqual([{ subject: 'music', subject_name: 'Музыка' }]);
  });
});

describe('the editor', () => {
  it('starts from the cell as it is', () => {
    expect(draftOf(plan, plan.subjects[1]!, 5)).toEqual({
      language: 'kk',
      grade: 5,
      subject: 'informatics',
      subject_name: 'Информатика',
      hours: '2',
      part: 'variative',
      split: 'no',
      changed: true,
      standard_hours: 1,
    });
    // A grade the subject is not taught in: empty, to be filled in.
    expect(draftOf(plan, plan.subjects[0]!, 6).hours).toBe('');
  });

  it('starts a subject the plan does not teach empty, in the variative part', () => {
    expect(draftOf(plan, { subject: 'music', subject_name: 'Музыка' }, 6)).toMatchObject({
      subject: 'music',
      grade: 6,
      hours: '',
      part: 'variative',
      split: 'rules',
      changed: false,
      standard_hours: 0,
    });
  });

  it('reads hours with a comma or a point', () => {
    expect(hoursOf('4,5')).toBe(4.5);
    expect(hoursOf(' 3 ')).toBe(3);
    expect(hoursOf('0')).toBe(0);
    expect(hoursOf('')).toBeNull();
    expect(hoursOf('бес')).toBeNull();
  });

  it('maps the split choice both ways', () => {
    expect([null, true, false].map(splitChoice)).toEqual(['rules', 'yes', 'no']);
    expect((['rules', 'yes', 'no'] as const).map(splitOf)).toEqual([null, true, false]);
  });

  it('asks for a number, and leaves the range to the API', () => {
    const draft = draftOf(plan, plan.subjects[0]!, 5);
    expect(changeOf({ ...draft, hours: '' })).toEqual({ notice: 'curriculum-hours-needed' });
    expect(changeOf({ ...draft, hours: '12' })).toEqual({
      change: { language: 'kk', grade: 5, subject: 'mathematics', hours: 12, part: 'invariant', split: null },
    });
    expect(changeOf({ ...draft, hours: '4,5', split: 'yes' })).toMatchObject({ change: { hours: 4.5, split: true } });
  });

  it('gives a cell back to the standard plan', () => {
    expect(resetOf(draftOf(plan, plan.subjects[1]!, 5))).toEqual({
      language: 'kk',
      grade: 5,
      subject: 'informatics',
      hours: 1,
      part: 'variative',
      split: null,
      reset: true,
    });
  });
});
