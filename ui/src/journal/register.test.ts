// The register applying keys: what is shown, what is sent (and in how many requests), what a refusal puts
// back, what undo saves, conflicts, paste, the everyone-present column and the comments of cells — with a fake
// send.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type Attendance } from '../api';
import { DEFAULT_LANG, setLang } from '../i18n';
import { LESSON_CODES, formatCell, type CellValue, type KeyPress } from './grid';
import { Register, cellKey, type CellToSave, type RegisterSaved, type SavedCell } from './register.svelte';

type Request = { cells: CellToSave<Attendance>[]; taken: string[]; answer: (result: RegisterSaved<Attendance> | Error) => void };

function open(
  cells: SavedCell<Attendance>[] = [],
  { editable = true, answer = 'manual' as 'manual' | 'echo', comments = false } = {},
) {
  const requests: Request[] = [];
  const register = new Register<Attendance>({
    retryMs: 20,
    set: LESSON_CODES,
    rows: ['s1', 's2', 's3'],
    cols: [
      { id: 'l1', scale: { min: 1, max: 10 }, taken: true },
      { id: 'l2', scale: { min: 0, max: 20 }, taken: false },
      { id: 'l3', scale: { min: 1, max: 10 }, taken: false },
    ],
    cells,
    editable,
    comments,
    start: { row: 0, col: 2 },
    send: (cells, taken) =>
      new Promise((resolve, reject) => {
        const request: Request = {
          cells,
          taken,
          answer: (result) => (result instanceof Error ? reject(result) : resolve(result)),
        };
        requests.push(request);
        if (answer === 'echo') request.answer(echo(request));
      }),
  });
  const keys = (...presses: (string | KeyPress)[]) =>
    presses.map((p) => register.press(typeof p === 'string' ? { key: p } : p));
  const shown = (row: number, col: number) => formatCell(LESSON_CODES, register.value(row, col), 'kk');
  return { register, requests, keys, shown };
}

/** The API's answer: every cell as sent, and the touched lessons taken. */
function echo(request: Request): RegisterSaved<Attendance> {
  return {
    cells: request.cells.map((c) => ({ ...c, conflicts: [] })),
    taken: [...new Set([...request.cells.map((c) => c.col), ...request.taken])],
  };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const value = (attendance: Attendance | null, score: number | null): CellValue<Attendance> => ({ attendance, score });

afterEach(() => setLang(DEFAULT_LANG));

describe('typing into the register', () => {
  it('commits a mark with Enter, moves down, and sends it', async () => {
    const { register, requests, keys, shown } = open();
    keys('8');
    expect(register.draft).toEqual({ attendance: null, digits: '8' });
    expect(shown(0, 2)).toBe('');
    keys('Enter');
    expect(shown(0, 2)).toBe('8');
    expect(register.pos).toEqual({ row: 1, col: 2 });
    expect(register.pending.has(cellKey('l3', 's1'))).toBe(true);
    await tick();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, 8) }]);
    requests[0]!.answer(echo(requests[0]!));
    await tick();
    expect(register.pending.size).toBe(0);
    expect(register.taken.has('l3')).toBe(true);
  });

  it('takes attendance in two keystrokes per absent pupil, in any layout', async () => {
    const { register, requests, keys, shown } = open();
    keys('ж', 'Enter', 'Enter', 'a', 'Enter');
    expect([shown(0, 2), shown(1, 2), shown(2, 2)]).toEqual(['ж', '', 'ж']);
    expect(register.pos).toEqual({ row: 2, col: 2 });
    await tick();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.cells.map((c) => [c.row, c.value.attendance])).toEqual([
      ['s1', 'absent'],
      ['s3', 'absent'],
    ]);
  });

  it('writes late with a score, and absence over a score clears it', async () => {
    const { keys, shown } = open([{ col: 'l3', row: 's2', value: value(null, 9), conflicts: [] }], { answer: 'echo' });
    keys('к', '8', 'Enter');
    expect(shown(0, 2)).toBe('к8');
    expect(shown(1, 2)).toBe('9');
    keys('б', 'Enter');
    expect(shown(1, 2)).toBe('а');
    setLang('ru');
    expect(formatCell(LESSON_CODES, value('ill', null), 'ru')).toBe('б');
  });

  it('refuses a score out of range on the cell, keeping the draft until Escape', async () => {
    const { register, requests, keys } = open();
    keys('1', '1', 'Enter');
    expect(register.problem).toEqual({ id: 'journal-score-range', args: { min: 1, max: 10 } });
    expect(register.pos).toEqual({ row: 0, col: 2 });
    expect(register.draft).toEqual({ attendance: null, digits: '11' });
    keys('ArrowDown');
    expect(register.pos).toEqual({ row: 0, col: 2 });
    keys('Escape');
    expect(register.draft).toBeNull();
    expect(register.problem).toBeNull();
    await tick();
    expect(requests).toHaveLength(0);
  });

  it('takes 0..max in a СОр column, Tab committing and moving right', async () => {
    const { register, keys, shown } = open();
    keys('ArrowLeft', '2', '0', { key: 'Tab' });
    expect(shown(0, 1)).toBe('20');
    expect(register.pos).toEqual({ row: 0, col: 2 });
    keys({ key: 'Tab', shift: true }, 'Home');
    expect(register.pos).toEqual({ row: 0, col: 0 });
  });

  it('clears a cell with Delete and Backspace', async () => {
    const { requests, keys, shown } = open([{ col: 'l3', row: 's1', value: value('late', 7), conflicts: [] }]);
    keys('Delete');
    expect(shown(0, 2)).toBe('');
    await tick();
    expect(requests[0]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, null) }]);
  });

  it('lets Tab leave from the last column after committing', () => {
    const { keys, shown } = open();
    expect(keys('5', 'Tab')).toEqual(['handled', 'leave']);
    expect(shown(0, 2)).toBe('5');
  });
});

