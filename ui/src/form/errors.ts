// What went wrong, in words: an API error by its code (Fluent `error-<code>`, else the server's localised
// message), a request that never reached the API, or a fault of the UI itself.
import { ApiError, UNREACHABLE } from '../api';
import { errorText, t, type MessageArgs } from '../i18n';

export function whatWentWrong(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === UNREACHABLE) return t('app-unreachable');
    return errorText(error.code, detailArgs(error.details), error.serverMessage);
  }
  if (import.meta.env.DEV) console.error(error);
  return t('error-unknown', { code: 'ui' });
}

function detailArgs(details: Readonly<Record<string, unknown>>): MessageArgs {
  const args: MessageArgs = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') args[key] = value;
  }
  return args;
}
