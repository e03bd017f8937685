// The keyboard model of a register — the school journal's marks and the kindergarten's attendance alike —
// kept free of the DOM so every key can be tested: which letters mean which attendance code, how a cell's
// value is written and read back, how keys build a draft in the focused cell, what each key does, and the
// undo stack. The Register (register.svelte.ts) applies what this decides; the Svelte grid only forwards keys.
//
// Letters: each language shows its own (kk «ж», ru «н», en «a» for absent…), but a key is read against the
// letters of every language at once, so a teacher whose keyboard is on another layout is served too. The
// sets must not collide — Cyrillic «а» (kk ill) and Latin «a» (en absent) are different keys — and
// `collisions()` checks it. A draft shows the current language's letter at once, so a Latin «a» typed in a
// Kazakh journal is seen as «ж» before it is saved.
//
// Digits are read from the physical key too (event.code Digit0–9 / Numpad0–9): the Kazakh layout puts
// ә і ң ғ ү ұ қ ө һ on the number row, and none of them is an attendance letter.
//
// A cell's comment (the journal's registers) opens with F2, as a spreadsheet edits a cell: it is no letter of
// any layout, and Shift+Enter, the other usual choice, already moves up. What a comment may be is here too.
import type { Attendance, ChildAttendance } from '../api';
import { LANGS, textIn, type Lang } from '../i18n';

/** The attendance codes of a register and the letters they are typed and shown with. */
export interface CodeSet<C extends string> {
  codes: readonly C[];
  /** Per language, the letters shown for each code (ru «оп» for late has two). */
  letters: Record<Lang, Record<C, string>>;
  /** Codes that may stand beside a score (late + 8): the others clear it. */
  withScore: readonly C[];
}

/** Builds a code set from the Fluent letters `attendance-letter-<code>` of every language. */
export function codeSet<C extends string>(codes: readonly C[], withScore: readonly C[] = []): CodeSet<C> {
  const letters = {} as Record<Lang, Record<C, string>>;
  for (const language of LANGS) {
    letters[language] = {} as Record<C, string>;
    for (const code of codes) letters[language][code] = textIn(language, `attendance-letter-${code}`).toLowerCase();
  }
  return { codes, letters, withScore };
}

/** A school lesson's codes: late may stand beside a score (к8). */
export const LESSON_CODES: CodeSet<Attendance> = codeSet<Attendance>(['absent', 'ill', 'excused', 'late'], ['late']);
/** A kindergarten day's codes (R25.5). */
export const DAY_CODES: CodeSet<ChildAttendance> = codeSet<ChildAttendance>(['absent', 'ill', 'vacation', 'excused']);

/** The keys that would mean two different codes: must be empty for every set in use. */
export function collisions<C extends string>(set: CodeSet<C>): string[] {
  const seen = new Map<string, C>();
  const clashes: string[] = [];
  for (const language of LANGS) {
    for (const code of set.codes) {
      const key = set.letters[language][code].charAt(0);
      const other = seen.get(key);
      if (other !== undefined && other !== code) clashes.push(`${key}: ${other}/${code}`);
      seen.set(key, code);
    }
  }
  return clashes;
}

/** The code a typed character stands for, in any language; null when it stands for none. */
export function codeOfKey<C extends string>(set: CodeSet<C>, key: string): C | null {
  if ([...key].length !== 1) return null;
  const char = key.toLowerCase();
  for (const language of LANGS) {
    for (const code of set.codes) if (set.letters[language][code].charAt(0) === char) return code;
  }
  return null;
}

export interface CellValue<C extends string = string> {
  attendance: C | null;
  score: number | null;
}

/** A present pupil with no mark: what an empty cell means. */
export const PRESENT: CellValue<never> = { attendance: null, score: null };

export function sameValue(a: CellValue, b: CellValue): boolean {
  return a.attendance === b.attendance && a.score === b.score;
}

