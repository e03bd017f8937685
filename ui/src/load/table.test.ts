// The teaching load's table: the totals as the tariff list sums them, how rows are marked, positions by name,
// each problem of the plan in words, the extra duties (read from an older server as none, checked before
// they are given), and the assignments (in words, their hours changed, a teacher assigned to uncovered hours).
import { describe, expect, it } from 'vitest';
import type { DutyKind, JournalClasses, LoadView, TeacherAssignment, TeacherLoad } from '../api';
import { DEFAULT_LANG, setLang, t } from '../i18n';
import {
  assignOf,
  assignmentHours,
  assignmentWhat,
  assignmentsOf,
  canEditDuties,
  classChoices,
  dutiesOf,
  dutyKindsOf,
  dutyText,
  dutyToAdd,
  dutyToRemove,
  hoursChange,
  loadTotals,
  positionId,
  problemMessage,
  round2,
  staffOf,
  subjectName,
  uncoveredKey,
  uncoveredTotal,
  warningLevel,
} from './table';

const teacher = (teacher_id: string, weekly: number, over: Partial<TeacherLoad> = {}): TeacherLoad => ({
  teacher_id,
  name: teacher_id,
  position: 'teacher',
  subjects: [{ subject: 'mathematics', subject_name: 'Математика' }],
  weekly_hours: weekly,
  yearly_hours: weekly * 34,
  rates: round2(weekly / 16),
  warnings: [],
  ...over,
});

const view = (over: Partial<LoadView> = {}): LoadView => ({
  year: '2025-2026',
  counted_on: '2025-09-01',
  norm_hours_per_rate: 16,
  teachers: [
    teacher('Әлиев Асқар', 27, { warnings: [{ kind: 'overload', rates: 1.69, limit: 1.5 }] }),
    teacher('Бекова Дана', 4.5, { warnings: [{ kind: 'underload', rates: 0.28, limit: 0.5 }] }),
  ],
  uncovered_hours: 4,
  uncovered: [
    { class_id: 'c9', class_name: '9А', subject: 'english', subject_name: 'Ағылшын тілі', group: 2, hours: 3 },
    { class_id: 'c9', class_name: '9А', subject: 'music', subject_name: 'Музыка', group: null, hours: 1 },
  ],
  problems: [],
  ...over,
});

describe('totals', () => {
  it('sums the hours and rates of every teacher to 2 decimals', () => {
    expect(loadTotals(view().teachers)).toEqual({ teachers: 2, weekly: 31.5, yearly: 1071, rates: 1.97 });
    // 0.1 + 0.2 is not 0.30000000000000004 on a tariff list.
    const small = [teacher('a', 1, { rates: 0.1 }), teacher('b', 1, { rates: 0.2 })];
    expect(loadTotals(small).rates).toBe(0.3);
    expect(loadTotals([])).toEqual({ teachers: 0, weekly: 0, yearly: 0, rates: 0 });
  });

  it('sums the hours nobody teaches', () => {
    expect(uncoveredTotal(view().uncovered)).toBe(4);
    expect(uncoveredTotal([])).toBe(0);
  });
});

describe('rows', () => {
  it('mark overload before underload, and nothing when in bounds', () => {
    const [over, under] = view().teachers;
    expect(warningLevel(over!)).toBe('overload');
    expect(warningLevel(under!)).toBe('underload');
    expect(warningLevel(teacher('c', 16))).toBeNull();
    expect(
      warningLevel(teacher('d', 16, { warnings: [{ kind: 'underload', rates: 0.2, limit: 0.5 }, { kind: 'overload', rates: 2, limit: 1.5 }] })),
    ).toBe('overload');
  });

  it('name the positions the interface knows, and leave the others to their code', () => {
    expect(positionId('deputy_director')).toBe('load-position-deputy-director');
    expect(positionId('teacher')).toBe('load-position-teacher');
    expect(positionId('lab_assistant')).toBeNull();
    expect(positionId(null)).toBeNull();
  });
});

