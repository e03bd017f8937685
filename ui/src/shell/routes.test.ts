// The route guard: each role reaches its own pages, and a hash it may not open leads home.
import { describe, expect, it } from 'vitest';
import type { OrgKind, Role } from '../api';
import { KINDERGARTEN_ROLES, SCHOOL_ROLES } from '../accounts/roles';
import { PAGES, hashQuery, href, navigation, pageOf, resolve, type Page } from './routes';

const ALL: [Role, OrgKind][] = [
  ...SCHOOL_ROLES.map((role): [Role, OrgKind] => [role, 'school']),
  ...KINDERGARTEN_ROLES.map((role): [Role, OrgKind] => [role, 'kindergarten']),
];

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
    for (const page of Object.keys(PAGES) as Page[]) {
      expect(pageOf(href(page))).toBe(page);
    }
  });

  it('keeps a page’s state in the query', () => {
    const hash = href('journal', { class: '5А', subject: 'mathematics', term: null });
    expect(hash).toBe('#/journal?class=5%D0%90&subject=mathematics');
    expect(pageOf(hash)).toBe('journal');
    expect(hashQuery(hash).get('class')).toBe('5А');
    expect(hashQuery(hash).get('term')).toBeNull();
    expect(hashQuery('#/journal').toString()).toBe('');
  });
});

describe('the guard', () => {
  it('lets the director and the head keep accounts and read the logs', () => {
    expect(navigation('director', 'school')).toEqual(['home', 'journal', 'timetable', 'load', 'curriculum', 'oversight', 'sync', 'accounts', 'audit', 'login-attempts']);
    expect(navigation('head', 'kindergarten')).toEqual(['home', 'attendance', 'activities', 'sync', 'accounts', 'audit', 'login-attempts']);
    for (const [role, kind] of [['director', 'school'], ['head', 'kindergarten']] as const) {
      expect(resolve('#/accounts', role, kind)).toBe('accounts');
      expect(resolve('#/audit', role, kind)).toBe('audit');
      expect(resolve('#/login-attempts', role, kind)).toBe('login-attempts');
    }
  });

  it('sends every other role home from those pages', () => {
    for (const [role, kind] of ALL.filter(([r]) => r !== 'director' && r !== 'head')) {
      expect(navigation(role, kind), role).not.toContain('accounts');
      expect(resolve('#/accounts', role, kind), role).toBe('home');
      expect(resolve('#/audit', role, kind), role).toBe('home');
      expect(resolve('#/login-attempts', role, kind), role).toBe('home');
    }
  });

  it('opens the journal to the school’s staff, and oversight to those who check it', () => {
    expect(navigation('teacher', 'school')).toEqual(['home', 'journal', 'timetable', 'curriculum', 'sync']);
    expect(navigation('tutor', 'school')).toEqual(['home', 'journal', 'oversight']);
    expect(navigation('deputy', 'school')).toEqual(['home', 'journal', 'timetable', 'load', 'curriculum', 'oversight', 'sync']);
    expect(navigation('methodist', 'school')).toEqual(['home', 'journal', 'timetable', 'load', 'curriculum', 'oversight', 'sync']);
    expect(resolve('#/journal?class=c1', 'teacher', 'school')).toBe('journal');
    expect(resolve('#/oversight', 'teacher', 'school')).toBe('home');
  });

  it('opens the timetable to the school’s staff who plan or teach, and the load to those who plan it', () => {
    for (const role of ['director', 'deputy', 'methodist', 'teacher'] as const) {
      expect(resolve('#/timetable?by=teacher&id=t1', role, 'school'), role).toBe('timetable');
    }
    for (const role of ['tutor', 'student', 'parent'] as const) expect(resolve('#/timetable', role, 'school'), role).toBe('home');
    expect(resolve('#/load', 'teacher', 'school')).toBe('home');
    expect(resolve('#/load', 'deputy', 'school')).toBe('load');
    expect(resolve('#/timetable', 'methodist', 'kindergarten')).toBe('home');
  });

  it('opens the curriculum to the school’s staff who plan or teach, and to no one in a kindergarten', () => {
    for (const role of ['director', 'deputy', 'methodist', 'teacher'] as const) {
      expect(resolve('#/curriculum', role, 'school'), role).toBe('curriculum');
    }
    for (const role of ['tutor', 'student', 'parent'] as const) {
      expect(resolve('#/curriculum', role, 'school'), role).toBe('home');
      expect(navigation(role, 'school'), role).not.toContain('curriculum');
    }
    for (const role of ['head', 'methodist', 'educator', 'parent'] as const) {
      expect(resolve('#/curriculum', role, 'kindergarten'), role).toBe('home');
    }
  });

  it('opens the organised activities to the kindergarten’s head, methodist and educators', () => {
    for (const role of ['head', 'methodist', 'educator'] as const) {
      expect(resolve('#/activities?group=g1', role, 'kindergarten'), role).toBe('activities');
    }
    expect(resolve('#/activities', 'parent', 'kindergarten')).toBe('home');
    expect(resolve('#/activities', 'methodist', 'school')).toBe('home');
  });

  it('opens the sync screen to the staff, and not to students, parents or tutors', () => {
    for (const role of ['director', 'deputy', 'teacher', 'methodist'] as const) {
      expect(resolve('#/sync', role, 'school'), role).toBe('sync');
    }
    for (const role of ['head', 'methodist', 'educator'] as const) {
      expect(resolve('#/sync', role, 'kindergarten'), role).toBe('sync');
    }
    for (const [role, kind] of [['student', 'school'], ['parent', 'school'], ['tutor', 'school'], ['parent', 'kindergarten']] as const) {
      expect(resolve('#/sync', role, kind), role).toBe('home');
      expect(navigation(role, kind), role).not.toContain('sync');
    }
  });

  it('gives students and parents their own marks, in a school only', () => {
    expect(navigation('student', 'school')).toEqual(['home', 'my-journal']);
    expect(navigation('parent', 'school')).toEqual(['home', 'my-journal']);
    expect(navigation('parent', 'kindergarten')).toEqual(['home']);
    expect(resolve('#/journal', 'student', 'school')).toBe('home');
    expect(resolve('#/my-journal', 'parent', 'kindergarten')).toBe('home');
  });

  it('keeps the kindergarten’s register to the kindergarten', () => {
    expect(navigation('methodist', 'kindergarten')).toEqual(['home', 'attendance', 'activities', 'sync']);
    expect(navigation('educator', 'kindergarten')).toEqual(['home', 'attendance', 'activities', 'sync']);
    expect(resolve('#/attendance', 'methodist', 'school')).toBe('home');
    expect(resolve('#/journal', 'methodist', 'kindergarten')).toBe('home');
  });

  it('lets everyone change their own password, and sends unknown hashes home', () => {
    for (const [role, kind] of ALL) {
      expect(resolve('#/password', role, kind)).toBe('password');
      expect(resolve('#/nowhere', role, kind)).toBe('home');
    }
  });
});
