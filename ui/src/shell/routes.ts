// The pages of the shell and who may open them. Routing is by the URL's hash (`#/accounts`), so the same
// files work over the LAN and under the desktop app's URI scheme with no server-side routes. This guard
// only keeps people from pages the API would refuse them; the API checks every request itself.
import type { Role } from '../api';
import { administers } from '../accounts/roles';

export type Page = 'home' | 'accounts' | 'audit' | 'login-attempts' | 'password';

interface PageRule {
  path: string;
  /** The Fluent id of its name in the navigation and the window title. */
  label: string;
  may: (role: Role) => boolean;
  /** Listed in the navigation; the password page is reached from the user's name instead. */
  listed: boolean;
}

const everyone = () => true;

export const PAGES: Record<Page, PageRule> = {
  home: { path: '/', label: 'nav-home', may: everyone, listed: true },
  accounts: { path: '/accounts', label: 'nav-accounts', may: administers, listed: true },
  audit: { path: '/audit', label: 'nav-audit', may: administers, listed: true },
  'login-attempts': { path: '/login-attempts', label: 'nav-login-attempts', may: administers, listed: true },
  password: { path: '/password', label: 'nav-password', may: everyone, listed: false },
};

const ORDER: readonly Page[] = ['home', 'accounts', 'audit', 'login-attempts', 'password'];

export function href(page: Page): string {
  return `#${PAGES[page].path}`;
}

/** The page a hash names, ignoring a trailing slash and any query; null when it names none. */
export function pageOf(hash: string): Page | null {
  const path = hash.replace(/^#/, '').split('?')[0]?.replace(/(.)\/+$/, '$1') || '/';
  return ORDER.find((page) => PAGES[page].path === path) ?? null;
}

/** Where a hash leads a role: its page when allowed, home otherwise (unknown, or not for this role). */
export function resolve(hash: string, role: Role): Page {
  const page = pageOf(hash);
  return page && PAGES[page].may(role) ? page : 'home';
}

/** The navigation of a role, in order. */
export function navigation(role: Role): Page[] {
  return ORDER.filter((page) => PAGES[page].listed && PAGES[page].may(role));
}
