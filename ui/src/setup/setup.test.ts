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
      adminLogin: { id: 'error-account-login-invalid' },
      password: { id: 'error-account-password-too-short', args: { min: 8 } },
      repeated: { id: 'form-passwords-differ' },
    });
    expect(hasProblems(problems)).toBe(true);
  });
});