describe('problems', () => {
  const number = (n: number) => String(n).replace('.', ',');

  it('say what is wrong with class, subject by name and teacher', () => {
    const v = view({
      problems: [
        { kind: 'no_plan_hours', assignment_id: 'a1', teacher_id: 'Әлиев Асқар', class_id: 'c9', class_name: '9А', subject: 'mathematics' },
        { kind: 'over_assigned', class_id: 'c9', class_name: '9А', subject: 'english', group: 2, planned: 3, assigned: 4.5 },
      ],
    });
    expect(problemMessage(v.problems[0]!, v, number)).toEqual({
      id: 'load-problem-no-plan-hours',
      args: { class: '9А', subject: 'Математика', teacher: 'Әлиев Асқар', group: 0, planned: '0', assigned: '0', kind: 'no_plan_hours' },
    });
    const over = problemMessage(v.problems[1]!, v, number);
    expect(over.id).toBe('load-problem-over-assigned');
    expect(over.args).toMatchObject({ subject: 'Ағылшын тілі', planned: '3', assigned: '4,5', teacher: '' });
    setLang('en');
    expect(t(over.id, over.args)).toBe('9А, Ағылшын тілі: 4,5 hours a week are assigned, but the plan has 3.');
    setLang(DEFAULT_LANG);
  });

  it('still says the class and subject of a kind it does not know', () => {
    const v = view({ problems: [{ kind: 'unknown_duty', class_id: 'c9', class_name: '9А', subject: 'physics' }] });
    const message = problemMessage(v.problems[0]!, v, number);
    expect(message.id).toBe('load-problem-other');
    expect(message.args).toMatchObject({ class: '9А', subject: 'physics', kind: 'unknown_duty' });
    expect(subjectName(v, 'music')).toBe('Музыка');
  });
});

describe('duties', () => {
  const kinds: DutyKind[] = [
    { code: 'class_supervision', name: 'Сынып жетекшілігі', per_class: true },
    { code: 'classroom', name: 'Кабинет меңгерушілігі', per_class: false },
  ];
  const supervision = { duty: 'class_supervision', name: 'Сынып жетекшілігі', class_id: 'c5', class_name: '5Б', pay_percent: 15 };
  const holder = teacher('t1', 18, { teacher_id: 't1', duties: [supervision] });

  it('reads what an older server leaves out as no duties, no kinds and no right to change them', () => {
    const old = view();
    expect(dutiesOf(old.teachers[0]!)).toEqual([]);
    expect(dutyKindsOf(old)).toEqual([]);
    expect(canEditDuties(old)).toBe(false);
    expect(canEditDuties(view({ can_edit: true, duty_kinds: kinds }))).toBe(true);
    expect(dutyKindsOf(view({ duty_kinds: kinds }))).toBe(kinds);
    expect(dutiesOf(holder)).toEqual([supervision]);
  });

  it('take the classes to choose from the journal', () => {
    const journal = {
      terms: [],
      current_term_id: null,
      classes: [{ class_id: 'c5', name: '5Б', grade: 5, language: 'kk', graded: true, subjects: [] }],
    } satisfies JournalClasses;
    expect(classChoices(journal)).toEqual([{ class_id: 'c5', name: '5Б' }]);
  });

  it('ask for a kind, and for a class when the kind is held for one', () => {
    expect(dutyToAdd(holder, kinds, { duty: '', class_id: '' })).toEqual({ notice: 'load-duty-choose-kind' });
    expect(dutyToAdd(holder, kinds, { duty: 'gone', class_id: '' })).toEqual({ notice: 'load-duty-choose-kind' });
    expect(dutyToAdd(holder, kinds, { duty: 'class_supervision', class_id: '' })).toEqual({ notice: 'load-duty-choose-class' });
    expect(dutyToAdd(holder, kinds, { duty: 'class_supervision', class_id: 'c9' })).toEqual({
      change: { teacher_id: 't1', duty: 'class_supervision', class_id: 'c9', on: true },
    });
  });

  it('drop the class of a kind that needs none, and do not give a duty twice', () => {
    expect(dutyToAdd(holder, kinds, { duty: 'classroom', class_id: 'c9' })).toEqual({
      change: { teacher_id: 't1', duty: 'classroom', class_id: null, on: true },
    });
    expect(dutyToAdd(holder, kinds, { duty: 'class_supervision', class_id: 'c5' })).toEqual({ notice: 'load-duty-held' });
  });

  it('take a duty away by its kind and class', () => {
    expect(dutyToRemove(holder, supervision)).toEqual({ teacher_id: 't1', duty: 'class_supervision', class_id: 'c5', on: false });
  });

  it('say a duty with its class and pay, when it has them', () => {
    const percent = (n: number) => String(n).replace('.', ',');
    expect(dutyText(supervision, percent)).toEqual({ name: 'Сынып жетекшілігі', class: '5Б', pay: '15' });
    expect(dutyText({ ...supervision, pay_percent: 7.5 }, percent).pay).toBe('7,5');
    expect(dutyText({ duty: 'classroom', name: 'Кабинет', class_id: null, class_name: null, pay_percent: null }, percent)).toEqual({
      name: 'Кабинет',
      class: null,
      pay: null,
    });
    setLang('en');
    expect(t('load-duty-pay', { percent: '15' })).toBe('+15%');
    setLang(DEFAULT_LANG);
  });
});

