// What each role sees first. A teacher opens the app to teach: today's lessons. A director or head wants the
// organisation at a glance; a methodist or educator, the groups. Students and parents get a greeting until
// their diary exists.
import type { Counts, OrgKind, Role } from '../api';

export type HomeView = 'overview' | 'groups' | 'lessons' | 'welcome';

export function homeView(role: Role): HomeView {
  switch (role) {
    case 'director':
    case 'deputy':
    case 'head':
      return 'overview';
    case 'methodist':
    case 'educator':
      return 'groups';
    case 'teacher':
    case 'tutor':
      return 'lessons';
    case 'student':
    case 'parent':
      return 'welcome';
  }
}

/** The counts that mean something for the kind of organisation, in reading order. */
export function countsShown(kind: OrgKind): (keyof Counts)[] {
  return kind === 'school'
    ? ['students', 'staff', 'classes', 'accounts']
    : ['children', 'staff', 'age_groups', 'accounts'];
}

/** How full a group is, for the bar beside it: 0 when it has no norm, never above 1. */
export function occupancy(enrolled: number, normPlaces: number): number {
  if (normPlaces <= 0) return 0;
  return Math.min(1, Math.max(0, enrolled / normPlaces));
}
