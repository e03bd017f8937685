// The pages of the shell and who may open them. Routing is by the URL's hash (`#/accounts`), so the same
// files work over the LAN and under the desktop app's URI scheme with no server-side routes. This guard
// only keeps people from pages the API would refuse them; the API checks every request itself. A page
// keeps its own state (which class, which month) in the hash's query, so a reload returns to it.
import type { OrgKind, Role } from '../api';
import { administers } from '../accounts/roles';

export type Page =
  | 'home'
  | 'journal'
  | 'my-journal'
  | 'attendance'
  | 'timetable'
  | 'load'
  | 'curriculum'
  | 'activities'
  | 'oversight'
  | 'sync'
  | 'accounts'
  | 'audit'
  | 'login-attempts'
  | 'password';

interface PageRule {
  path: string;
  /** The Fluent id of its name in the navigation and the window title. */
  label: string;
  /** A methodist or a parent is in a school or a kindergarten: the same role, other pages. */
  may: (role: Role, kind: OrgKind) => boolean;
  /** Listed in the navigation; the password page is reached from the user's name instead. */
  listed: boolean;
}

const everyone = () => true;
const inSchool =
  (...roles: Role[]) =>
  (role: Role, kind: OrgKind) =>
    kind === 'school' && roles.includes(role);
const inKindergarten =
  (...roles: Role[]) =>
  (role: Role, kind: OrgKind) =>
    kind === 'kindergarten' && roles.includes(role);

export const PAGES: Record<Page, PageRule> = {
  home: { path: '/', label: 'nav-home', may: everyone, listed: true },
  journal: {
    path: '/journal',
    label: 'nav-journal',
    may: inSchool('teacher', 'deputy', 'director', 'methodist', 'tutor'),
    listed: true,
  },
  'my-journal': { path: '/my-journal', label: 'nav-my-journal', may: inSchool('student', 'parent'), listed: true },
  attendance: {
    path: '/attendance',
    label: 'nav-attendance',
    may: inKindergarten('head', 'methodist', 'educator'),
    listed: true,
  },
  timetable: {
    path: '/timetable',
    label: 'nav-timetable',
    // Teachers read it; the API tells the page whether it may be changed (can_edit).
    may: inSchool('director', 'deputy', 'methodist', 'teacher'),
    listed: true,
  },
  load: { path: '/load', label: 'nav-load', may: inSchool('director', 'deputy', 'methodist'), listed: true },
  curriculum: {
    path: '/curriculum',
    label: 'nav-curriculum',
    // Teachers read it; the API tells the page whether it may be changed (can_edit).
    may: inSchool('director', 'deputy', 'methodist', 'teacher'),
    listed: true,
  },
  activities: {
    path: '/activities',
    label: 'nav-activities',
    may: inKindergarten('head', 'methodist', 'educator'),
    listed: true,
  },
  oversight: { path: '/oversight', label: 'nav-oversight', may: inSchool('tutor', 'deputy', 'director', 'methodist'), listed: true },
  sync: {
    path: '/sync',
    label: 'nav-sync',
    // The staff read it; the API tells the page whether this user may start a sync (can_sync).
    may: (role, kind) =>
      inSchool('director', 'deputy', 'teacher', 'methodist')(role, kind) || inKindergarten('head', 'methodist', 'educator')(role, kind),
    listed: true,
  },
  accounts: { path: '/accounts', label: 'nav-accounts', may: administers, listed: true },
  audit: { path: '/audit', label: 'nav-audit', may: administers, listed: true },
  'login-attempts': { path: '/login-attempts', label: 'nav-login-attempts', may: administers, listed: true },
  password: { path: '/password', label: 'nav-password', may: everyone, listed: false },
};

const ORDER: readonly Page[] = [
  'home',
  'journal',
  'my-journal',
  'timetable',
  'load',
  'curriculum',
  'attendance',
  'activities',
  'oversight',
  'sync',
  'accounts',
  'audit',
  'login-attempts',
  'password',
];

/** `#/journal`, or `#/journal?class=…&term=…` with the parameters that have a value. */
export function href(page: Page, query: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return `#${PAGES[page].path}${search ? `?${search}` : ''}`;
}

/** The query of a hash: `#/journal?class=5a` → class=5a. */
export function hashQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** Rewrites the current page's query in place: no new history entry, no hashchange, a reload comes back. */
export function keepQuery(page: Page, query: Record<string, string | null | undefined>): void {
  const next = href(page, query);
  if (location.hash !== next) history.replaceState(history.state, '', next);
}

/** The page a hash names, ignoring a trailing slash and any query; null when it names none. */
export function pageOf(hash: string): Page | null {
  const path = hash.replace(/^#/, '').split('?')[0]?.replace(/(.)\/+$/, '$1') || '/';
  return ORDER.find((page) => PAGES[page].path === path) ?? null;
}

/** Where a hash leads a role: its page when allowed, home otherwise (unknown, or not for this role). */
export function resolve(hash: string, role: Role, kind: OrgKind): Page {
  const page = pageOf(hash);
  return page && PAGES[page].may(role, kind) ? page : 'home';
}

/** The navigation of a role in its kind of organisation, in order. */
export function navigation(role: Role, kind: OrgKind): Page[] {
  return ORDER.filter((page) => PAGES[page].listed && PAGES[page].may(role, kind));
}
