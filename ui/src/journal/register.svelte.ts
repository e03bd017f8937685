// A register open on screen: rows (pupils or children) × columns (lessons or days), the values shown, the
// focused cell and its draft, and what is waiting to be saved or was refused. It applies what grid.ts makes
// of a key, saves through the SaveQueue, and undoes through the UndoStack, so the Svelte grid only renders.
//
// What is shown is what the teacher typed; what the API last confirmed is kept beside it, so a refused cell
// goes back to the confirmed value (unless it was changed again meanwhile) and shows the refusal. The same
// class serves the school journal (marks and attendance) and the kindergarten's register (attendance only):
// the caller gives the code set, each column's scale, and the function that sends a batch.
//
// A journal's register keeps a comment per cell too (`comments: true`). A comment is saved through the same
// queue as the marks — a cell always goes as its value and its comment together — so a mark and a comment
// waiting together coalesce into one cell of one request, and a refusal puts both back.
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { ApiError, UNREACHABLE } from '../api';
import {
  PRESENT,
  UndoStack,
  intentOf,
  isEmpty,
  parseCell,
  resolveComment,
  resolveDraft,
  sameValue,
  type CellChange,
  type CellProblem,
  type CellValue,
  type CodeSet,
  type Draft,
  type KeyPress,
  type Position,
  type Scale,
} from './grid';
import { SaveQueue } from './queue';

export interface RegisterColumn {
  id: string;
  /** The scores the column takes; null: attendance only. */
  scale: Scale | null;
  /** Its register was taken (attendance marked, even with everyone present). */
  taken: boolean;
}

export interface SavedCell<C extends string> {
  col: string;
  row: string;
  value: CellValue<C>;
  conflicts: CellValue<C>[];
  /** The cell's comment, in a register that keeps them; null or '' for none. */
  comment?: string | null;
}

export interface CellToSave<C extends string> {
  col: string;
  row: string;
  value: CellValue<C>;
  /**
   * In a register that keeps comments, as the API takes it: the comment the cell shows, '' when one it had
   * was removed, null when it has none (left as it is).
   */
  comment?: string | null;
}

/** A cell to save (`note`: the change was to its comment alone), or a column taken with everyone present. */
export type RegisterItem<C extends string> = ({ kind: 'cell'; note?: boolean } & CellToSave<C>) | { kind: 'taken'; col: string };

export interface RegisterSaved<C extends string> {
  /** The cells as stored now. */
  cells: SavedCell<C>[];
  /** The columns now taken. */
  taken: string[];
}

export type RegisterSend<C extends string> = (cells: CellToSave<C>[], taken: string[]) => Promise<RegisterSaved<C>>;

export interface RegisterSetup<C extends string> {
  set: CodeSet<C>;
  rows: string[];
  cols: RegisterColumn[];
  cells: SavedCell<C>[];
  editable: boolean;
  /** The register keeps a comment per cell (the journal). */
  comments?: boolean;
  send: RegisterSend<C>;
  /** Where the focus starts. */
  start?: Position;
  retryMs?: number;
}

/**
 * What the grid does after a key: nothing more, let the browser have it, open the column's details, or open
 * the focused cell's comment.
 */
export type Outcome = 'handled' | 'ignored' | 'leave' | 'open' | 'comment';

export const cellKey = (col: string, row: string) => `${col}|${row}`;
const takenKey = (col: string) => `taken|${col}`;

export class Register<C extends string> {
  readonly set: CodeSet<C>;
  readonly editable: boolean;
  /** Whether cells keep a comment. */
  readonly notes: boolean;
  rows = $state<string[]>([]);
  cols = $state<RegisterColumn[]>([]);
  pos = $state<Position>({ row: 0, col: 0 });
  draft = $state<Draft<C> | null>(null);
  /** Why the focused cell's draft cannot be committed (a score out of range). */
  problem = $state<CellProblem | null>(null);
  /** The latest refusal, to show until the next one or until that cell is changed again. */
  refusal = $state<{ col: string; row: string | null; error: unknown } | null>(null);
  /** Saving waits for the server, which cannot be reached. */
  stalled = $state(false);
  /** The cell whose comment is being edited, by its ids; null when the editor is closed. */
  commenting = $state<{ col: string; row: string } | null>(null);

  readonly values = new SvelteMap<string, CellValue<C>>();
  readonly conflicts = new SvelteMap<string, CellValue<C>[]>();
  /** Cells (and `taken|col` keys) waiting to be saved. */
  readonly pending = new SvelteSet<string>();
  /** Cells whose last change was refused, with the error. */
  readonly refused = new SvelteMap<string, unknown>();
  readonly taken = new SvelteSet<string>();
  /** The comments shown, with the changes on their way; a cell without one is absent. */
  readonly comments = new SvelteMap<string, string>();

