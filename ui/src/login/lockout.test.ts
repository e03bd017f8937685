import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { lockedUntil, minutesLeft } from './lockout';

describe('the lockout wait', () => {
  const now = 1_000_000;

  it('comes from retry_after_seconds of auth.locked only', () => {
    expect(lockedUntil(new ApiError(429, 'auth.locked', '', { retry_after_seconds: 300 }), now)).toBe(now + 300_000);
    expect(lockedUntil(new ApiError(429, 'auth.locked'), now)).toBe(now + 60_000);
    expect(lockedUntil(new ApiError(401, 'auth.invalid_credentials'), now)).toBeNull();
  });

  it('counts whole minutes up, down to zero', () => {
    expect(minutesLeft(now + 300_000, now)).toBe(5);
    expect(minutesLeft(now + 61_000, now)).toBe(2);
    expect(minutesLeft(now + 1_000, now)).toBe(1);
    expect(minutesLeft(now - 1_000, now)).toBe(0);
  });
});
