// The keyboard model, key by key: letters in every language, digits on any layout, drafts, commits, moves,
// and the undo stack.
import { describe, expect, it } from 'vitest';
import type { Attendance } from '../api';
import { LANGS } from '../i18n';
import {
  DAY_CODES,
  LESSON_CODES,
  UndoStack,
  codeOfKey,
  collisions,
  draftText,
  eraseKey,
  formatCell,
  intentOf,
  parseCell,
  resolveComment,
  resolveDraft,
  typeKey,
  type Draft,
  type GridState,
  type KeyPress,
  type Scale,
} from './grid';

const FORMATIVE: Scale = { min: 1, max: 10 };
const SOR: Scale = { min: 0, max: 20 };

function state(over: Partial<GridState<Attendance>> = {}): GridState<Attendance> {
  return { pos: { row: 2, col: 3 }, rows: 10, cols: 8, draft: null, editable: true, scale: FORMATIVE, set: LESSON_CODES, ...over };
}

const key = (k: string, more: Partial<KeyPress> = {}): KeyPress => ({ key: k, ...more });

describe('attendance letters', () => {
  it('are each language’s own', () => {
    expect(LESSON_CODES.letters.kk).toEqual({ absent: 'ж', ill: 'а', excused: 'с', late: 'к' });
    expect(LESSON_CODES.letters.ru).toEqual({ absent: 'н', ill: 'б', excused: 'у', late: 'оп' });
    expect(LESSON_CODES.letters.en).toEqual({ absent: 'a', ill: 'i', excused: 'e', late: 'l' });
    expect(DAY_CODES.letters.kk).toEqual({ absent: 'ж', ill: 'а', vacation: 'д', excused: 'с' });
    expect(DAY_CODES.letters.ru).toEqual({ absent: 'н', ill: 'б', vacation: 'о', excused: 'у' });
    expect(DAY_CODES.letters.en).toEqual({ absent: 'a', ill: 'i', vacation: 'v', excused: 'e' });
  });

  it('never collide across languages, so all three sets are accepted at once', () => {
    expect(collisions(LESSON_CODES)).toEqual([]);
    expect(collisions(DAY_CODES)).toEqual([]);
  });

  it('are read in any language and case, Cyrillic а and Latin a apart', () => {
    const read = (letters: string) => [...letters].map((k) => codeOfKey(LESSON_CODES, k));
    expect(read('жаск')).toEqual(['absent', 'ill', 'excused', 'late']);
    expect(read('нбуо')).toEqual(['absent', 'ill', 'excused', 'late']);
    expect(read('aiel')).toEqual(['absent', 'ill', 'excused', 'late']);
    expect(read('ЖНA')).toEqual(['absent', 'absent', 'absent']);
    expect(codeOfKey(LESSON_CODES, 'а')).toBe('ill');
    expect(codeOfKey(LESSON_CODES, 'a')).toBe('absent');
    expect(codeOfKey(LESSON_CODES, 'x')).toBeNull();
    expect(codeOfKey(LESSON_CODES, 'Enter')).toBeNull();
    expect([...'жадснбоуaive'].map((k) => codeOfKey(DAY_CODES, k))).toEqual([
      'absent', 'ill', 'vacation', 'excused', 'absent', 'ill', 'vacation', 'excused', 'absent', 'ill', 'vacation', 'excused',
    ]);
  });
});