  readonly #confirmed = new Map<string, CellValue<C>>();
  readonly #confirmedComments = new Map<string, string>();
  readonly #undo = new UndoStack<C>();
  readonly #queue: SaveQueue<RegisterItem<C>, RegisterSaved<C>>;
  #closed = false;

  constructor(setup: RegisterSetup<C>) {
    this.set = setup.set;
    this.editable = setup.editable;
    this.notes = setup.comments ?? false;
    this.rows = setup.rows;
    this.setColumns(setup.cols);
    for (const cell of setup.cells) this.#store(cell, true);
    this.pos = this.#clamp(setup.start ?? { row: 0, col: 0 });
    this.#queue = new SaveQueue<RegisterItem<C>, RegisterSaved<C>>({
      send: (items) =>
        setup.send(
          items.filter((i) => i.kind === 'cell').map(({ col, row, value, comment }) => (this.notes ? { col, row, value, comment } : { col, row, value })),
          items.filter((i) => i.kind === 'taken').map((i) => i.col),
        ),
      keyOf: (item) => (item.kind === 'cell' ? cellKey(item.col, item.row) : takenKey(item.col)),
      saved: (items, result) => this.#saved(items, result),
      refused: (items, error) => this.#refused(items, error),
      // The API's `index` counts the cells of the request, which are sent in the batch's order.
      culprit: (error, items) => {
        const index = error instanceof ApiError ? error.details.index : undefined;
        if (typeof index !== 'number') return null;
        const cell = items.filter((i) => i.kind === 'cell')[index];
        return cell ? items.indexOf(cell) : null;
      },
      retryable: (error) => error instanceof ApiError && error.code === UNREACHABLE,
      stalled: (stalled) => (this.stalled = stalled),
      retryMs: setup.retryMs,
    });
  }

  /**
   * The columns changed (a lesson added or deleted): the values stay, keyed by id; the focus stays inside, and
   * the comment editor stays open unless its column went.
   */
  setColumns(cols: RegisterColumn[]): void {
    this.cols = cols;
    for (const col of cols) if (col.taken) this.taken.add(col.id);
    this.pos = this.#clamp(this.pos);
    // A comment being written on a lesson just deleted has nowhere to go.
    if (this.commenting && !cols.some((c) => c.id === this.commenting?.col)) this.commenting = null;
  }

  value(row: number, col: number): CellValue<C> {
    const key = this.#key(row, col);
    return (key && this.values.get(key)) || PRESENT;
  }

  keyAt(row: number, col: number): string {
    return this.#key(row, col) ?? '';
  }

  /** The comment of a cell, '' when it has none. */
  comment(row: number, col: number): string {
    const key = this.#key(row, col);
    return (key && this.comments.get(key)) || '';
  }

  /** Whether a column has any mark, shown or waiting: only an empty lesson may be deleted. */
  hasMarks(col: number): boolean {
    const id = this.cols[col]?.id;
    if (id === undefined) return false;
    return this.rows.some((row) => !isEmpty(this.values.get(cellKey(id, row)) ?? PRESENT));
  }

  get canUndo(): boolean {
    return this.#undo.size > 0;
  }

  press(press: KeyPress): Outcome {
    const intent = intentOf(press, {
      pos: this.pos,
      rows: this.rows.length,
      cols: this.cols.length,
      draft: this.draft,
      editable: this.editable,
      scale: this.cols[this.pos.col]?.scale ?? null,
      set: this.set,
      comments: this.notes,
    });
    if (!intent) return 'ignored';
    switch (intent.do) {
      case 'move':
        if (this.commitDraft()) this.pos = intent.to;
        return 'handled';
      case 'leave':
        return this.commitDraft() ? 'leave' : 'handled';
      case 'draft':
        this.draft = intent.draft;
        this.problem = null;
        return 'handled';
      case 'cancel':
        this.cancel();
        return 'handled';
      case 'clear':
        this.cancel();
        this.#change([{ ...this.pos, value: PRESENT }]);
        return 'handled';
      case 'undo':
        this.undo();
        return 'handled';
      case 'open':
        return 'open';
      case 'all-present':
        if (this.commitDraft()) this.markAllPresent(this.pos.col);
        return 'handled';
      case 'comment':
        return this.openComment() ? 'comment' : 'handled';
      case 'nothing':
        return 'handled';
    }
  }

  /** Moves the focus (a click), committing the draft first; stays when the draft cannot be committed. */
  moveTo(pos: Position): boolean {
    if (!this.commitDraft()) return false;
    this.pos = this.#clamp(pos);
    return true;
  }

  cancel(): void {
    this.draft = null;
    this.problem = null;
  }

  /** Commits the focused cell's draft: true when there was none or it is now queued. */
  commitDraft(): boolean {
    const draft = this.draft;
    if (!draft) return true;
    const scale = this.cols[this.pos.col]?.scale ?? null;
    const outcome = resolveDraft(this.set, draft, this.value(this.pos.row, this.pos.col), scale);
    if ('problem' in outcome) {
      this.problem = outcome.problem;
      return false;
    }
    this.cancel();
    this.#change([{ ...this.pos, value: outcome.value }]);
    return true;
  }

  /** Sets the focused cell (choosing a value kept from a concurrent edit): saved even when it looks the same. */
  choose(value: CellValue<C>): void {
    this.cancel();
    this.#change([{ ...this.pos, value }]);
  }

  /** Opens the focused cell's comment, committing its draft first: false when it cannot. */
  openComment(): boolean {
    const row = this.rows[this.pos.row];
    const col = this.cols[this.pos.col]?.id;
    if (!this.notes || !this.editable || this.#closed || row === undefined || col === undefined) return false;
    if (!this.commitDraft()) return false;
    this.commenting = { col, row };
    return true;
  }

  /**
   * Saves the text as the comment of the cell being commented, with the cell's value as it is now, and closes
   * the editor; the problem, with the editor left open, when the text is too long.
   */
  saveComment(text: string): CellProblem | null {
    const at = this.commenting;
    if (!at) return null;
    const outcome = resolveComment(text);
    if ('problem' in outcome) return outcome.problem;
    this.commenting = null;
    const key = cellKey(at.col, at.row);
    if (!this.editable || this.#closed) return null;
    if ((this.comments.get(key) ?? '') === outcome.comment && !this.refused.has(key)) return null;
    if (outcome.comment === '') this.comments.delete(key);
    else this.comments.set(key, outcome.comment);
    this.#forgetRefusal(at.col, at.row);
    this.#queue.add([this.#item(at.col, at.row, this.values.get(key) ?? PRESENT, true)]);
    this.#syncPending();
    return null;
  }

  /** Closes the comment editor, saving nothing. */
  cancelComment(): void {
    this.commenting = null;
  }

  /** The column's register was taken with everyone present: no cells, just the column. */
  markAllPresent(col: number): void {
    const id = this.cols[col]?.id;
    if (!this.editable || this.#closed || id === undefined) return;
    this.#queue.add([{ kind: 'taken', col: id }]);
    this.#syncPending();
  }

  /** Tab- and line-separated text (from a spreadsheet) from the focused cell on, as one change. */
  paste(text: string): void {
    if (!this.editable || this.pos.row < 0) return;
    const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
    const changes: { row: number; col: number; value: CellValue<C> }[] = [];
    lines.forEach((line, i) =>
      line.split('\t').forEach((cell, j) => {
        const row = this.pos.row + i;
        const col = this.pos.col + j;
        if (row >= this.rows.length || col >= this.cols.length) return;
        const value = parseCell(this.set, cell, this.cols[col]?.scale ?? null);
        if (value) changes.push({ row, col, value });
      }),
    );
    this.cancel();
    this.#change(changes);
  }

  /** Saves back the values the newest change replaced, and goes to its first cell. */
  undo(): void {
    const entry = this.#undo.pop();
    if (!entry) return;
    const changes = entry.flatMap((c) => {
      const row = this.rows.indexOf(c.row);
      const col = this.cols.findIndex((k) => k.id === c.col);
      return row < 0 || col < 0 ? [] : [{ row, col, value: c.before }];
    });
    this.cancel();
    this.#change(changes, false);
    const first = changes[0];
    if (first) this.pos = { row: first.row, col: first.col };
  }

  /**
   * The register left the screen: nothing new is taken, but what is queued is still sent — and tried again
   * while the server is away — because a mark typed must not be lost to a click on another class.
   */
  close(): void {
    this.#closed = true;
    this.cancel();
    this.cancelComment();
  }

  #key(row: number, col: number): string | null {
    const rowId = this.rows[row];
    const colId = this.cols[col]?.id;
    return rowId === undefined || colId === undefined ? null : cellKey(colId, rowId);
  }

  #clamp(pos: Position): Position {
    return {
      row: Math.max(-1, Math.min(this.rows.length - 1, pos.row)),
      col: Math.max(0, Math.min(this.cols.length - 1, pos.col)),
    };
  }

  #change(changes: { row: number; col: number; value: CellValue<C> }[], remember = true): void {
    if (!this.editable || this.#closed) return;
    const items: RegisterItem<C>[] = [];
    const done: CellChange<C>[] = [];
    for (const { row, col, value } of changes) {
      const rowId = this.rows[row];
      const colId = this.cols[col]?.id;
      if (rowId === undefined || colId === undefined) continue;
      const key = cellKey(colId, rowId);
      const before = this.values.get(key) ?? PRESENT;
      // The same value again is no change — unless the cell has a conflict, which saving resolves.
      if (sameValue(before, value) && !this.conflicts.has(key) && !this.refused.has(key)) continue;
      this.values.set(key, value);
      this.#forgetRefusal(colId, rowId);
      done.push({ col: colId, row: rowId, before, after: value });
      items.push(this.#item(colId, rowId, value));
    }
    if (items.length === 0) return;
    if (remember) this.#undo.push(done);
    this.#queue.add(items);
    this.#syncPending();
  }

  /** A cell to queue: its value, and in a register with comments the comment it shows now. */
  #item(col: string, row: string, value: CellValue<C>, note = false): RegisterItem<C> {
    if (!this.notes) return { kind: 'cell', col, row, value };
    const key = cellKey(col, row);
    const comment = this.comments.get(key) ?? (this.#confirmedComments.has(key) ? '' : null);
    return { kind: 'cell', col, row, value, comment, ...(note ? { note } : {}) };
  }

  #forgetRefusal(col: string, row: string): void {
    this.refused.delete(cellKey(col, row));
    if (this.refusal?.col === col && this.refusal.row === row) this.refusal = null;
  }

  #store(cell: SavedCell<C>, show: boolean): void {
    const key = cellKey(cell.col, cell.row);
    this.#confirmed.set(key, cell.value);
    if (cell.conflicts.length > 0) this.conflicts.set(key, cell.conflicts);
    else this.conflicts.delete(key);
    if (show) {
      if (isEmpty(cell.value)) this.values.delete(key);
      else this.values.set(key, cell.value);
    }
    if (this.notes && cell.comment !== undefined) {
      const comment = cell.comment ?? '';
      if (comment === '') this.#confirmedComments.delete(key);
      else this.#confirmedComments.set(key, comment);
      if (show) this.#showComment(key, comment);
    }
  }

  #showComment(key: string, comment: string): void {
    if (comment === '') this.comments.delete(key);
    else this.comments.set(key, comment);
  }

  #saved(items: RegisterItem<C>[], result: RegisterSaved<C>): void {
    // What was sent is what is stored unless the answer says otherwise (a cleared cell may not come back).
    for (const item of items) {
      if (item.kind === 'cell') this.#store({ ...item, conflicts: [] }, !this.#queue.has(cellKey(item.col, item.row)));
    }
    for (const cell of result.cells) this.#store(cell, !this.#queue.has(cellKey(cell.col, cell.row)));
    for (const col of result.taken) this.taken.add(col);
    this.#syncPending();
  }

  #refused(items: RegisterItem<C>[], error: unknown): void {
    let first: { col: string; row: string | null } | null = null;
    for (const item of items) {
      if (item.kind === 'taken') {
        first ??= { col: item.col, row: null };
        continue;
      }
      const key = cellKey(item.col, item.row);
      // A cell changed again meanwhile keeps its newer value, which is on its way.
      const confirmed = this.#confirmed.get(key) ?? PRESENT;
      // A change to the comment alone put no value on the undo stack to take back.
      const changedValue = !item.note || !sameValue(item.value, confirmed);
      if (!this.#queue.has(key)) {
        if (isEmpty(confirmed)) this.values.delete(key);
        else this.values.set(key, confirmed);
        if (this.notes) this.#showComment(key, this.#confirmedComments.get(key) ?? '');
        this.refused.set(key, error);
      }
      if (changedValue) this.#undo.forget(item.col, item.row);
      first ??= { col: item.col, row: item.row };
    }
    if (first) this.refusal = { ...first, error };
    this.#syncPending();
  }

  #syncPending(): void {
    const keys = this.#queue.keys();
    for (const key of this.pending) if (!keys.has(key)) this.pending.delete(key);
    for (const key of keys) this.pending.add(key);
  }
}