describe('saving', () => {
  it('coalesces a whole column typed during a slow request into one more request', async () => {
    const { requests, keys } = open();
    keys('8', 'Enter');
    await tick();
    keys('9', 'Enter', '7', 'Enter');
    await tick();
    expect(requests).toHaveLength(1);
    requests[0]!.answer(echo(requests[0]!));
    await tick();
    expect(requests).toHaveLength(2);
    expect(requests[1]!.cells.map((c) => [c.row, c.value.score])).toEqual([
      ['s2', 9],
      ['s3', 7],
    ]);
  });

  it('puts the confirmed value back on a refused cell and says why', async () => {
    const { register, requests, keys, shown } = open([{ col: 'l3', row: 's1', value: value(null, 6), conflicts: [] }]);
    keys('9', 'Enter');
    await tick();
    const refusal = new ApiError(422, 'journal.lesson_in_future', 'Сабақ әлі өткен жоқ', { index: 0 });
    requests[0]!.answer(refusal);
    await tick();
    expect(shown(0, 2)).toBe('6');
    expect(register.refused.get(cellKey('l3', 's1'))).toBe(refusal);
    expect(register.refusal).toEqual({ col: 'l3', row: 's1', error: refusal });
    expect(register.pending.size).toBe(0);
    // Nothing to undo: the refused change never happened.
    expect(register.canUndo).toBe(false);
    register.moveTo({ row: 0, col: 2 });
    keys('7', 'Enter');
    expect(register.refused.size).toBe(0);
    expect(register.refusal).toBeNull();
  });

  it('sends again the cells of a batch the API did not refuse', async () => {
    const { requests, keys, shown } = open();
    keys('8', 'Enter', '9', 'Enter');
    await tick();
    requests[0]!.answer(new ApiError(422, 'journal.not_enrolled', '', { index: 1 }));
    await tick();
    expect(shown(1, 2)).toBe('');
    expect(requests[1]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, 8) }]);
  });

  it('keeps the changes and retries when the server cannot be reached', async () => {
    const { register, requests, keys, shown } = open();
    keys('8', 'Enter');
    await tick();
    requests[0]!.answer(new ApiError(0, 'network.unreachable'));
    await tick();
    expect(shown(0, 2)).toBe('8');
    expect(register.stalled).toBe(true);
    expect(register.pending.has(cellKey('l3', 's1'))).toBe(true);
  });

  it('still sends what was queued once closed, and takes nothing new', async () => {
    const { register, requests, keys } = open();
    keys('8', 'Enter');
    register.close();
    keys('9', 'Enter');
    await tick();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, 8) }]);
  });

  it('shows the value the API stored', async () => {
    const { requests, keys, shown } = open();
    keys('8', 'Enter');
    await tick();
    requests[0]!.answer({ cells: [{ col: 'l3', row: 's1', value: value('late', 8), conflicts: [] }], taken: ['l3'] });
    await tick();
    expect(shown(0, 2)).toBe('к8');
  });
});