export function isEmpty(value: CellValue): boolean {
  return value.attendance === null && value.score === null;
}

/** The scores a column takes: 1–10 for an ordinary lesson, 0..max for СОр/СОч; null takes attendance only. */
export interface Scale {
  min: number;
  max: number;
}

/** `ж`, `8`, `к8`, `оп8` or '' — a cell as the current language writes it. */
export function formatCell<C extends string>(set: CodeSet<C>, value: CellValue<C>, language: Lang): string {
  const letter = value.attendance === null ? '' : set.letters[language][value.attendance];
  return letter + (value.score === null ? '' : String(value.score));
}

/**
 * A cell's text read back, in any language's letters: '' → present, `ж` → absent, `к8` / `оп8` / `l8` →
 * late with 8, `8` → 8. Null when it cannot be a value of this column (pasted text, mostly).
 */
export function parseCell<C extends string>(set: CodeSet<C>, text: string, scale: Scale | null): CellValue<C> | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return { attendance: null, score: null };
  const match = /^(\p{L}*)\s*(\d*)$/u.exec(trimmed);
  if (!match) return null;
  const [, word = '', digits = ''] = match;
  let attendance: C | null = null;
  if (word !== '') {
    attendance = codeOfKey(set, word.charAt(0));
    const spelled = attendance !== null && LANGS.some((l) => set.letters[l][attendance as C] === word);
    if (attendance === null || (word.length > 1 && !spelled)) return null;
  }
  if (digits === '') return { attendance, score: null };
  if (!scale || (attendance !== null && !set.withScore.includes(attendance))) return null;
  const score = Number(digits);
  return score >= scale.min && score <= scale.max ? { attendance, score } : null;
}

/** What is being typed into the focused cell before it is committed. */
export interface Draft<C extends string = string> {
  attendance: C | null;
  digits: string;
}

/** Enough for 100-point СОч maxima; a fourth digit is ignored rather than read as a typo later. */
const MAX_DIGITS = 3;

export interface KeyPress {
  key: string;
  /** The physical key, e.g. `Digit8`, `KeyZ`: layout-independent. */
  code?: string;
  shift?: boolean;
  ctrl?: boolean;
  alt?: boolean;
  meta?: boolean;
}

function digitOf(press: KeyPress): string | null {
  if (/^\d$/.test(press.key)) return press.key;
  return /^(?:Digit|Numpad)(\d)$/.exec(press.code ?? '')?.[1] ?? null;
}

/**
 * The draft after a printable key; null when the key means nothing in this cell (an unknown letter, a digit
 * in an attendance-only column). A letter that may not stand beside a score drops the digits, a digit drops
 * such a letter: the last key wins, so a draft is always a possible value.
 */
export function typeKey<C extends string>(
  set: CodeSet<C>,
  draft: Draft<C> | null,
  press: KeyPress,
  scale: Scale | null,
): Draft<C> | null {
  const code = codeOfKey(set, press.key);
  if (code !== null) {
    const keepsDigits = set.withScore.includes(code);
    return { attendance: code, digits: keepsDigits ? (draft?.digits ?? '') : '' };
  }
  // The second letter of a two-letter code (ru «оп»): swallowed.
  const attendance = draft?.attendance ?? null;
  if (draft && attendance !== null && draft.digits === '') {
    const key = press.key.toLowerCase();
    if (LANGS.some((l) => set.letters[l][attendance].slice(1).includes(key))) return draft;
  }
  const digit = codeOfKey(set, press.key) === null ? digitOf(press) : null;
  if (digit === null || scale === null) return null;
  const digits = draft?.digits ?? '';
  if (digits.length >= MAX_DIGITS) return draft;
  const keepsLetter = attendance !== null && set.withScore.includes(attendance);
  return { attendance: keepsLetter ? attendance : null, digits: digits + digit };
}

