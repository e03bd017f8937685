// The roles of an organisation, as the regulations name them (order 456 R5.7–R5.10): a school's seven and a
// kindergarten's four, in the order a director reads them. The API decides what a role may do; the UI only
// uses these to offer the right choices and to hide what would be refused anyway.
import type { OrgKind, Role } from '../api';

export const SCHOOL_ROLES: readonly Role[] = ['director', 'deputy', 'teacher', 'methodist', 'tutor', 'student', 'parent'];
export const KINDERGARTEN_ROLES: readonly Role[] = ['head', 'methodist', 'educator', 'parent'];

export function rolesOf(kind: OrgKind): readonly Role[] {
  return kind === 'school' ? SCHOOL_ROLES : KINDERGARTEN_ROLES;
}

/** The director of a school or the head of a kindergarten: keeps accounts and reads the logs. */
export function administers(role: Role): boolean {
  return role === 'director' || role === 'head';
}

/** The Fluent id of a role's name, e.g. `role-deputy`. */
export function roleLabelId(role: Role): string {
  return `role-${role}`;
}
