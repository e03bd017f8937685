// The checks a form can make before it asks the API, mirroring dala-core's (account.rs): the API checks
// again and its answer wins. Each problem is a Fluent id and its arguments, so it follows the language.
import type { MessageArgs } from '../i18n';

/** dala-core's MIN_PASSWORD. */
export const MIN_PASSWORD = 8;

export interface Problem {
  id: string;
  args?: MessageArgs;
}

/** Logins are Latin letters, digits, `.`, `-`, `_`, 3 to 32 of them: typeable on any keyboard layout. */
export function loginProblem(login: string): Problem | null {
  return /^[A-Za-z0-9._-]{3,32}$/.test(login) ? null : { id: 'error-account-login-invalid' };
}

export function passwordProblem(password: string, repeated?: string): Problem | null {
  if ([...password].length < MIN_PASSWORD) {
    return { id: 'error-account-password-too-short', args: { min: MIN_PASSWORD } };
  }
  if (repeated !== undefined && password !== repeated) return { id: 'form-passwords-differ' };
  return null;
}

export function requiredProblem(value: string): Problem | null {
  return value.trim() === '' ? { id: 'form-required' } : null;
}

// No 0/O, 1/l/I: the password is read aloud or copied from paper by someone who has never seen it.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random initial password of `length` characters, for the director to hand over. */
export function initialPassword(length = 10, random: (n: number) => Uint32Array = secureRandom): string {
  const values = random(length);
  let out = '';
  for (const value of values) out += ALPHABET[value % ALPHABET.length];
  return out;
}

function secureRandom(n: number): Uint32Array {
  return crypto.getRandomValues(new Uint32Array(n));
}
