import { describe, expect, it } from 'vitest';
import { actionLabelId, isoDate, lastMonth, prettyRecord, reasonLabelId } from './entries';

describe('audit rows', () => {
  it('names the actions the store writes and leaves unknown ones as they are', () => {
    expect(actionLabelId('account.create')).toBe('audit-action-account-create');
    expect(actionLabelId('account.password_set')).toBe('audit-action-account-password-set');
    expect(actionLabelId('age_group.add')).toBe('audit-action-age-group-add');
    expect(actionLabelId('journal.mark')).toBeNull();
    expect(reasonLabelId('invalid_credentials')).toBe('login-attempt-reason-invalid-credentials');
    expect(reasonLabelId('cosmic_rays')).toBeNull();
  });

  it('indents JSON records and keeps anything else', () => {
    expect(prettyRecord('{"login":"a","role":"teacher"}')).toBe('{\n  "login": "a",\n  "role": "teacher"\n}');
    expect(prettyRecord('not json')).toBe('not json');
    expect(prettyRecord(null)).toBeNull();
    expect(prettyRecord('')).toBeNull();
  });

  it('opens on the last 30 days', () => {
    expect(lastMonth(new Date(2026, 2, 5))).toEqual({ from: '2026-02-03', to: '2026-03-05' });
    expect(isoDate(new Date(2026, 0, 9))).toBe('2026-01-09');
  });
});