describe('assignments', () => {
  const whole: TeacherAssignment = {
    id: 'a1',
    class_id: 'c5',
    class_name: '5А',
    subject: 'mathematics',
    subject_name: 'Математика',
    subgroup: null,
    hours: null,
    plan_hours: 5,
  };
  const half: TeacherAssignment = { ...whole, id: 'a2', subject: 'english', subject_name: 'Ағылшын тілі', subgroup: 2, hours: 2, plan_hours: 3 };
  const holder = teacher('t1', 18, { teacher_id: 't1', assignments: [whole, half] });

  it('reads what an older server leaves out as no assignments and no staff', () => {
    expect(assignmentsOf(teacher('t2', 4))).toEqual([]);
    expect(staffOf(view())).toEqual([]);
    expect(assignmentsOf(holder)).toEqual([whole, half]);
    expect(staffOf(view({ staff: [{ id: 't1', name: 'Әлиев Асқар' }] }))).toHaveLength(1);
  });

  it('say the class, the subgroup when there is one, and the hours counted', () => {
    expect(assignmentWhat(whole)).toEqual({ id: 'load-assignment-what', args: { class: '5А', subject: 'Математика', group: 0 } });
    const sub = assignmentWhat(half);
    expect(sub.id).toBe('load-assignment-what-subgroup');
    expect(t(sub.id, sub.args)).toBe('5А, 2-топ — Ағылшын тілі');
    expect(assignmentHours(whole)).toBe(5);
    expect(assignmentHours(half)).toBe(2);
    expect(assignmentHours({ ...whole, plan_hours: null })).toBe(0);
  });

  it('change their hours: empty or the plan’s figure is the plan’s, the same is nothing to send', () => {
    expect(hoursChange(holder, whole, '6')).toEqual({
      change: { id: 'a1', teacher_id: 't1', class_id: 'c5', subject: 'mathematics', subgroup: null, hours: 6 },
    });
    expect(hoursChange(holder, whole, '4,5')).toMatchObject({ change: { hours: 4.5 } });
    expect(hoursChange(holder, whole, '')).toBeNull();
    expect(hoursChange(holder, whole, '5')).toBeNull();
    expect(hoursChange(holder, half, '')).toEqual({
      change: { id: 'a2', teacher_id: 't1', class_id: 'c5', subject: 'english', subgroup: 2, hours: null },
    });
    expect(hoursChange(holder, half, '3')).toMatchObject({ change: { hours: null } });
    expect(hoursChange(holder, half, '2')).toBeNull();
    expect(hoursChange(holder, half, 'екі')).toEqual({ notice: 'load-assignment-hours-invalid' });
  });

  it('assign a teacher to uncovered hours at the plan’s hours, once one is chosen', () => {
    const [english, music] = view().uncovered;
    expect(assignOf(english!, '')).toEqual({ notice: 'load-assign-choose-teacher' });
    expect(assignOf(english!, 't1')).toEqual({
      change: { teacher_id: 't1', class_id: 'c9', subject: 'english', subgroup: 2, hours: null },
    });
    expect(assignOf(music!, 't1')).toMatchObject({ change: { subgroup: null } });
    expect(uncoveredKey(english!)).toBe('c9-english-2');
    expect(uncoveredKey(music!)).toBe('c9-music-all');
  });
});
