import { describe, expect, it } from 'vitest';
import { hasProblems, setupProblems } from './setup';

describe('the first-run form', () => {
  const good = { name: '«Ақсу ауылының № 2 мектебі» КММ', adminLogin: 'director', password: 'dala-demo-2026', repeated: 'dala-demo-2026' };

  it('passes a complete form', () => {
    expect(hasProblems(setupProblems(good))).toBe(false);
  });

  it('names each problem by its field', () => {
    const problems = setupProblems({ name: ' ', adminLogin: 'директор', password: 'short', repeated: 'other' });
    expect(problems).toEqual({
      name: { id: 'error-org-name-required' },
      file: null,
      code: null,
      adminLogin: { id: 'error-account-login-invalid' },
      password: { id: 'error-account-password-too-short', args: { min: 8 } },
      repeated: { id: 'form-passwords-differ' },
    });
    expect(hasProblems(problems)).toBe(true);
  });

  it('asks a new computer for the snapshot file and its code, not for a name', () => {
    const problems = setupProblems({ ...good, from: 'snapshot', name: '', code: ' ', hasFile: false });
    expect(problems.name).toBeNull();
    expect(problems.file).toEqual({ id: 'setup-snapshot-missing' });
    expect(problems.code).toEqual({ id: 'setup-code-missing' });
    expect(hasProblems(setupProblems({ ...good, from: 'snapshot', name: '', code: 'ABCD-EFGH', hasFile: true }))).toBe(false);
  });
});
