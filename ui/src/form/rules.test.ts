import { describe, expect, it } from 'vitest';
import { initialPassword, loginProblem, passwordProblem, requiredProblem } from './rules';

describe('form rules, as dala-core has them', () => {
  it('accepts Latin logins of 3 to 32 characters', () => {
    expect(loginProblem('director')).toBeNull();
    expect(loginProblem('a.seitkali-2_b')).toBeNull();
    expect(loginProblem('ab')).toEqual({ id: 'error-account-login-invalid' });
    expect(loginProblem('айгүл')).toEqual({ id: 'error-account-login-invalid' });
    expect(loginProblem('a b c')).toEqual({ id: 'error-account-login-invalid' });
    expect(loginProblem('x'.repeat(33))).toEqual({ id: 'error-account-login-invalid' });
  });

  it('wants 8 characters, counted as letters, and the same password twice', () => {
    expect(passwordProblem('1234567')).toEqual({ id: 'error-account-password-too-short', args: { min: 8 } });
    expect(passwordProblem('құпиясөз')).toBeNull();
    expect(passwordProblem('dala-demo-2026', 'dala-demo-2025')).toEqual({ id: 'form-passwords-differ' });
    expect(passwordProblem('dala-demo-2026', 'dala-demo-2026')).toBeNull();
  });

  it('wants required fields filled with more than spaces', () => {
    expect(requiredProblem('  ')).toEqual({ id: 'form-required' });
    expect(requiredProblem('Ақсу')).toBeNull();
  });

  it('suggests initial passwords with no look-alike characters', () => {
    const password = initialPassword(12, (n) => Uint32Array.from({ length: n }, (_, i) => i * 7));
    expect(password).toHaveLength(12);
    expect(initialPassword()).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{10}$/);
    expect(passwordProblem(initialPassword())).toBeNull();
  });
});