describe('undo', () => {
  it('saves the previous value back and goes to the cell', async () => {
    const { register, requests, keys, shown } = open([{ col: 'l3', row: 's1', value: value(null, 6), conflicts: [] }], { answer: 'echo' });
    keys('9', 'Enter', 'ж', 'Enter');
    expect([shown(0, 2), shown(1, 2)]).toEqual(['9', 'ж']);
    await tick();
    keys({ key: 'z', ctrl: true, code: 'KeyZ' });
    expect(shown(1, 2)).toBe('');
    expect(register.pos).toEqual({ row: 1, col: 2 });
    keys({ key: 'я', ctrl: true, code: 'KeyZ' });
    expect(shown(0, 2)).toBe('6');
    expect(register.pos).toEqual({ row: 0, col: 2 });
    await tick();
    const sent = requests.flatMap((r) => r.cells.map((c) => formatCell(LESSON_CODES, c.value, 'kk') || '∅'));
    expect(sent).toEqual(['9', 'ж', '∅', '6']);
    expect(register.canUndo).toBe(false);
  });

  it('undoes a paste as one change', async () => {
    const { register, requests, keys, shown } = open([], { answer: 'echo' });
    register.moveTo({ row: 0, col: 1 });
    register.paste('15\t8\r\nн\t9\r\n');
    expect([shown(0, 1), shown(0, 2), shown(1, 1), shown(1, 2)]).toEqual(['15', '8', 'ж', '9']);
    await tick();
    expect(requests).toHaveLength(1);
    keys({ key: 'z', ctrl: true });
    expect([shown(0, 1), shown(0, 2), shown(1, 1), shown(1, 2)]).toEqual(['', '', '', '']);
  });
});

describe('conflicts and columns', () => {
  it('resolves a conflict by saving the chosen value, even the one shown', async () => {
    const { register, requests } = open([{ col: 'l3', row: 's1', value: value(null, 6), conflicts: [value(null, 8)] }]);
    expect(register.conflicts.get(cellKey('l3', 's1'))).toEqual([value(null, 8)]);
    register.choose(value(null, 6));
    await tick();
    expect(requests[0]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, 6) }]);
    requests[0]!.answer(echo(requests[0]!));
    await tick();
    expect(register.conflicts.size).toBe(0);
  });

  it('takes a column with everyone present with Ctrl+Enter', async () => {
    const { register, requests, keys } = open();
    keys({ key: 'Enter', ctrl: true });
    await tick();
    expect(requests[0]).toMatchObject({ cells: [], taken: ['l3'] });
    requests[0]!.answer(echo(requests[0]!));
    await tick();
    expect(register.taken.has('l3')).toBe(true);
  });

  it('opens a column from its header', () => {
    const { register, keys } = open();
    expect(keys('ArrowUp', 'Enter')).toEqual(['handled', 'open']);
    expect(register.pos).toEqual({ row: -1, col: 2 });
  });

  it('knows which columns have marks, and follows added columns', () => {
    const { register } = open([{ col: 'l1', row: 's2', value: value('absent', null), conflicts: [] }]);
    expect([0, 1, 2].map((c) => register.hasMarks(c))).toEqual([true, false, false]);
    register.setColumns([{ id: 'l1', scale: null, taken: true }]);
    expect(register.pos).toEqual({ row: 0, col: 0 });
    expect(register.value(1, 0)).toEqual(value('absent', null));
  });

  it('changes nothing when read-only', async () => {
    const { register, requests, keys, shown } = open([], { editable: false });
    expect(keys('8', 'Enter')).toEqual(['ignored', 'handled']);
    register.paste('9');
    register.markAllPresent(0);
    await tick();
    expect(shown(0, 2)).toBe('');
    expect(register.pos).toEqual({ row: 1, col: 2 });
    expect(requests).toHaveLength(0);
  });
});

