// A kindergarten group's week of organised activities as the page shows it, apart from the markup so it can be
// tested: each day's activities in time order, where each broken norm is said (beside the first activity it
// names, else at its day, else for the whole week), the norm of the group's age, and the checks the form
// makes before the API makes them again.
import type { Activities, Activity, ActivityGroup, ActivityNorm, ActivitySave, ActivityViolation } from '../api';
import type { Problem } from '../form/rules';

/** "09:05" → 545; NaN when it is no time of day. */
export function minutesOf(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return Number.NaN;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : Number.NaN;
}

/** 545 → "09:05". */
export function timeOf(minutes: number): string {
  const day = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(day / 60)).padStart(2, '0')}:${String(day % 60).padStart(2, '0')}`;
}

/** When an activity ends: "09:00" and 25 minutes → "09:25". */
export const endsAt = (activity: Pick<Activity, 'starts' | 'minutes'>) => timeOf(minutesOf(activity.starts) + activity.minutes);

/** A group's activities by day (every day of the week, empty ones too), each day in time order. */
export function weekOf(view: Activities, groupId: string): Map<number, Activity[]> {
  const week = new Map<number, Activity[]>([...view.days].sort((a, b) => a - b).map((day) => [day, []]));
  for (const activity of view.activities) {
    if (activity.group_id !== groupId) continue;
    const day = week.get(activity.day);
    if (day) day.push(activity);
  }
  for (const list of week.values()) {
    list.sort(
      (a, b) =>
        minutesOf(a.starts) - minutesOf(b.starts) ||
        a.minutes - b.minutes ||
        a.activity_name.localeCompare(b.activity_name) ||
        a.id.localeCompare(b.id),
    );
  }
  return week;
}

/** Where the page says each broken norm of a group. */
export interface PlacedViolations {
  /** Said beside an activity: the first, in the week's order, of those it names. */
  atActivity: Map<string, ActivityViolation[]>;
  /** Every activity some norm names: its card is marked. */
  marked: Set<string>;
  /** Said under a day: a day's rule that names no activity shown. */
  atDay: Map<number, ActivityViolation[]>;
  /** Said above the week: a rule of the whole week. */
  week: ActivityViolation[];
}

export function placeViolations(view: Activities, groupId: string, week: Map<number, Activity[]> = weekOf(view, groupId)): PlacedViolations {
  const order = new Map<string, number>();
  for (const list of week.values()) for (const activity of list) order.set(activity.id, order.size);
  const placed: PlacedViolations = { atActivity: new Map(), marked: new Set(), atDay: new Map(), week: [] };
  const add = <K>(map: Map<K, ActivityViolation[]>, key: K, violation: ActivityViolation) => {
    const list = map.get(key);
    if (list) list.push(violation);
    else map.set(key, [violation]);
  };
  for (const violation of view.violations) {
    if (violation.group_id !== groupId) continue;
    const shown = violation.activity_ids.filter((id) => order.has(id));
    for (const id of shown) placed.marked.add(id);
    const first = shown.sort((a, b) => order.get(a)! - order.get(b)!)[0];
    if (first !== undefined) add(placed.atActivity, first, violation);
    else if (violation.day !== null && week.has(violation.day)) add(placed.atDay, violation.day, violation);
    else placed.week.push(violation);
  }
  return placed;
}

/** The norm of a group's age: the one whose ages hold the group's, the narrowest if several do. */
export function normFor(norms: ActivityNorm[], group: Pick<ActivityGroup, 'age_from' | 'age_to'>): ActivityNorm | null {
  const holding = norms.filter((n) => n.age_from <= group.age_from && group.age_to <= n.age_to);
  const candidates = holding.length > 0 ? holding : norms.filter((n) => n.age_from <= group.age_from && group.age_from <= n.age_to);
  return candidates.sort((a, b) => a.age_to - a.age_from - (b.age_to - b.age_from))[0] ?? null;
}

/** How many norms a group's week breaks, for its button. */
export const violationCount = (view: Activities, groupId: string) => view.violations.filter((v) => v.group_id === groupId).length;

/** Groups of the same age as `group`: the standard week applies to them all. */
export const sameAge = (groups: ActivityGroup[], group: ActivityGroup) => groups.filter((g) => g.age_from === group.age_from);

/** Minutes in a day's activities. */
export const dayMinutes = (activities: Activity[]) => activities.reduce((sum, a) => sum + a.minutes, 0);

/** What the form edits: text as typed, ids as chosen ('' for none). */
export interface ActivityDraft {
  id: string | null;
  day: string;
  starts: string;
  minutes: string;
  activity: string;
  educator_id: string;
  room_id: string;
}

/** A new activity starts after the day's last one (else at 09:00), as long as the age's norm allows. */
export function newDraft(view: Activities, groupId: string, day: number, norm: ActivityNorm | null): ActivityDraft {
  const list = weekOf(view, groupId).get(day) ?? [];
  const last = list[list.length - 1];
  const starts = last ? minutesOf(last.starts) + last.minutes + (norm?.min_break_minutes ?? 10) : 9 * 60;
  return {
    id: null,
    day: String(day),
    starts: timeOf(starts),
    minutes: String(norm?.max_minutes ?? 15),
    activity: view.catalogue[0]?.code ?? '',
    educator_id: '',
    room_id: '',
  };
}

export function draftOf(activity: Activity): ActivityDraft {
  return {
    id: activity.id,
    day: String(activity.day),
    starts: activity.starts,
    minutes: String(activity.minutes),
    activity: activity.activity,
    educator_id: activity.educator_id ?? '',
    room_id: activity.room_id ?? '',
  };
}

/** What dala-core stores whatever the age (activities.rs); the age's own norm only warns. */
export const MIN_MINUTES = 5;
export const MAX_MINUTES = 60;

export function draftProblems(draft: ActivityDraft): { starts: Problem | null; minutes: Problem | null; activity: Problem | null } {
  const minutes = draft.minutes.trim();
  return {
    starts: Number.isNaN(minutesOf(draft.starts)) ? { id: 'act-starts-invalid' } : null,
    minutes:
      /^\d+$/.test(minutes) && Number(minutes) >= MIN_MINUTES && Number(minutes) <= MAX_MINUTES
        ? null
        : { id: 'act-minutes-invalid', args: { min: MIN_MINUTES, max: MAX_MINUTES } },
    activity: draft.activity ? null : { id: 'form-required' },
  };
}

/** The request for a checked draft; the time written as the API writes it ("9:05" → "09:05"). */
export function saveOf(draft: ActivityDraft, groupId: string): ActivitySave {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    group_id: groupId,
    day: Number(draft.day),
    starts: timeOf(minutesOf(draft.starts)),
    minutes: Number(draft.minutes.trim()),
    activity: draft.activity,
    educator_id: draft.educator_id || null,
    room_id: draft.room_id || null,
  };
}