describe('cell text', () => {
  it('is written in the current language', () => {
    expect(formatCell(LESSON_CODES, { attendance: 'absent', score: null }, 'kk')).toBe('ж');
    expect(formatCell(LESSON_CODES, { attendance: 'late', score: 8 }, 'kk')).toBe('к8');
    expect(formatCell(LESSON_CODES, { attendance: 'late', score: 8 }, 'ru')).toBe('оп8');
    expect(formatCell(LESSON_CODES, { attendance: 'late', score: 8 }, 'en')).toBe('l8');
    expect(formatCell(LESSON_CODES, { attendance: null, score: 10 }, 'ru')).toBe('10');
    expect(formatCell(LESSON_CODES, { attendance: null, score: null }, 'en')).toBe('');
  });

  it('is read back in any language, within the column’s scale', () => {
    for (const language of LANGS) {
      for (const attendance of LESSON_CODES.codes) {
        const value = { attendance, score: attendance === 'late' ? 7 : null };
        expect(parseCell(LESSON_CODES, formatCell(LESSON_CODES, value, language), FORMATIVE)).toEqual(value);
      }
    }
    expect(parseCell(LESSON_CODES, ' 9 ', FORMATIVE)).toEqual({ attendance: null, score: 9 });
    expect(parseCell(LESSON_CODES, '', FORMATIVE)).toEqual({ attendance: null, score: null });
    expect(parseCell(LESSON_CODES, '0', SOR)).toEqual({ attendance: null, score: 0 });
    expect(parseCell(LESSON_CODES, 'к 8', FORMATIVE)).toEqual({ attendance: 'late', score: 8 });
    expect(parseCell(LESSON_CODES, '11', FORMATIVE)).toBeNull();
    expect(parseCell(LESSON_CODES, '0', FORMATIVE)).toBeNull();
    expect(parseCell(LESSON_CODES, 'ж8', FORMATIVE)).toBeNull();
    expect(parseCell(LESSON_CODES, '8', null)).toBeNull();
    expect(parseCell(LESSON_CODES, 'жж', FORMATIVE)).toBeNull();
    expect(parseCell(LESSON_CODES, 'x', FORMATIVE)).toBeNull();
    expect(parseCell(LESSON_CODES, '8.5', FORMATIVE)).toBeNull();
    expect(parseCell(DAY_CODES, 'д', null)).toEqual({ attendance: 'vacation', score: null });
  });
});

describe('drafts', () => {
  const type = (keys: string, scale: Scale | null = FORMATIVE) => {
    let draft: Draft<Attendance> | null = null;
    for (const k of keys) draft = typeKey(LESSON_CODES, draft, key(k), scale) ?? draft;
    return draft;
  };

  it('build a number from digits, and keep late beside it', () => {
    expect(type('1')).toEqual({ attendance: null, digits: '1' });
    expect(type('10')).toEqual({ attendance: null, digits: '10' });
    expect(type('к8')).toEqual({ attendance: 'late', digits: '8' });
    expect(type('8к')).toEqual({ attendance: 'late', digits: '8' });
    expect(type('l9')).toEqual({ attendance: 'late', digits: '9' });
  });

  it('let the last key win between a score and absence', () => {
    expect(type('8ж')).toEqual({ attendance: 'absent', digits: '' });
    expect(type('ж8')).toEqual({ attendance: null, digits: '8' });
    expect(type('жб')).toEqual({ attendance: 'ill', digits: '' });
  });

  it('take the Russian «оп» as one code', () => {
    expect(type('оп')).toEqual({ attendance: 'late', digits: '' });
    expect(type('оп7')).toEqual({ attendance: 'late', digits: '7' });
    expect(draftText(LESSON_CODES, type('оп7')!, 'ru')).toBe('оп7');
    expect(draftText(LESSON_CODES, type('оп7')!, 'kk')).toBe('к7');
  });

  it('read digits from the number row of the Kazakh layout', () => {
    expect(typeKey(LESSON_CODES, null, key('ү', { code: 'Digit8' }), FORMATIVE)).toEqual({ attendance: null, digits: '8' });
    expect(typeKey(LESSON_CODES, null, key('7', { code: 'Numpad7' }), FORMATIVE)).toEqual({ attendance: null, digits: '7' });
  });

  it('ignore digits in an attendance-only column and unknown letters anywhere', () => {
    expect(typeKey(LESSON_CODES, null, key('8'), null)).toBeNull();
    expect(typeKey(LESSON_CODES, null, key('x'), FORMATIVE)).toBeNull();
    expect(type('123')).toEqual({ attendance: null, digits: '123' });
    expect(type('1234')).toEqual({ attendance: null, digits: '123' });
  });

  it('show the current language’s letter for a key of another', () => {
    const draft = typeKey(LESSON_CODES, null, key('a'), FORMATIVE)!;
    expect(draftText(LESSON_CODES, draft, 'kk')).toBe('ж');
    expect(draftText(LESSON_CODES, draft, 'ru')).toBe('н');
  });

  it('lose digits, then the letter, to Backspace', () => {
    expect(eraseKey({ attendance: 'late', digits: '10' })).toEqual({ attendance: 'late', digits: '1' });
    expect(eraseKey({ attendance: 'late', digits: '1' })).toEqual({ attendance: 'late', digits: '' });
    expect(eraseKey({ attendance: 'late', digits: '' })).toBeNull();
    expect(eraseKey({ attendance: null, digits: '1' })).toBeNull();
  });
});