describe('comments', () => {
  const noted = (comment: string | null, score: number | null = 6): SavedCell<Attendance> => ({
    col: 'l3',
    row: 's1',
    value: value(null, score),
    conflicts: [],
    comment,
  });

  it('opens the focused cell’s comment with F2 and saves it with the cell’s mark, trimmed', async () => {
    const { register, requests, keys } = open([noted(null)], { comments: true });
    expect(keys('F2')).toEqual(['comment']);
    expect(register.commenting).toEqual({ col: 'l3', row: 's1' });
    expect(register.saveComment('  Үй жұмысын орындамады  ')).toBeNull();
    expect(register.commenting).toBeNull();
    expect(register.comment(0, 2)).toBe('Үй жұмысын орындамады');
    expect(register.pending.has(cellKey('l3', 's1'))).toBe(true);
    await tick();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, 6), comment: 'Үй жұмысын орындамады' }]);
    requests[0]!.answer(echo(requests[0]!));
    await tick();
    expect(register.pending.size).toBe(0);
    expect(register.comment(0, 2)).toBe('Үй жұмысын орындамады');
    // Nothing to undo: Ctrl+Z takes back marks, and no mark changed.
    expect(register.canUndo).toBe(false);
  });

  it('commits the draft first, and sends a mark and its comment as one cell', async () => {
    const { register, requests, keys, shown } = open([], { comments: true });
    keys('к', '8', 'F2');
    expect(shown(0, 2)).toBe('к8');
    expect(register.draft).toBeNull();
    register.saveComment('5 минутқа');
    await tick();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.cells).toEqual([{ col: 'l3', row: 's1', value: value('late', 8), comment: '5 минутқа' }]);
  });

  it('stays in a draft that cannot be committed', () => {
    const { register, keys } = open([], { comments: true });
    expect(keys('1', '2', 'F2')).toEqual(['handled', 'handled', 'handled']);
    expect(register.problem).not.toBeNull();
    expect(register.commenting).toBeNull();
  });

  it('sends a kept comment back with a new mark, and clears it when saved empty', async () => {
    const { register, requests, keys, shown } = open([noted('жақсы')], { comments: true, answer: 'echo' });
    keys('9', 'Enter');
    await tick();
    expect(requests[0]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, 9), comment: 'жақсы' }]);
    keys('ArrowUp', 'F2');
    register.saveComment('   ');
    expect(register.comment(0, 2)).toBe('');
    await tick();
    // '' clears the comment on the API; null would leave it.
    expect(requests[1]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, 9), comment: '' }]);
    keys('8', 'Enter');
    await tick();
    expect(requests[2]!.cells).toEqual([{ col: 'l3', row: 's1', value: value(null, 8), comment: null }]);
    expect(shown(0, 2)).toBe('8');
  });

  it('sends nothing for a comment saved unchanged, or cancelled', async () => {
    const { register, requests, keys } = open([noted('жақсы')], { comments: true });
    keys('F2');
    register.saveComment('жақсы ');
    keys('F2');
    register.cancelComment();
    expect(register.commenting).toBeNull();
    await tick();
    expect(requests).toHaveLength(0);
  });

  it('refuses a comment longer than the API keeps, leaving the editor open', async () => {
    const { register, requests, keys } = open([], { comments: true });
    keys('F2');
    expect(register.saveComment('ы'.repeat(2001))).toEqual({ id: 'register-comment-too-long', args: { max: 2000 } });
    expect(register.commenting).toEqual({ col: 'l3', row: 's1' });
    expect(register.saveComment('ы'.repeat(2000))).toBeNull();
    await tick();
    expect(requests).toHaveLength(1);
  });

  it('puts the saved comment back when the API refuses it, keeping the marks’ undo', async () => {
    const { register, requests, keys } = open([noted('жақсы')], { comments: true });
    keys('ArrowDown', '7', 'ArrowUp');
    await tick();
    requests[0]!.answer(echo(requests[0]!));
    keys('F2');
    register.saveComment('өте жақсы');
    await tick();
    const refusal = new ApiError(422, 'journal.text_too_long', '', { index: 0, max: 2000 });
    requests[1]!.answer(refusal);
    await tick();
    expect(register.comment(0, 2)).toBe('жақсы');
    expect(register.refused.get(cellKey('l3', 's1'))).toBe(refusal);
    expect(register.canUndo).toBe(true);
  });

  it('closes the editor of a comment whose lesson was deleted', () => {
    const { register, keys } = open([], { comments: true });
    keys('F2');
    register.setColumns([{ id: 'l1', scale: null, taken: true }, { id: 'l3', scale: null, taken: false }]);
    expect(register.commenting).toEqual({ col: 'l3', row: 's1' });
    register.setColumns([{ id: 'l1', scale: null, taken: true }]);
    expect(register.commenting).toBeNull();
  });

  it('is not kept by a register without comments, nor changed when read-only', async () => {
    const plain = open();
    expect(plain.keys('F2')).toEqual(['ignored']);
    plain.keys('8', 'Enter');
    await tick();
    expect(plain.requests[0]!.cells[0]).toStrictEqual({ col: 'l3', row: 's1', value: value(null, 8) });
    const readOnly = open([noted('жақсы')], { comments: true, editable: false });
    expect(readOnly.keys('F2')).toEqual(['ignored']);
    expect(readOnly.register.openComment()).toBe(false);
    expect(readOnly.register.comment(0, 2)).toBe('жақсы');
  });
});
