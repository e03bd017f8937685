// The route guard: each role reaches its own pages, and a hash it may not open leads home.
import { describe, expect, it } from 'vitest';
import type { Role } from '../api';
import { KINDERGARTEN_ROLES, SCHOOL_ROLES } from '../accounts/roles';
import { href, navigation, pageOf, resolve } from './routes';

const ALL: Role[] = [...new Set([...SCHOOL_ROLES, ...KINDERGARTEN_ROLES])];

describe('pages by hash', () => {
  it('reads the hash, with or without a trailing slash or query', () => {
    expect(pageOf('')).toBe('home');
    expect(pageOf('#')).toBe('home');
    expect(pageOf('#/')).toBe('home');
    expect(pageOf('#/accounts')).toBe('accounts');
    expect(pageOf('#/accounts/')).toBe('accounts');
    expect(pageOf('#/audit?login=x')).toBe('audit');
    expect(pageOf('#/login-attempts')).toBe('login-attempts');
    expect(pageOf('#/nowhere')).toBeNull();
    expect(pageOf('#main')).toBeNull();
  });

  it('writes the hash the same way back', () => {
    for (const page of ['home', 'accounts', 'audit', 'login-attempts', 'password'] as const) {
      expect(pageOf(href(page))).toBe(page);
    }
  });
});

describe('the guard', () => {
  it('lets the director and the head keep accounts and read the logs', () => {
    for (const role of ['director', 'head'] as const) {
      expect(navigation(role)).toEqual(['home', 'accounts', 'audit', 'login-attempts']);
      expect(resolve('#/accounts', role)).toBe('accounts');
      expect(resolve('#/audit', role)).toBe('audit');
      expect(resolve('#/login-attempts', role)).toBe('login-attempts');
    }
  });

  it('sends every other role home from those pages', () => {
    for (const role of ALL.filter((r) => r !== 'director' && r !== 'head')) {
      expect(navigation(role), role).toEqual(['home']);
      expect(resolve('#/accounts', role), role).toBe('home');
      expect(resolve('#/audit', role), role).toBe('home');
      expect(resolve('#/login-attempts', role), role).toBe('home');
    }
  });

  it('lets everyone change their own password, and sends unknown hashes home', () => {
    for (const role of ALL) {
      expect(resolve('#/password', role)).toBe('password');
      expect(resolve('#/journal', role)).toBe('home');
    }
  });
});