/** Backspace inside a draft: the last digit, then the letter; null once nothing is left. */
export function eraseKey<C extends string>(draft: Draft<C>): Draft<C> | null {
  if (draft.digits !== '') {
    const digits = draft.digits.slice(0, -1);
    return digits === '' && draft.attendance === null ? null : { ...draft, digits };
  }
  return null;
}

export function draftText<C extends string>(set: CodeSet<C>, draft: Draft<C>, language: Lang): string {
  return (draft.attendance === null ? '' : set.letters[language][draft.attendance]) + draft.digits;
}

/** A problem to show beside the cell: a Fluent id and its arguments. */
export interface CellProblem {
  id: string;
  args?: Record<string, number>;
}

/**
 * The value a draft commits to, given the cell's value now: a letter alone keeps the score only when its code
 * may have one (late), digits alone keep such a letter. A score out of the column's scale is a problem.
 */
export function resolveDraft<C extends string>(
  set: CodeSet<C>,
  draft: Draft<C>,
  current: CellValue<C>,
  scale: Scale | null,
): { value: CellValue<C> } | { problem: CellProblem } {
  const keeps = (code: C | null) => code !== null && set.withScore.includes(code);
  if (draft.digits === '') {
    const attendance = draft.attendance;
    return { value: { attendance, score: keeps(attendance) ? current.score : null } };
  }
  const score = Number(draft.digits);
  if (!scale || score < scale.min || score > scale.max) {
    return { problem: { id: 'journal-score-range', args: { min: scale?.min ?? 0, max: scale?.max ?? 0 } } };
  }
  const attendance = draft.attendance ?? (keeps(current.attendance) ? current.attendance : null);
  return { value: { attendance, score } };
}

/** Where the focus is: a pupil's row (0-based) and a column; row -1 is the row of column headers. */
export interface Position {
  row: number;
  col: number;
}

export interface GridState<C extends string> {
  pos: Position;
  rows: number;
  cols: number;
  draft: Draft<C> | null;
  editable: boolean;
  /** The scale of the focused column. */
  scale: Scale | null;
  set: CodeSet<C>;
  /** The register keeps a comment per cell (the journal; not the kindergarten). */
  comments?: boolean;
}

/** What a key asks for. Moves and advances commit the draft first, and stay put when it cannot commit. */
export type Intent<C extends string> =
  | { do: 'move'; to: Position }
  | { do: 'draft'; draft: Draft<C> | null }
  | { do: 'cancel' }
  | { do: 'clear' }
  | { do: 'undo' }
  /** Enter on a column header: its details (the lesson dialog). */
  | { do: 'open' }
  /** Ctrl+Enter: the column's register was taken with everyone present. */
  | { do: 'all-present' }
  /** Tab past the last column: commit and let the focus leave the grid, as Tab does everywhere else. */
  | { do: 'leave' }
  /** F2: commit, then open the focused cell's comment. */
  | { do: 'comment' }
  /** A key the grid swallows without effect (a letter that means nothing here). */
  | { do: 'nothing' };

const PAGE = 10;

/**
 * The intent of a key in a grid, or null for a key the grid leaves to the browser. Read-only grids keep
 * every move and the headers' Enter; nothing else.
 */