describe('committing a draft', () => {
  const resolve = (draft: Draft<Attendance>, current = { attendance: null, score: null } as const, scale: Scale | null = FORMATIVE) =>
    resolveDraft(LESSON_CODES, draft, current, scale);

  it('sets the score, keeping late', () => {
    expect(resolve({ attendance: null, digits: '8' })).toEqual({ value: { attendance: null, score: 8 } });
    expect(resolve({ attendance: null, digits: '8' }, { attendance: 'late', score: 5 } as never)).toEqual({
      value: { attendance: 'late', score: 8 },
    });
    expect(resolve({ attendance: null, digits: '8' }, { attendance: 'absent', score: null } as never)).toEqual({
      value: { attendance: null, score: 8 },
    });
  });

  it('sets attendance, clearing the score unless late', () => {
    expect(resolve({ attendance: 'absent', digits: '' }, { attendance: null, score: 9 } as never)).toEqual({
      value: { attendance: 'absent', score: null },
    });
    expect(resolve({ attendance: 'late', digits: '' }, { attendance: null, score: 9 } as never)).toEqual({
      value: { attendance: 'late', score: 9 },
    });
  });

  it('refuses a score out of the scale, naming the scale', () => {
    expect(resolve({ attendance: null, digits: '11' })).toEqual({ problem: { id: 'journal-score-range', args: { min: 1, max: 10 } } });
    expect(resolve({ attendance: null, digits: '0' })).toEqual({ problem: { id: 'journal-score-range', args: { min: 1, max: 10 } } });
    expect(resolve({ attendance: null, digits: '0' }, undefined, SOR)).toEqual({ value: { attendance: null, score: 0 } });
    expect(resolve({ attendance: null, digits: '21' }, undefined, SOR)).toHaveProperty('problem');
  });
});

