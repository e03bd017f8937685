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
  /** The organisation's name: the one typed, or the snapshot's. */
  organisation: string;
}

/** A new computer of an organisation the hub holds: the district's snapshot file and the code that came with it. */
export interface ProvisionRequest {
  /** The snapshot file's bytes, base64. */
  snapshot: string;
  code: string;
  /** The hub's address to enrol over the link at once; null enrols from the paper code. */
  hub_url: string | null;
  admin_login: string;
  password: string;
  lang: Lang;
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

// The journal (R27.12), the kindergarten's register (R25.5), oversight (R27.5) and the pupil's own marks
// (R27.1), as the journal API sends them.

/** Why a pupil was not (fully) at a lesson; null is present. The UI shows a letter per language. */
export type Attendance = 'absent' | 'ill' | 'excused' | 'late';
/** Why a child was not at the kindergarten that day; null is present. */
export type ChildAttendance = 'absent' | 'ill' | 'vacation' | 'excused';
/** An ordinary lesson takes formative marks 1–10; СОр (sor) and СОч (soch) take points out of a max. */
export type LessonKind = 'ordinary' | 'sor' | 'soch';
export type FileFormat = 'xlsx' | 'pdf';

export interface Term {
  id: string;
  number: number;
  starts: string;
  ends: string;
}

export interface ClassSubject {
  subject: string;
  subject_name: string;
  teacher_name: string | null;
  editable: boolean;
}

export interface ClassSubjects {
  class_id: string;
  name: string;
  grade: number;
  language: 'kk' | 'ru';
  /** False for grades 0 and 1: attendance only. */
  graded: boolean;
  subjects: ClassSubject[];
}

export interface JournalClasses {
  terms: Term[];
  current_term_id: string | null;
  classes: ClassSubjects[];
}

/** Which register: a class, a subject, a term. */
export interface JournalRef {
  class_id: string;
  subject: string;
  term_id: string;
}

export interface Pupil {
  id: string;
  name: string;
  number: number;
}

export interface Lesson {
  id: string;
  date: string;
  period: number;
  topic: string | null;
  homework: string | null;
  kind: LessonKind;
  max_score: number | null;
  /** The teacher took attendance: any save for the lesson sets it. */
  taken: boolean;
}

export interface MarkValue {
  attendance: Attendance | null;
  score: number | null;
}

export interface Mark extends MarkValue {
  lesson_id: string;
  student_id: string;
  comment: string | null;
  /** Other values kept by a concurrent edit (another device, synced later); empty normally. */
  conflicts: MarkValue[];
}

export interface TermGrade {
  student_id: string;
  formative_percent: number | null;
  sor_percent: number | null;
  soch_percent: number | null;
  total_percent: number | null;
  grade: number | null;
}

export interface Journal {
  class_id: string;
  class_name: string;
  subject: string;
  subject_name: string;
  term: Term;
  graded: boolean;
  editable: boolean;
  students: Pupil[];
  lessons: Lesson[];
  marks: Mark[];
  grades: TermGrade[];
}

export interface MarkChange extends MarkValue {
  lesson_id: string;
  student_id: string;
  comment: string | null;
}

export interface MarksSave extends JournalRef {
  marks: MarkChange[];
  /** Lessons whose attendance was taken with everyone present. */
  taken: string[];
}

export interface MarksSaved {
  marks: Mark[];
  lessons: Lesson[];
  grades: TermGrade[];
}

export interface YearGrade {
  student_id: string;
  terms: (number | null)[];
  year: number | null;
}

export interface LessonNotes {
  topic: string | null;
  homework: string | null;
}

export interface NewLesson extends JournalRef, LessonNotes {
  date: string;
  period: number;
  kind: LessonKind;
  max_score: number | null;
}

export interface GroupRegisterInfo {
  id: string;
  name: string;
  norm_places: number;
  enrolled: number;
  free_places: number;
  editable: boolean;
}

export interface ChildCell {
  date: string;
  child_id: string;
  code: ChildAttendance;
  conflicts: ChildAttendance[];
}

export interface GroupAttendance {
  group_id: string;
  group_name: string;
  month: string;
  norm_places: number;
  enrolled: number;
  free_places: number;
  editable: boolean;
  /** The month's working days. */
  days: string[];
  children: Pupil[];
  cells: ChildCell[];
  /** Days whose register was taken. */
  taken: string[];
}

export interface GroupAttendanceSave {
  group_id: string;
  month: string;
  cells: { date: string; child_id: string; code: ChildAttendance | null }[];
  taken: string[];
}

export interface OverLesson {
  lesson_id: string;
  /** The register the lesson is in, for a link to it. */
  class_id: string;
  subject: string;
  term_id: string;
  class_name: string;
  subject_name: string;
  teacher_name: string | null;
  date: string;
  period: number;
}

export interface LateChange extends OverLesson {
  changed_at: string;
  login: string;
}

export interface AbsentStreak {
  student_id: string;
  student_name: string;
  class_name: string;
  dates: string[];
}

export interface Oversight {
  unfilled: OverLesson[];
  without_topic: OverLesson[];
  late_changes: LateChange[];
  absent_streaks: AbsentStreak[];
}

export interface AttendanceReport {
  class_name: string;
  from: string;
  to: string;
  rows: {
    student_id: string;
    name: string;
    lessons: number;
    absent: number;
    ill: number;
    excused: number;
    late: number;
    percent_present: number;
  }[];
  by_week: { week_start: string; percent_present: number }[];
}

export interface GradeDistribution {
  subject: string;
  subject_name: string;
  twos: number;
  threes: number;
  fours: number;
  fives: number;
}

export interface GradesReport {
  class_name: string;
  term: Term;
  subjects: { subject: string; subject_name: string }[];
  rows: { student_id: string; name: string; grades: (number | null)[] }[];
  distribution: GradeDistribution[];
}

export interface AttendanceTotals {
  lessons: number;
  absent: number;
  ill: number;
  excused: number;
  late: number;
}

export interface OwnMark extends MarkValue {
  date: string;
  kind: LessonKind;
  max_score: number | null;
  topic: string | null;
}

export interface OwnSubject {
  subject: string;
  subject_name: string;
  grade: TermGrade;
  marks: OwnMark[];
}

export interface OwnJournal {
  student_id: string;
  name: string;
  class_name: string;
  subjects: OwnSubject[];
  homework: { date: string; subject_name: string; homework: string }[];
  attendance: AttendanceTotals;
}

export interface MyJournal {
  terms: Term[];
  term_id: string;
  children: OwnJournal[];
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

/**
 * Sends a request with the language and the session token; an error response becomes an ApiError. A body is
 * sent as JSON, except a Blob (a file the user chose), which goes as its bytes, application/octet-stream.
 */
async function call(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': untrack(lang),
  };
  const token = sessionToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const bytes = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = bytes ? 'application/octet-stream' : 'application/json';

  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : bytes ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && !CREDENTIAL_CODES.has(error.code)) endSession();
    throw error;
  }
  return response;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await call(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const get = <T>(path: string) => request<T>('GET', path);

export const getSetup = () => get<SetupState>('/setup');
export const setUp = (body: SetupRequest) => request<SetupDone>('POST', '/setup', body);
export const provision = (body: ProvisionRequest) => request<SetupDone>('POST', '/setup/snapshot', body);

/** A file's bytes as base64, for a JSON body. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: one call with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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

/** `?a=1&b=2` from the parameters that have a value, in the order given. */
export function queryOf(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `?${query}` : '';
}

const ref = (r: JournalRef) => queryOf({ class_id: r.class_id, subject: r.subject, term_id: r.term_id });
const lessonPath = (id: string) => `/journal/lessons/${encodeURIComponent(id)}`;

export const listClasses = () => get<JournalClasses>('/journal/classes');
export const getJournal = (r: JournalRef) => get<Journal>(`/journal${ref(r)}`);
/** All or nothing: a refusal names the first refused cell by its `index` in `marks`. */
export const saveMarks = (body: MarksSave) => request<MarksSaved>('POST', '/journal/marks', body);
export const termGrades = (r: JournalRef) => get<TermGrade[]>(`/journal/grades${ref(r)}`);
export const yearGrades = (classId: string, subject: string) =>
  get<YearGrade[]>(`/journal/year-grades${queryOf({ class_id: classId, subject })}`);
export const addLesson = (body: NewLesson) => request<Lesson>('POST', '/journal/lessons', body);
export const updateLesson = (id: string, notes: LessonNotes) => request<Lesson>('PATCH', lessonPath(id), notes);
export const deleteLesson = (id: string) => request<void>('DELETE', lessonPath(id));

export const listGroups = () => get<GroupRegisterInfo[]>('/attendance/groups');
export const getGroupAttendance = (groupId: string, month: string) =>
  get<GroupAttendance>(`/attendance${queryOf({ group_id: groupId, month })}`);
export const saveGroupAttendance = (body: GroupAttendanceSave) => request<GroupAttendance>('POST', '/attendance', body);
/** The monthly sheet the kindergarten hands in, for downloadFile(). */
export const attendanceSheetPath = (groupId: string, month: string, format: FileFormat) =>
  `/attendance/sheet${queryOf({ group_id: groupId, month, format })}`;

export const getOversight = (from: string, to: string) => get<Oversight>(`/oversight${queryOf({ from, to })}`);
export const attendanceReportPath = (classId: string, from: string, to: string, format: FileFormat | 'json') =>
  `/reports/attendance${queryOf({ class_id: classId, from, to, format })}`;
export const attendanceReport = (classId: string, from: string, to: string) =>
  get<AttendanceReport>(attendanceReportPath(classId, from, to, 'json'));
export const gradesReportPath = (classId: string, termId: string, format: FileFormat | 'json') =>
  `/reports/grades${queryOf({ class_id: classId, term_id: termId, format })}`;
export const gradesReport = (classId: string, termId: string) =>
  get<GradesReport>(gradesReportPath(classId, termId, 'json'));

export const myJournal = (termId?: string) => get<MyJournal>(`/me/journal${queryOf({ term_id: termId })}`);

/**
 * A file the API makes (a sheet, a report), fetched with the session token — a plain link could not send
 * it — and named as the API names it in Content-Disposition, else `fallback`. With a body, it is POSTed.
 */
export async function downloadFile(
  path: string,
  fallback: string,
  body?: unknown,
): Promise<{ blob: Blob; name: string }> {
  const response = await call(body === undefined ? 'GET' : 'POST', path, body, '*/*');
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  let name = fallback;
  try {
    name = encoded ? decodeURIComponent(encoded) : (plain ?? fallback);
  } catch {
    // A malformed name: the fallback does.
  }
  return { blob: await response.blob(), name };
}

// The timetable (R27.11): the week's lessons placed in days × periods, what is not placed, the rules broken,
// a move checked before it is made, and the generator that runs on the server while the page polls it.

export type TimetableBy = 'class' | 'teacher' | 'room';

export interface BellPeriod {
  period: number;
  /** "08:30" */
  starts: string;
  ends: string;
}

export interface TimetableClass {
  class_id: string;
  name: string;
  grade: number;
}

export interface TimetableTeacher {
  teacher_id: string;
  name: string;
}

export interface Room {
  room_id: string;
  name: string;
  kind: string;
}

export interface TimetableLesson {
  id: string;
  class_id: string;
  subject: string;
  subject_name: string;
  /** 1 or 2 for a split class's subgroup; null for the whole class. */
  subgroup: number | null;
  teacher_id: string;
  /** 1 = Monday. */
  day: number;
  period: number;
  room_id: string | null;
  /** Kept where it is by the generator: set by hand, or by a move. */
  pinned: boolean;
}

/** Lessons of the plan the timetable has no place for yet, counted per class, subject and subgroup. */
export interface UnplacedLessons {
  class_id: string;
  subject: string;
  subject_name: string;
  subgroup: number | null;
  teacher_id: string | null;
  count: number;
}

export interface TimetableViolation {
  code: string;
  /** A hard rule may not be broken (a clash); a soft one is a wish (no gaps, hard subjects early). */
  hard: boolean;
  /** In the user's language, naming the rule. */
  message: string;
  lesson_ids: string[];
}

export interface Timetable {
  year: string | null;
  days: number[];
  periods: BellPeriod[];
  classes: TimetableClass[];
  teachers: TimetableTeacher[];
  rooms: Room[];
  lessons: TimetableLesson[];
  unplaced: UnplacedLessons[];
  violations: TimetableViolation[];
  soft_score: number;
  can_edit: boolean;
  /** Teachers' days without lessons: a hard rule for the generator and for moves. */
  days_off: TimetableDayOff[];
}

/** A day (1 = Monday) on which a teacher has no lessons. */
export interface TimetableDayOff {
  teacher_id: string;
  day: number;
}

/**
 * What is moved: a placed lesson by its id, or one of the unplaced lessons of a class and subject. The
 * contract names only `lesson_id`; the second form is this interface's proposal for placing an unplaced lesson (see timetable/grid.ts).
 */
export type TimetableMoved = { lesson_id: string } | { class_id: string; subject: string; subgroup: number | null };

export type TimetableMove = TimetableMoved & { day: number; period: number };

export interface GenerationStatus {
  running: boolean;
  phase: 'construct' | 'repair' | 'improve' | null;
  elapsed_ms: number;
  steps: number;
  hard: number;
  soft: number;
  finished: GenerationFinished | null;
}

export interface GenerationFinished {
  /** Hard rules the saved timetable still breaks, lessons not placed among them. */
  hard_left: number;
  soft_score: number;
  /** Stopped before its time was up (the best so far is kept). */
  stopped?: boolean;
  /** The save was refused: its error code. */
  error?: string;
}

export const getTimetable = () => get<Timetable>('/timetable');
/** The rules a move would break, without making it. */
export const checkMove = (move: TimetableMove) =>
  request<{ violations: TimetableViolation[] }>('POST', '/timetable/check', move);
/** Moves (and pins) a lesson; a 422 `timetable.*` names the rule that refuses it. */
export const moveLesson = (move: TimetableMove) => request<Timetable>('POST', '/timetable/move', move);
export const pinLesson = (lessonId: string, pinned: boolean) =>
  request<Timetable>('POST', '/timetable/pin', { lesson_id: lessonId, pinned });
/** Makes a teacher's day one without lessons (`off`), or a working day again; answers with the whole view. */
export const setDayOff = (teacherId: string, day: number, off: boolean) =>
  request<Timetable>('POST', '/timetable/day-off', { teacher_id: teacherId, day, off });
export const startGeneration = (seconds: number) => request<GenerationStatus>('POST', '/timetable/generate', { seconds });
export const generationStatus = () => get<GenerationStatus>('/timetable/generate');
/** Stops the generator; the best timetable found so far is kept. */
export const stopGeneration = () => request<GenerationStatus>('DELETE', '/timetable/generate');
export const timetableExportPath = (format: FileFormat, by: TimetableBy) => `/timetable/export${queryOf({ format, by })}`;

// The teaching load (R27.13), as crates/api/src/load.rs sends it.

export interface LoadWarning {
  kind: 'overload' | 'underload';
  rates: number;
  /** The limit in rates the teacher is beyond. */
  limit: number;
}

export interface TeacherLoad {
  teacher_id: string;
  name: string;
  /** The staff position's code (`teacher`, `methodist`, …), if recorded. */
  position: string | null;
  subjects: { subject: string; subject_name: string }[];
  weekly_hours: number;
  yearly_hours: number;
  rates: number;
  warnings: LoadWarning[];
  /** The extra duties (class supervision, notebooks, a classroom); absent from an older server. */
  duties?: TeacherDuty[];
  /** Who the teacher teaches, by grade, class and subject; absent from an older server. */
  assignments?: TeacherAssignment[];
}

/** A teacher's assignment to a class, or to one subgroup of it, for a subject. */
export interface TeacherAssignment {
  id: string;
  class_id: string;
  class_name: string;
  subject: string;
  subject_name: string;
  /** 1 or 2 for a split class's subgroup; null for the whole class. */
  subgroup: number | null;
  /** The assignment's own weekly hours, when they differ from the plan's; null for the plan's. */
  hours: number | null;
  /** The curriculum's weekly hours of the subject in the class's grade; null when the plan has none. */
  plan_hours: number | null;
}

/** A member of staff, whom the deputy may assign to teach. */
export interface StaffMember {
  id: string;
  name: string;
}

/** A new assignment (no id) or a change of one; the answer is the whole load again. */
export interface AssignmentSave {
  id?: string;
  teacher_id: string;
  class_id: string;
  subject: string;
  subgroup: number | null;
  /** Whole or half lessons a week; null for the curriculum's. */
  hours: number | null;
}

/** An extra duty a teacher is paid for beside the hours. */
export interface TeacherDuty {
  /** The duty kind's code, one of LoadView.duty_kinds. */
  duty: string;
  name: string;
  /** The class of a per-class duty (supervision, notebooks), null for the others. */
  class_id: string | null;
  class_name: string | null;
  /** The supplement in percent of the rate, when the tariff gives one. */
  pay_percent: number | null;
}

export interface DutyKind {
  code: string;
  name: string;
  /** True when the duty is held for a class, which must then be named. */
  per_class: boolean;
}

/** Give (`on`) or take away a teacher's duty; the answer is the whole view again. */
export interface DutyChange {
  teacher_id: string;
  duty: string;
  class_id: string | null;
  on: boolean;
}

export interface UncoveredHours {
  class_id: string;
  class_name: string;
  subject: string;
  subject_name: string;
  /** The subgroup of a split class; null for the whole class. */
  group: number | null;
  hours: number;
}

export interface LoadProblem {
  kind: 'unknown_class' | 'no_plan_hours' | 'not_split' | 'group_out_of_range' | 'over_assigned' | (string & {});
  assignment_id?: string;
  teacher_id?: string;
  class_id: string;
  class_name: string;
  subject: string;
  group?: number;
  planned?: number;
  assigned?: number;
}

export interface LoadView {
  year: string | null;
  /** The day the pupils were counted: it decides which classes split. */
  counted_on: string;
  norm_hours_per_rate: number;
  teachers: TeacherLoad[];
  uncovered_hours: number;
  uncovered: UncoveredHours[];
  problems: LoadProblem[];
  /** Whether this user may assign teachers and change the duties; absent (false) from an older server. */
  can_edit?: boolean;
  /** The duties there are to give; absent (none) from an older server. */
  duty_kinds?: DutyKind[];
  /** Every member of staff, by name, to assign; absent (none) from an older server. */
  staff?: StaffMember[];
}

export const getLoad = () => get<LoadView>('/load');
/** Refusals: 422 `load.duty_unknown` (no such duty, or a per-class one without a class), 403 for readers. */
export const changeDuty = (body: DutyChange) => request<LoadView>('POST', '/load/duties', body);
/** The tariff list, for downloadFile(). */
export const tariffListPath = (format: FileFormat) => `/load${queryOf({ format })}`;
/**
 * Assigns a teacher, or changes an assignment by its id. Refusals: 422 `assignment.subgroup_invalid`,
 * `curriculum.hours_invalid`, `assignment.duplicate`; 404 for a class or an assignment that is not there.
 */
export const saveAssignment = (body: AssignmentSave) => request<LoadView>('POST', '/load/assignments', body);
export const removeAssignment = (id: string) => request<LoadView>('DELETE', `/load/assignments/${encodeURIComponent(id)}`);

// The school's curriculum (учебный план, R27.6–R27.7), as crates/api/src/curriculum.rs sends it: the standard
// plan of each language of instruction with the school's changes, cell by cell, and the year's split options.

export type PlanLanguage = 'kk' | 'ru';
export type PlanPart = 'invariant' | 'variative';

export interface PlanCell {
  grade: number;
  /** The school's weekly hours (each subgroup's, when the class splits); 0 when not taught in the grade. */
  hours: number;
  /** The standard plan's. */
  standard_hours: number;
  part: PlanPart;
  /** A class large enough is taught it in subgroups. */
  splits: boolean;
  /** The school's own decision on splitting; null when the standard rules decide. */
  split: boolean | null;
  /** The school changed this cell. */
  changed: boolean;
}

export interface PlanGrade {
  grade: number;
  /** The school's weekly lessons in the grade, a split subject counted once. */
  total: number;
  max_weekly_hours: number;
}

export interface PlanSubject {
  subject: string;
  subject_name: string;
  /** A cell per grade of the plan, in grade order. */
  cells: PlanCell[];
}

export interface SchoolPlan {
  language: PlanLanguage;
  name: string;
  /** How sure the standard figures are, and what to check them against. */
  confidence: string;
  grades: PlanGrade[];
  subjects: PlanSubject[];
}

export interface CurriculumView {
  year: string | null;
  /** The legal act the standard plan reproduces, and the day it applies from. */
  source: string;
  valid_from: string;
  plans: SchoolPlan[];
  /** A class of at least this many pupils splits (at least the second in a small school). */
  min_pupils: number;
  min_pupils_small_school: number;
  small_school: boolean;
  /** The local authority decided to split Russian in classes not taught in Russian. */
  local_splits: boolean;
  /** Every subject there is, to add one to a grade. */
  catalogue: { subject: string; subject_name: string }[];
  can_edit: boolean;
}

/** One cell of a plan: hours 0 takes the subject out of the grade; `reset` gives the cell back to the standard. */
export interface PlanHoursChange {
  language: PlanLanguage;
  grade: number;
  subject: string;
  hours: number;
  part: PlanPart;
  split: boolean | null;
  reset?: boolean;
}

export interface PlanSettings {
  small_school: boolean;
  local_splits: boolean;
}

export const getCurriculum = () => get<CurriculumView>('/curriculum');
/** Refusals: 422 `curriculum.hours_invalid`, `curriculum.grade_unknown`, `journal.subject_unknown`; 403 for readers. */
export const setPlanHours = (body: PlanHoursChange) => request<CurriculumView>('POST', '/curriculum/hours', body);
export const setPlanSettings = (body: PlanSettings) => request<CurriculumView>('POST', '/curriculum/settings', body);

// The kindergarten's organised activities (R25.3–R25.4): each age group's week, checked against the
// sanitary norms of its age.

export interface ActivityGroup {
  group_id: string;
  name: string;
  age_from: number;
  age_to: number;
  norm_places: number;
  enrolled: number;
  free_places: number;
}

export interface Activity {
  id: string;
  group_id: string;
  day: number;
  /** "09:00" */
  starts: string;
  minutes: number;
  /** The catalogue's code. */
  activity: string;
  activity_name: string;
  educator_id: string | null;
  room_id: string | null;
}

export interface ActivityNorm {
  age_from: number;
  age_to: number;
  min_minutes: number;
  max_minutes: number;
  max_per_day: number;
  max_per_week: number;
  min_break_minutes: number;
}

export interface ActivityViolation {
  code: string;
  group_id: string;
  /** Null when the rule is about the whole week. */
  day: number | null;
  activity_ids: string[];
  /** In the user's language, naming the norm. */
  message: string;
}

export interface Activities {
  year: string | null;
  days: number[];
  groups: ActivityGroup[];
  catalogue: { code: string; name: string }[];
  rooms: Room[];
  educators: { person_id: string; name: string }[];
  activities: Activity[];
  norms: ActivityNorm[];
  violations: ActivityViolation[];
  can_edit: boolean;
}

/** A new activity (no id) or a change of one; a refusal is a `schedule.*` code. */
export interface ActivitySave {
  id?: string;
  group_id: string;
  day: number;
  starts: string;
  minutes: number;
  activity: string;
  educator_id: string | null;
  room_id: string | null;
}

export const getActivities = () => get<Activities>('/activities');
export const saveActivity = (body: ActivitySave) => request<Activities>('POST', '/activities', body);
export const deleteActivity = (id: string) => request<Activities>('DELETE', `/activities/${encodeURIComponent(id)}`);
/** Replaces the weeks of `to` with a copy of the week of `from`. */
export const copyWeek = (from: string, to: string[]) =>
  request<Activities>('POST', '/activities/copy', { from_group_id: from, to_group_ids: to });
/** The standard week of an age, applied to every group of that age. */
export const applyStandardWeek = (ageFrom: number) => request<Activities>('POST', '/activities/template', { age_from: ageFrom });

// Sync with the hub: this computer's enrolment, the last sync and the one running, the documents waiting to
// reach the hub (5 working days at most), the fixation that freezes administrative data, the conflicts waiting
// for a decision and the computers of the school's network. Without internet, changes go to the hub as a
// file on a USB stick (a bundle), and the hub's answer comes back the same way.

export type SyncVia = 'hub' | 'bundle' | 'lan';
export type SyncPhase = 'connecting' | 'manifest' | 'rounds' | 'done';
/** From the 3rd working day a waiting change is a warning, after the 5th overdue: the server decides. */
export type SyncDelivery = 'on_time' | 'warning' | 'overdue';
export type FixationPhase = 'before' | 'announced' | 'frozen' | 'after';

export interface SyncHub {
  /** Null for an enrolment from the paper code, without a network: bundles only. */
  url: string | null;
  fingerprint: string;
  /** The school's main computer, for a laptop enrolled on the LAN: no bundles or confirmation go there. */
  lan: boolean;
}

export interface SyncResult {
  /** RFC 3339. */
  at: string;
  ok: boolean;
  via: SyncVia;
  /** The error code of a failed sync, and its message in the language asked in. */
  code: string | null;
  message: string | null;
  bytes_sent: number;
  bytes_received: number;
  rounds: number;
}

export interface SyncRunning {
  phase: SyncPhase;
  /** 0…1 */
  progress: number;
}

export interface SyncQueued {
  doc: string;
  /** The document's name in the language asked in, e.g. "Journal 5A, term 2". */
  label: string;
  changes: number;
  /** The day of the oldest change not yet delivered, YYYY-MM-DD. */
  oldest_at: string;
  age_working_days: number;
  delivery: SyncDelivery;
}

export interface Fixation {
  date: string;
  freeze_ends: string;
  phase: FixationPhase;
}

export interface LanPeer {
  /** The fingerprint of the laptop's key. */
  device: string;
  name: string;
  last_sync: string | null;
}

export interface SyncState {
  enrolled: boolean;
  hub: SyncHub | null;
  /** This user may start a sync, enrol, export and import bundles: the director or the head. */
  can_sync: boolean;
  /** This user settles conflicts (listConflicts): whoever keeps a journal or a kindergarten register. */
  can_settle: boolean;
  last_sync: SyncResult | null;
  running: SyncRunning | null;
  queue: SyncQueued[];
  fixation: Fixation | null;
  conflicts: number;
  lan: { serving: boolean; peers: LanPeer[] };
}

export interface BundleImported {
  applied_docs: number;
  acknowledged: number;
  /** The same answer was imported before: nothing changed. */
  already_imported: boolean;
}

/** The code of a bundle export with nothing undelivered (409). */
export const NOTHING_TO_SEND = 'sync.nothing_to_send';

export const getSync = () => get<SyncState>('/sync');

/**
 * A cell two computers changed differently while apart; `marks` (a journal's mark) or `texts` (a comment, a
 * kindergarten's reason of absence) hold every value kept, the one shown now first. A comment's `marks` is the
 * cell's mark, saved again unchanged when a comment is chosen.
 */
export interface Conflict {
  kind: 'mark' | 'comment' | 'presence';
  place: string;
  date: string;
  person_id: string;
  person_name: string;
  class_id: string | null;
  subject: string | null;
  term_id: string | null;
  lesson_id: string | null;
  group_id: string | null;
  month: string | null;
  marks: MarkValue[];
  texts: (string | null)[];
}
/** The conflicts this user may settle; settling is an ordinary save (saveMarks, saveGroupAttendance). */
export const listConflicts = () => get<{ conflicts: Conflict[] }>('/sync/conflicts');
/** `hubUrl` null enrols from the paper code without a network; the first bundle completes it at the hub. */
export const enrolSync = (hubUrl: string | null, code: string) =>
  request<SyncState>('POST', '/sync/enroll', { hub_url: hubUrl, code });
/**
 * Starts a sync (202); GET /sync tells how it goes while `running` is not null. With the director's password,
 * the director then confirms and signs what the hub holds (M8); a wrong password is a 422.
 */
export const startSync = (confirmPassword?: string) =>
  request<Record<string, never>>(
    'POST',
    '/sync/now',
    confirmPassword === undefined ? undefined : { confirm_password: confirmPassword },
  );
/** The week's bundle confirmed and signed by the director, for downloadFile()'s body. */
export const signedBundlePath = '/sync/bundle/signed';
export const signedBundleBody = (confirmPassword: string) => ({ confirm_password: confirmPassword });
/** The bundle of undelivered changes, for downloadFile(); a 409 `sync.nothing_to_send` when there is none. */
export const bundlePath = '/sync/bundle';
/** The hub's answer file, sent as its bytes. */
export const importBundle = (file: Blob) => request<BundleImported>('POST', '/sync/bundle', file);

/** A one-time code that enrols a teacher's laptop with this computer over the school network; shown once. */
export interface LanCode {
  code: string;
  /** The fingerprint of this computer's TLS certificate, for the teacher to compare. */
  tls_fingerprint: string;
}

export const issueLanCode = () => request<LanCode>('POST', '/sync/lan/code');
/** Forgets a lost or stolen laptop by its key's fingerprint: its next sync is refused. */
export const removeLanDevice = (device: string) =>
  request<void>('DELETE', `/sync/lan/devices/${encodeURIComponent(device)}`);
