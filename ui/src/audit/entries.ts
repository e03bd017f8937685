// Turning audit and login-attempt rows into what a director reads: named actions where the interface knows
// the code (an unknown one shows as it is stored), and the before/after records pretty-printed.
import { hasMessage } from '../i18n';

/** `account.password_set` → `audit-action-account-password-set` when that message exists. */
export function actionLabelId(action: string): string | null {
  const id = `audit-action-${action.replace(/[._]/g, '-')}`;
  return hasMessage(id) ? id : null;
}

/** `invalid_credentials` → `login-attempt-reason-invalid-credentials` when that message exists. */
export function reasonLabelId(reason: string): string | null {
  const id = `login-attempt-reason-${reason.replace(/[._]/g, '-')}`;
  return hasMessage(id) ? id : null;
}

/** A record as stored in the log (a JSON string) indented for reading; not JSON → as it is. */
export function prettyRecord(record: string | null): string | null {
  if (record === null || record === '') return null;
  try {
    return JSON.stringify(JSON.parse(record), null, 2);
  } catch {
    return record;
  }
}

/** Today and 30 days back as `YYYY-MM-DD` in local time: the period the audit page opens with. */
export function lastMonth(today: Date): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30);
  return { from: isoDate(from), to: isoDate(today) };
}

export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
