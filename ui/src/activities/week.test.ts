// A group's week: each day in time order, each broken norm placed where it is said, the norm of the group's
// age, and the form's checks and request.
import { describe, expect, it } from 'vitest';
import type { Activities, Activity, ActivityViolation } from '../api';
import {
  dayMinutes,
  draftOf,
  draftProblems,
  endsAt,
  minutesOf,
  newDraft,
  normFor,
  placeViolations,
  sameAge,
  saveOf,
  timeOf,
  violationCount,
  weekOf,
} from './week';

const activity = (id: string, day: number, starts: string, over: Partial<Activity> = {}): Activity => ({
  id,
  group_id: 'g1',
  day,
  starts,
  minutes: 15,
  activity: 'speech',
  activity_name: 'Сөйлеуді дамыту',
  educator_id: null,
  room_id: null,
  ...over,
});

const violation = (activity_ids: string[], day: number | null, code = 'schedule.too_long', group_id = 'g1'): ActivityViolation => ({
  code,
  group_id,
  day,
  activity_ids,
  message: code,
});

function view(over: Partial<Activities> = {}): Activities {
  return {
    year: '2025-2026',
    days: [5, 1, 2, 3, 4],
    groups: [
      { group_id: 'g1', name: 'Балапан', age_from: 3, age_to: 4, norm_places: 20, enrolled: 18, free_places: 2 },
      { group_id: 'g2', name: 'Қарлығаш', age_from: 3, age_to: 4, norm_places: 20, enrolled: 20, free_places: 0 },
      { group_id: 'g3', name: 'Күншуақ', age_from: 5, age_to: 6, norm_places: 25, enrolled: 22, free_places: 3 },
    ],
    catalogue: [
      { code: 'speech', name: 'Сөйлеуді дамыту' },
      { code: 'music', name: 'Музыка' },
    ],
    rooms: [],
    educators: [],
    activities: [
      activity('late', 1, '10:00'),
      activity('early', 1, '9:00', { minutes: 20 }),
      activity('same-time-long', 1, '10:00', { minutes: 25 }),
      activity('tue', 2, '09:30'),
      activity('other-group', 1, '08:00', { group_id: 'g2' }),
      activity('saturday', 6, '09:00'),
    ],
    norms: [
      { age_from: 2, age_to: 6, min_minutes: 10, max_minutes: 30, max_per_day: 3, max_per_week: 15, min_break_minutes: 10 },
      { age_from: 3, age_to: 4, min_minutes: 10, max_minutes: 15, max_per_day: 2, max_per_week: 11, min_break_minutes: 10 },
      { age_from: 5, age_to: 6, min_minutes: 20, max_minutes: 25, max_per_day: 3, max_per_week: 15, min_break_minutes: 10 },
    ],
    violations: [],
    can_edit: true,
    ...over,
  };
}

const ids = (week: Map<number, Activity[]>) => Object.fromEntries([...week].map(([day, list]) => [day, list.map((a) => a.id)]));

describe('times', () => {
  it('reads and writes times of day', () => {
    expect(minutesOf('09:05')).toBe(545);
    expect(minutesOf('9:05')).toBe(545);
    expect(minutesOf('24:00')).toBeNaN();
    expect(minutesOf('9.05')).toBeNaN();
    expect(timeOf(545)).toBe('09:05');
    expect(endsAt({ starts: '09:50', minutes: 25 })).toBe('10:15');
  });
});