export function intentOf<C extends string>(press: KeyPress, state: GridState<C>): Intent<C> | null {
  const { pos, rows, cols, draft, editable } = state;
  const ctrl = !!(press.ctrl || press.meta);
  const top = -1;
  const bottom = rows - 1;
  const last = cols - 1;
  const clampRow = (row: number) => Math.max(top, Math.min(bottom, row));
  const clampCol = (col: number) => Math.max(0, Math.min(last, col));
  const to = (row: number, col: number): Intent<C> => ({ do: 'move', to: { row: clampRow(row), col: clampCol(col) } });
  const onCell = pos.row >= 0;

  if (cols === 0) return null;
  switch (press.key) {
    case 'ArrowUp':
      return to(pos.row - 1, pos.col);
    case 'ArrowDown':
      return to(pos.row + 1, pos.col);
    case 'ArrowLeft':
      return to(pos.row, pos.col - 1);
    case 'ArrowRight':
      return to(pos.row, pos.col + 1);
    case 'Home':
      return ctrl ? to(0, 0) : to(pos.row, 0);
    case 'End':
      return ctrl ? to(bottom, last) : to(pos.row, last);
    case 'PageUp':
      return to(Math.max(onCell ? 0 : top, pos.row - PAGE), pos.col);
    case 'PageDown':
      return to(pos.row + PAGE, pos.col);
    case 'Enter':
      if (ctrl) return editable ? { do: 'all-present' } : null;
      if (!onCell) return { do: 'open' };
      // Enter moves down (Shift+Enter up); on the last row it commits and stays.
      return to(press.shift ? Math.max(0, pos.row - 1) : pos.row + 1, pos.col);
    case 'Tab':
      if (press.shift) return pos.col === 0 ? (draft ? to(pos.row, 0) : null) : to(pos.row, pos.col - 1);
      return pos.col === last ? { do: 'leave' } : to(pos.row, pos.col + 1);
    case 'Escape':
      return draft ? { do: 'cancel' } : null;
  }
  if (!editable || !onCell) return null;
  // F2, as a spreadsheet edits a cell: no language's letters and no other key of the grid use it (Shift+Enter
  // already goes up).
  if (press.key === 'F2') return state.comments && !ctrl && !press.alt ? { do: 'comment' } : null;
  if (ctrl && (press.code === 'KeyZ' || press.key.toLowerCase() === 'z') && !press.shift) {
    return draft ? { do: 'cancel' } : { do: 'undo' };
  }
  if (ctrl || press.alt) return null;
  if (press.key === 'Backspace') return draft ? { do: 'draft', draft: eraseKey(draft) } : { do: 'clear' };
  if (press.key === 'Delete') return { do: 'clear' };
  if ([...press.key].length !== 1 || press.key === ' ') return null;
  const next = typeKey(state.set, draft, press, state.scale);
  return next ? { do: 'draft', draft: next } : { do: 'nothing' };
}

/** The longest comment the API keeps on a mark, in characters (journal.text_too_long beyond). */
export const MAX_COMMENT = 2000;

/**
 * A comment as typed, as it is saved: trimmed, as the API keeps it ('' clears it), or the problem when it is
 * longer than the API takes — counted in characters as the API counts them, not in UTF-16 units.
 */
export function resolveComment(text: string): { comment: string } | { problem: CellProblem } {
  const comment = text.trim();
  if ([...comment].length > MAX_COMMENT) return { problem: { id: 'register-comment-too-long', args: { max: MAX_COMMENT } } };
  return { comment };
}

/** One saved change of one cell, by the ids of its column and row, with the value it replaced. */
export interface CellChange<C extends string> {
  col: string;
  row: string;
  before: CellValue<C>;
  after: CellValue<C>;
}

/**
 * The changes made, newest last, each entry what one action changed (a key, a paste). Undo takes the newest
 * entry and saves its `before` values back; a change the API refused is forgotten, as it never happened.
 */
export class UndoStack<C extends string> {
  #entries: CellChange<C>[][] = [];
  readonly #limit: number;

  constructor(limit = 200) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#entries.length;
  }

  push(changes: CellChange<C>[]): void {
    if (changes.length === 0) return;
    this.#entries.push(changes);
    if (this.#entries.length > this.#limit) this.#entries.shift();
  }

  pop(): CellChange<C>[] | undefined {
    return this.#entries.pop();
  }

  /** Drops the newest change of a cell that was refused; an entry left empty goes too. */
  forget(col: string, row: string): void {
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const entry = this.#entries[i]!;
      const at = entry.findIndex((c) => c.col === col && c.row === row);
      if (at < 0) continue;
      entry.splice(at, 1);
      if (entry.length === 0) this.#entries.splice(i, 1);
      return;
    }
  }
}
