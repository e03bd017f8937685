// The client of dala-api: one function per endpoint, typed as the API sends it. URLs are relative, because
// the same origin serves the UI and the API — over the LAN and inside the desktop window alike. Every request
// names the interface language; once logged in it carries the session token, kept in sessionStorage so a
// closed tab on a shared classroom PC is a logged-out tab. An error response becomes an ApiError with the
// API's stable code; a 401 for the session (not for a typed password) ends the session here too.
import { untrack } from 'svelte';
import { lang, type Lang } from './i18n';

export type OrgKind = 'school' | 'kindergarten';
export type SchoolRole = 'director' | 'deputy' | 'teacher' | 'methodist' | 'tutor' | 'student' | 'parent';
export type KindergartenRole = 'head' | 'methodist' | 'educator' | 'parent';
export type Role = SchoolRole | KindergartenRole;

export interface SetupState {
  initialised: boolean;
}

export interface SetupRequest {
  kind: OrgKind;
  name: string;
  admin_login: string;
  password: string;
  lang: Lang;
}

export interface SetupDone {
  recovery_key: string;
}

export interface LoginRequest {
  login: string;
  password: string;
  totp: string | null;
}

export interface Session {
  token: string;
  must_change_password: boolean;
  must_setup_second_factor: boolean;
}

export interface Me {
  id: string;
  login: string;
  role: Role;
  lang: Lang;
  full_name: string | null;
  must_change_password: boolean;
  totp_enabled: boolean;
  must_setup_second_factor: boolean;
  organisation: { kind: OrgKind; name: string };
}

export interface NewSecondFactor {
  secret: string;
  otpauth_uri: string;
}

export interface Counts {
  students: number;
  children: number;
  staff: number;
  classes: number;
  age_groups: number;
  accounts: number;
}

export interface GroupPlaces {
  id: string;
  name: string;
  norm_places: number;
  enrolled: number;
  free_places: number;
}

export interface Home {
  role: Role;
  counts: Counts;
  groups: GroupPlaces[];
}

export interface SyncStatus {
  online: boolean;
  last_sync: string | null;
  pending_changes: number;
}

export interface Account {
  id: string;
  login: string;
  role: Role;
  lang: Lang;
  must_change_password: boolean;
  totp_enabled: boolean;
  person_id: string | null;
}

export interface NewAccount {
  login: string;
  role: Role;
  initial_password: string;
  person_id: string | null;
}

export interface AccountChange {
  role?: Role;
  reset_password?: string;
}

export interface AuditFilter {
  login?: string;
  from?: string;
  to?: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  login: string;
  action: string;
  collection: string | null;
  entity_id: string | null;
  personal: boolean;
  before: string | null;
  after: string | null;
}

export interface LoginAttempt {
  at: string;
  login: string;
  device: string;
  reason: string;
}

/** Codes whose 401 is about the login or password typed into a form, not about the session. */
const CREDENTIAL_CODES = new Set(['auth.invalid_credentials', 'auth.totp_required', 'auth.totp_invalid']);

/** The code given to a request that never reached the API (server off, cable out, gateway error). */
export const UNREACHABLE = 'network.unreachable';

export class ApiError extends Error {
  /** HTTP status, 0 when the API could not be reached. */
  readonly status: number;
  /** The API's stable error code, e.g. `auth.locked`. */
  readonly code: string;
  /** The message as the API localised it, used when the UI has no Fluent message for the code. */
  readonly serverMessage: string;
  /** Any further fields of the error body, e.g. `retry_after_seconds`. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, serverMessage = '', details: Record<string, unknown> = {}) {
    super(`${code} (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
    this.details = details;
  }
}

const TOKEN_KEY = 'dala.session';
const BASE = '/api/v1';

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // Storage can be switched off in a browser's privacy settings; the session then lives in memory.
    return null;
  }
}

let memoryToken: string | null = null;
const endedListeners = new Set<() => void>();

export function sessionToken(): string | null {
  const store = storage();
  return store ? store.getItem(TOKEN_KEY) : memoryToken;
}

function keepToken(token: string): void {
  const store = storage();
  if (store) store.setItem(TOKEN_KEY, token);
  else memoryToken = token;
}

/** Forgets the token; listeners hear of it so the app can return to the login screen. */
export function endSession(): void {
  const had = sessionToken() !== null;
  memoryToken = null;
  storage()?.removeItem(TOKEN_KEY);
  if (had) for (const listener of endedListeners) listener();
}

/** Called whenever the session ends (logout, or the API no longer accepts the token). */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy's error page, or an API not running behind the dev server.
  }
  if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') {
    const { code, message, ...details } = body as { code: string; message?: unknown };
    return new ApiError(response.status, code, typeof message === 'string' ? message : '', details);
  }
  // A gateway's own error (the dev server's proxy, a LAN reverse proxy): the API behind it is not there.
  if ([502, 503, 504].includes(response.status)) return new ApiError(response.status, UNREACHABLE);
  return new ApiError(response.status, `http.${response.status}`);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': untrack(lang),
  };
  const token = sessionToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && !CREDENTIAL_CODES.has(error.code)) endSession();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const get = <T>(path: string) => request<T>('GET', path);

export const getSetup = () => get<SetupState>('/setup');
export const setUp = (body: SetupRequest) => request<SetupDone>('POST', '/setup', body);

/** Logs in and keeps the token; a 401 `auth.totp_required` asks for the code and a second call. */
export async function logIn(body: LoginRequest): Promise<Session> {
  const session = await request<Session>('POST', '/session', body);
  keepToken(session.token);
  return session;
}

/** Ends the session on the API and here; here even when the API cannot be reached. */
export async function logOut(): Promise<void> {
  try {
    await request<void>('DELETE', '/session');
  } finally {
    endSession();
  }
}

export const getMe = () => get<Me>('/me');
export const changePassword = (current: string, next: string) =>
  request<void>('POST', '/me/password', { current, new: next });
export const saveLang = (language: Lang) => request<void>('PUT', '/me/lang', { lang: language });

export const startSecondFactor = () => request<NewSecondFactor>('POST', '/me/second-factor');
export const confirmSecondFactor = (code: string) =>
  request<void>('POST', '/me/second-factor/confirm', { code });

export const getHome = () => get<Home>('/home');
export const getStatus = () => get<SyncStatus>('/status');

export const listAccounts = () => get<Account[]>('/accounts');
export const createAccount = (body: NewAccount) => request<Account>('POST', '/accounts', body);
export const changeAccount = (id: string, change: AccountChange) =>
  request<Account>('PATCH', `/accounts/${encodeURIComponent(id)}`, change);
export const deleteAccount = (id: string) => request<void>('DELETE', `/accounts/${encodeURIComponent(id)}`);

/** `?login=&from=&to=` with the empty filters left out. */
export function auditQuery(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const key of ['login', 'from', 'to'] as const) {
    const value = filter[key]?.trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const listAudit = (filter: AuditFilter) => get<AuditEntry[]>(`/audit${auditQuery(filter)}`);
export const listLoginAttempts = () => get<LoginAttempt[]>('/login-attempts');