describe('the week of a group', () => {
  it('has every day of the week, each in time order, and only this group’s activities', () => {
    const week = weekOf(view(), 'g1');
    expect([...week.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(ids(week)).toEqual({ 1: ['early', 'late', 'same-time-long'], 2: ['tue'], 3: [], 4: [], 5: [] });
    expect(dayMinutes(week.get(1)!)).toBe(60);
  });

  it('says a broken norm beside the first activity it names, and marks every one', () => {
    const v = view({
      violations: [
        violation(['same-time-long', 'early'], 1, 'schedule.break_too_short'),
        violation(['tue'], 2, 'schedule.too_long'),
      ],
    });
    const placed = placeViolations(v, 'g1');
    expect([...placed.atActivity.keys()]).toEqual(['early', 'tue']);
    expect(placed.atActivity.get('early')?.map((x) => x.code)).toEqual(['schedule.break_too_short']);
    expect([...placed.marked].sort()).toEqual(['early', 'same-time-long', 'tue']);
    expect(placed.atDay.size).toBe(0);
    expect(placed.week).toEqual([]);
  });

  it('says a day’s rule under its day, a week’s rule above the week, and not another group’s', () => {
    const v = view({
      violations: [
        violation([], 1, 'schedule.too_many_per_day'),
        violation([], null, 'schedule.too_many_per_week'),
        violation(['gone'], 3, 'schedule.too_long'),
        violation(['saturday'], null, 'schedule.outside_week'),
        violation(['other-group'], 1, 'schedule.too_long', 'g2'),
      ],
    });
    const placed = placeViolations(v, 'g1');
    expect(placed.atActivity.size).toBe(0);
    expect([...placed.atDay].map(([day, list]) => [day, list.map((x) => x.code)])).toEqual([
      [1, ['schedule.too_many_per_day']],
      [3, ['schedule.too_long']],
    ]);
    expect(placed.week.map((x) => x.code)).toEqual(['schedule.too_many_per_week', 'schedule.outside_week']);
    expect(violationCount(v, 'g1')).toBe(4);
    expect(violationCount(v, 'g2')).toBe(1);
  });
});

describe('norms and groups', () => {
  it('takes the narrowest norm that holds the group’s ages', () => {
    const { norms, groups } = view();
    expect(normFor(norms, groups[0]!)?.max_minutes).toBe(15);
    expect(normFor(norms, groups[2]!)?.max_minutes).toBe(25);
    expect(normFor(norms, { age_from: 2, age_to: 3 })?.max_minutes).toBe(30);
    expect(normFor(norms.slice(1), { age_from: 4, age_to: 5 })?.max_minutes).toBe(15);
    expect(normFor([], groups[0]!)).toBeNull();
  });

  it('finds the groups of the same age for the standard week', () => {
    const { groups } = view();
    expect(sameAge(groups, groups[0]!).map((g) => g.group_id)).toEqual(['g1', 'g2']);
  });
});

describe('the form', () => {
  it('starts a new activity after the day’s last one and the age’s break', () => {
    const v = view();
    const norm = normFor(v.norms, v.groups[0]!);
    expect(newDraft(v, 'g1', 1, norm)).toEqual({
      id: null,
      day: '1',
      starts: '10:35',
      minutes: '15',
      activity: 'speech',
      educator_id: '',
      room_id: '',
    });
    expect(newDraft(v, 'g1', 3, null).starts).toBe('09:00');
  });

  it('checks the time, the minutes and the activity before asking', () => {
    const draft = draftOf(view().activities[0]!);
    expect(draftProblems(draft)).toEqual({ starts: null, minutes: null, activity: null });
    expect(draftProblems({ ...draft, starts: '25:00', minutes: '0', activity: '' })).toEqual({
      starts: { id: 'act-starts-invalid' },
      minutes: { id: 'act-minutes-invalid', args: { min: 5, max: 60 } },
      activity: { id: 'form-required' },
    });
    expect(draftProblems({ ...draft, minutes: '12.5' }).minutes).not.toBeNull();
    expect(draftProblems({ ...draft, minutes: '4' }).minutes).not.toBeNull();
    expect(draftProblems({ ...draft, minutes: '61' }).minutes).not.toBeNull();
  });

  it('sends a change with its id, a new one without, and no educator or room as null', () => {
    const draft = { ...draftOf(view().activities[1]!), educator_id: 'p1' };
    expect(saveOf(draft, 'g1')).toEqual({
      id: 'early',
      group_id: 'g1',
      day: 1,
      starts: '09:00',
      minutes: 20,
      activity: 'speech',
      educator_id: 'p1',
      room_id: null,
    });
    expect(saveOf({ ...draft, id: null }, 'g1')).not.toHaveProperty('id');
  });
});