describe('keys', () => {
  it('move with the arrows, staying inside and reaching the header row', () => {
    expect(intentOf(key('ArrowUp'), state())).toEqual({ do: 'move', to: { row: 1, col: 3 } });
    expect(intentOf(key('ArrowDown'), state())).toEqual({ do: 'move', to: { row: 3, col: 3 } });
    expect(intentOf(key('ArrowLeft'), state())).toEqual({ do: 'move', to: { row: 2, col: 2 } });
    expect(intentOf(key('ArrowRight'), state())).toEqual({ do: 'move', to: { row: 2, col: 4 } });
    expect(intentOf(key('ArrowUp'), state({ pos: { row: 0, col: 0 } }))).toEqual({ do: 'move', to: { row: -1, col: 0 } });
    expect(intentOf(key('ArrowUp'), state({ pos: { row: -1, col: 0 } }))).toEqual({ do: 'move', to: { row: -1, col: 0 } });
    expect(intentOf(key('ArrowDown'), state({ pos: { row: 9, col: 7 } }))).toEqual({ do: 'move', to: { row: 9, col: 7 } });
    expect(intentOf(key('ArrowRight'), state({ pos: { row: 9, col: 7 } }))).toEqual({ do: 'move', to: { row: 9, col: 7 } });
  });

  it('jump to the first and last lesson with Home and End, the corners with Ctrl', () => {
    expect(intentOf(key('Home'), state())).toEqual({ do: 'move', to: { row: 2, col: 0 } });
    expect(intentOf(key('End'), state())).toEqual({ do: 'move', to: { row: 2, col: 7 } });
    expect(intentOf(key('Home', { ctrl: true }), state())).toEqual({ do: 'move', to: { row: 0, col: 0 } });
    expect(intentOf(key('End', { ctrl: true }), state())).toEqual({ do: 'move', to: { row: 9, col: 7 } });
    expect(intentOf(key('PageDown'), state())).toEqual({ do: 'move', to: { row: 9, col: 3 } });
    expect(intentOf(key('PageUp'), state())).toEqual({ do: 'move', to: { row: 0, col: 3 } });
  });

  it('advance with Enter (down) and Tab (right), Shift going back', () => {
    expect(intentOf(key('Enter'), state())).toEqual({ do: 'move', to: { row: 3, col: 3 } });
    expect(intentOf(key('Enter', { shift: true }), state())).toEqual({ do: 'move', to: { row: 1, col: 3 } });
    expect(intentOf(key('Enter', { shift: true }), state({ pos: { row: 0, col: 3 } }))).toEqual({ do: 'move', to: { row: 0, col: 3 } });
    expect(intentOf(key('Enter'), state({ pos: { row: 9, col: 3 } }))).toEqual({ do: 'move', to: { row: 9, col: 3 } });
    expect(intentOf(key('Tab'), state())).toEqual({ do: 'move', to: { row: 2, col: 4 } });
    expect(intentOf(key('Tab', { shift: true }), state())).toEqual({ do: 'move', to: { row: 2, col: 2 } });
  });

  it('let Tab leave the grid at its edges', () => {
    expect(intentOf(key('Tab'), state({ pos: { row: 2, col: 7 } }))).toEqual({ do: 'leave' });
    expect(intentOf(key('Tab', { shift: true }), state({ pos: { row: 2, col: 0 } }))).toBeNull();
  });

  it('open a lesson with Enter on its header, and take the register with Ctrl+Enter', () => {
    expect(intentOf(key('Enter'), state({ pos: { row: -1, col: 3 } }))).toEqual({ do: 'open' });
    expect(intentOf(key('Enter', { ctrl: true }), state())).toEqual({ do: 'all-present' });
    expect(intentOf(key('Enter', { ctrl: true }), state({ pos: { row: -1, col: 3 } }))).toEqual({ do: 'all-present' });
    expect(intentOf(key('Enter', { meta: true }), state())).toEqual({ do: 'all-present' });
  });

  it('type letters and digits into a draft', () => {
    expect(intentOf(key('ж'), state())).toEqual({ do: 'draft', draft: { attendance: 'absent', digits: '' } });
    expect(intentOf(key('7'), state())).toEqual({ do: 'draft', draft: { attendance: null, digits: '7' } });
    expect(intentOf(key('1'), state({ draft: { attendance: null, digits: '1' } }))).toEqual({
      do: 'draft',
      draft: { attendance: null, digits: '11' },
    });
    expect(intentOf(key('q'), state())).toEqual({ do: 'nothing' });
    expect(intentOf(key(' '), state())).toBeNull();
    expect(intentOf(key('ж'), state({ pos: { row: -1, col: 3 } }))).toBeNull();
  });

  it('clear with Backspace and Delete, Backspace first eating the draft', () => {
    expect(intentOf(key('Backspace'), state())).toEqual({ do: 'clear' });
    expect(intentOf(key('Delete'), state())).toEqual({ do: 'clear' });
    expect(intentOf(key('Backspace'), state({ draft: { attendance: 'late', digits: '8' } }))).toEqual({
      do: 'draft',
      draft: { attendance: 'late', digits: '' },
    });
    expect(intentOf(key('Delete'), state({ draft: { attendance: 'late', digits: '8' } }))).toEqual({ do: 'clear' });
  });

  it('cancel with Escape, and leave Escape alone with no draft', () => {
    expect(intentOf(key('Escape'), state({ draft: { attendance: null, digits: '8' } }))).toEqual({ do: 'cancel' });
    expect(intentOf(key('Escape'), state())).toBeNull();
  });

  it('undo with Ctrl+Z on any layout, cancelling a draft first', () => {
    expect(intentOf(key('z', { ctrl: true, code: 'KeyZ' }), state())).toEqual({ do: 'undo' });
    expect(intentOf(key('я', { ctrl: true, code: 'KeyZ' }), state())).toEqual({ do: 'undo' });
    expect(intentOf(key('z', { meta: true }), state())).toEqual({ do: 'undo' });
    expect(intentOf(key('z', { ctrl: true }), state({ draft: { attendance: null, digits: '8' } }))).toEqual({ do: 'cancel' });
    expect(intentOf(key('c', { ctrl: true, code: 'KeyC' }), state())).toBeNull();
    expect(intentOf(key('ж', { alt: true }), state())).toBeNull();
  });

  it('keep only moves and the headers’ Enter when read-only', () => {
    const readOnly = state({ editable: false });
    expect(intentOf(key('ArrowDown'), readOnly)).toEqual({ do: 'move', to: { row: 3, col: 3 } });
    expect(intentOf(key('End'), readOnly)).toEqual({ do: 'move', to: { row: 2, col: 7 } });
    expect(intentOf(key('Enter'), readOnly)).toEqual({ do: 'move', to: { row: 3, col: 3 } });
    expect(intentOf(key('Enter'), state({ editable: false, pos: { row: -1, col: 1 } }))).toEqual({ do: 'open' });
    for (const k of ['ж', '8', 'Backspace', 'Delete']) expect(intentOf(key(k), readOnly), k).toBeNull();
    expect(intentOf(key('z', { ctrl: true }), readOnly)).toBeNull();
    expect(intentOf(key('Enter', { ctrl: true }), readOnly)).toBeNull();
  });

  it('open a cell’s comment with F2, only in a register that keeps comments, on a pupil’s cell', () => {
    const noted = (over: Partial<GridState<Attendance>> = {}) => state({ comments: true, ...over });
    expect(intentOf(key('F2'), noted())).toEqual({ do: 'comment' });
    expect(intentOf(key('F2'), noted({ draft: { attendance: null, digits: '8' } }))).toEqual({ do: 'comment' });
    expect(intentOf(key('F2'), state())).toBeNull();
    expect(intentOf(key('F2'), noted({ editable: false }))).toBeNull();
    expect(intentOf(key('F2'), noted({ pos: { row: -1, col: 3 } }))).toBeNull();
    expect(intentOf(key('F2', { ctrl: true }), noted())).toBeNull();
    // No attendance letter of any language, and Shift+Enter still goes up.
    expect(codeOfKey(LESSON_CODES, 'F2')).toBeNull();
    expect(intentOf(key('Enter', { shift: true }), noted())).toEqual({ do: 'move', to: { row: 1, col: 3 } });
  });

  it('do nothing in a register with no columns', () => {
    expect(intentOf(key('ArrowDown'), state({ cols: 0 }))).toBeNull();
  });
});

describe('the undo stack', () => {
  const change = (row: string, score: number | null) => ({
    col: 'l1',
    row,
    before: { attendance: null, score: null },
    after: { attendance: null, score },
  });

  it('gives back the newest change first', () => {
    const stack = new UndoStack<Attendance>();
    stack.push([change('s1', 5)]);
    stack.push([change('s2', 6), change('s3', 7)]);
    stack.push([]);
    expect(stack.size).toBe(2);
    expect(stack.pop()).toEqual([change('s2', 6), change('s3', 7)]);
    expect(stack.pop()).toEqual([change('s1', 5)]);
    expect(stack.pop()).toBeUndefined();
  });

  it('forgets a refused change, and an entry it empties', () => {
    const stack = new UndoStack<Attendance>();
    stack.push([change('s1', 5)]);
    stack.push([change('s2', 6), change('s3', 7)]);
    stack.forget('l1', 's3');
    expect(stack.pop()).toEqual([change('s2', 6)]);
    stack.forget('l1', 's1');
    expect(stack.size).toBe(0);
  });

  it('keeps a bounded history', () => {
    const stack = new UndoStack<Attendance>(3);
    for (let i = 0; i < 5; i++) stack.push([change(`s${i}`, i)]);
    expect(stack.size).toBe(3);
    expect(stack.pop()).toEqual([change('s4', 4)]);
  });
});

describe('comments', () => {
  it('are trimmed, and an empty one clears', () => {
    expect(resolveComment('  жақсы  ')).toEqual({ comment: 'жақсы' });
    expect(resolveComment(' \n ')).toEqual({ comment: '' });
  });

  it('take up to 2000 characters, counted as the API counts them', () => {
    expect(resolveComment('ы'.repeat(2000))).toEqual({ comment: 'ы'.repeat(2000) });
    expect(resolveComment(`${'ы'.repeat(2000)}   `)).toHaveProperty('comment');
    expect(resolveComment('ы'.repeat(2001))).toEqual({ problem: { id: 'register-comment-too-long', args: { max: 2000 } } });
    // An emoji is one character to the API, two UTF-16 units to JavaScript.
    expect(resolveComment('👍'.repeat(2000))).toHaveProperty('comment');
  });
});
