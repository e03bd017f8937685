// @vitest-environment happy-dom
// The journal in a simulated DOM against a fake API, driven by the keyboard as a teacher drives it: open
// the register from home, type a mark, see the request and the term grade change; a refused save; the
// register kept in the hash; everyone present; a new lesson; a mark's comment; the year's grades; read-only
// and attendance-only journals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../api';
import { appears, bodies, choose, click, closeApp, find, focusedTestid, get, openApp, person, press, type } from '../test-app';
import type { Answer, Sent } from '../test-support';

const teacher = { ...person('teacher'), full_name: 'Серікова Әйгерім' };
const term = { id: 'q2', number: 2, starts: '2025-11-03', ends: '2025-12-28' };
const classes = {
  terms: [{ id: 'q1', number: 1, starts: '2025-09-01', ends: '2025-10-26' }, term],
  current_term_id: 'q2',
  classes: [
    {
      class_id: 'c5a',
      name: '5А',
      grade: 5,
      language: 'kk',
      graded: true,
      subjects: [
        { subject: 'mathematics', subject_name: 'Математика', teacher_name: 'Серікова Ә.', editable: true },
        { subject: 'physics', subject_name: 'Физика', teacher_name: 'Серікова Ә.', editable: true },
      ],
    },
    {
      class_id: 'c1b',
      name: '1Б',
      grade: 1,
      language: 'kk',
      graded: false,
      subjects: [{ subject: 'mathematics', subject_name: 'Математика', teacher_name: 'Серікова Ә.', editable: true }],
    },
  ],
};
const lesson = (id: string, date: string, extra: object = {}) => ({
  id,
  date,
  period: 2,
  topic: null,
  homework: null,
  kind: 'ordinary',
  max_score: null,
  taken: false,
  ...extra,
});
const noGrade = (student_id: string) => ({
  student_id,
  formative_percent: null,
  sor_percent: null,
  soch_percent: null,
  total_percent: null,
  grade: null,
});
const journal = {
  class_id: 'c5a',
  class_name: '5А',
  subject: 'mathematics',
  subject_name: 'Математика',
  term,
  graded: true,
  editable: true,
  students: [
    { id: 's1', name: 'Әлиев Арман', number: 1 },
    { id: 's2', name: 'Бекова Дана', number: 2 },
    { id: 's3', name: 'Жанұзақ Нұрлан', number: 3 },
  ],
  lessons: [
    lesson('l1', '2025-11-10', { taken: true }),
    lesson('l2', '2025-11-12', { kind: 'sor', max_score: 20 }),
    lesson('l3', '2025-11-17'),
  ],
  marks: [
    { lesson_id: 'l1', student_id: 's2', attendance: 'absent', score: null, comment: null, conflicts: [] },
    { lesson_id: 'l1', student_id: 's3', attendance: null, score: 6, comment: 'жақсы', conflicts: [{ attendance: null, score: 9 }] },
  ],
  grades: [noGrade('s1'), noGrade('s2'), { ...noGrade('s3'), formative_percent: 60, total_percent: 60, grade: 3 }],
};

const posted = (api: { sent: Sent[] }, url: string) => bodies(api, 'POST', url);

/** Logged in as `me`, the journal open on `hash`, the focus on the latest lesson of the first pupil. */
async function openJournal(routes: Record<string, Answer | ((sent: Sent) => Answer)>, me: Me = teacher, hash = '#/journal') {
  const api = await openApp(me, hash, {
    'GET /api/v1/journal/classes': { body: classes },
    'GET /api/v1/journal': { body: journal },
    ...routes,
  });
  await appears('journal-grid');
  await vi.waitFor(() => expect(focusedTestid()).toBe('cell-0-2'));
  return api;
}

afterEach(closeApp);

describe('the journal', () => {
  it('opens from the teacher’s home on the first class, the current term and the latest lesson', async () => {
    const api = await openApp(teacher, '', {
      'GET /api/v1/journal/classes': { body: classes },
      'GET /api/v1/journal': { body: journal },
    });
    await appears('open-journal');
    get('open-journal').click();
    await appears('journal-grid');
    expect(api.sent.find((s) => s.url.startsWith('/api/v1/journal?'))?.url).toBe(
      '/api/v1/journal?class_id=c5a&subject=mathematics&term_id=q2',
    );
    expect(location.hash).toBe('#/journal?class=c5a&subject=mathematics&term=q2');
    expect((get('journal-class') as HTMLSelectElement).value).toBe('c5a');
    expect((get('journal-term') as HTMLSelectElement).value).toBe('q2');
    expect(get('column-1').textContent).toContain('12.11');
    expect(get('badge-1').textContent).toBe('БЖБ 20');
    expect(get('cell-1-0').dataset.value).toBe('ж');
    expect(get('cell-2-0').dataset.value).toBe('6');
    expect(get('cell-2-0').dataset.state).toBe('conflict');
    expect(get('grade-2').textContent?.trim()).toBe('3');
    expect(get('grade-2-fo').textContent?.trim()).toBe('60');
    expect(get('journal-grid').getAttribute('role')).toBe('grid');
    await vi.waitFor(() => expect(focusedTestid()).toBe('cell-0-2'));
  });

  it('saves a typed mark and shows the new term grade', async () => {
    const api = await openJournal({});
    // A slow API: each save waits until the test answers it.
    let answer!: (body: unknown) => void;
    const saves: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.method !== 'POST') return api.fetch(input, init);
        saves.push(JSON.parse(String(init.body)));
        const body = await new Promise((resolve) => (answer = resolve));
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );

    press('8');
    expect(get('cell-0-2').dataset.value).toBe('8');
    expect(get('cell-0-2').dataset.state).toBeUndefined();
    press('Enter');
    expect(focusedTestid()).toBe('cell-1-2');
    expect(get('cell-0-2').dataset.state).toBe('pending');
    await vi.waitFor(() => expect(saves).toHaveLength(1));
    // While the first request is in flight, two more pupils are marked: they go together, in one request.
    press('ж');
    press('Enter');
    press('к');
    press('9');
    press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(saves).toHaveLength(1);
    expect(saves[0]).toEqual({
      class_id: 'c5a',
      subject: 'mathematics',
      term_id: 'q2',
      marks: [{ lesson_id: 'l3', student_id: 's1', attendance: null, score: 8, comment: null }],
      taken: [],
    });

    const graded = { ...noGrade('s1'), formative_percent: 80, total_percent: 80, grade: 4 };
    answer({
      marks: [{ lesson_id: 'l3', student_id: 's1', attendance: null, score: 8, comment: null, conflicts: [] }],
      lessons: [{ ...journal.lessons[2], taken: true }],
      grades: [graded, noGrade('s2'), journal.grades[2]],
    });
    await vi.waitFor(() => expect(get('grade-0').textContent?.trim()).toBe('4'));
    expect(get('grade-0-fo').textContent?.trim()).toBe('80');
    expect(get('grade-0-total').textContent?.trim()).toBe('80');
    expect(get('column-2').textContent).toContain('✓');

    await vi.waitFor(() => expect(saves).toHaveLength(2));
    expect((saves[1] as { marks: unknown[] }).marks).toEqual([
      { lesson_id: 'l3', student_id: 's2', attendance: 'absent', score: null, comment: null },
      { lesson_id: 'l3', student_id: 's3', attendance: 'late', score: 9, comment: null },
    ]);
    expect(get('cell-2-2').dataset.value).toBe('к9');
  });

  it('puts a refused mark back and says why on the cell', async () => {
    const api = await openJournal({
      'POST /api/v1/journal/marks': {
        status: 422,
        body: { code: 'journal.lesson_in_future', message: 'Lesson is in the future', index: 0 },
      },
    });
    press('ArrowLeft');
    press('ArrowLeft');
    press('ArrowDown');
    press('ArrowDown');
    expect(focusedTestid()).toBe('cell-2-0');
    press('7');
    press('Enter');
    expect(get('cell-2-0').dataset.value).toBe('7');
    await appears('cell-error');
    expect(get('cell-2-0').dataset.value).toBe('6');
    expect(get('cell-2-0').dataset.state).toContain('refused');
    expect(get('cell-error').textContent).toContain('Жанұзақ Нұрлан');
    expect(get('cell-error').textContent).toContain('Бұл сабақ әлі өткен жоқ.');
    expect(get('cell-2-0').title).toBe('Бұл сабақ әлі өткен жоқ.');
    // The comment kept with the mark went back with it.
    expect(posted(api, '/api/v1/journal/marks')[0]).toMatchObject({
      marks: [{ lesson_id: 'l1', student_id: 's3', attendance: null, score: 7, comment: 'жақсы' }],
    });
  });

  it('refuses a mark out of range before asking the API', async () => {
    const api = await openJournal({});
    press('1');
    press('2');
    press('Enter');
    expect(get('cell-problem').textContent).toBe('Балл 1…10 аралығында болуы керек.');
    expect(focusedTestid()).toBe('cell-0-2');
    press('Escape');
    expect(get('cell-0-2').dataset.value).toBe('');
    expect(posted(api, '/api/v1/journal/marks')).toEqual([]);
  });

  it('undoes the last saved change by saving the old value back', async () => {
    const api = await openJournal({
      'POST /api/v1/journal/marks': (sent) => ({
        body: {
          marks: (sent.body as { marks: object[] }).marks.map((m) => ({ ...m, conflicts: [] })),
          lessons: [],
          grades: journal.grades,
        },
      }),
    });
    press('5');
    press('Enter');
    await vi.waitFor(() => expect(posted(api, '/api/v1/journal/marks')).toHaveLength(1));
    press('z', { ctrlKey: true, code: 'KeyZ' });
    expect(get('cell-0-2').dataset.value).toBe('');
    await vi.waitFor(() => expect(posted(api, '/api/v1/journal/marks')).toHaveLength(2));
    expect(posted(api, '/api/v1/journal/marks')[1]).toMatchObject({
      marks: [{ lesson_id: 'l3', student_id: 's1', attendance: null, score: null }],
    });
  });

  it('takes a lesson’s attendance with everyone present in one key', async () => {
    const api = await openJournal({
      'POST /api/v1/journal/marks': { body: { marks: [], lessons: [{ ...journal.lessons[2], taken: true }], grades: journal.grades } },
    });
    press('Enter', { ctrlKey: true });
    await vi.waitFor(() => expect(get('column-2').textContent).toContain('✓'));
    expect(posted(api, '/api/v1/journal/marks')).toEqual([
      { class_id: 'c5a', subject: 'mathematics', term_id: 'q2', marks: [], taken: ['l3'] },
    ]);
  });

  it('resolves a conflict by choosing one of the values', async () => {
    const api = await openJournal({
      'POST /api/v1/journal/marks': (sent) => ({
        body: { marks: (sent.body as { marks: object[] }).marks.map((m) => ({ ...m, conflicts: [] })), lessons: [], grades: journal.grades },
      }),
    });
    press('Home');
    press('ArrowDown');
    press('ArrowDown');
    expect(get('cell-conflict').textContent).toContain('9');
    click('conflict-0');
    await vi.waitFor(() => expect(get('cell-2-0').dataset.state).toBeUndefined());
    expect(get('cell-2-0').dataset.value).toBe('9');
    expect(posted(api, '/api/v1/journal/marks')[0]).toMatchObject({
      marks: [{ lesson_id: 'l1', student_id: 's3', attendance: null, score: 9, comment: 'жақсы' }],
    });
  });

  it('reopens the register the hash names', async () => {
    const api = await openJournal({}, teacher, '#/journal?class=c5a&subject=physics&term=q2');
    expect(api.sent.some((s) => s.url === '/api/v1/journal?class_id=c5a&subject=physics&term_id=q2')).toBe(true);
    expect((get('journal-subject') as HTMLSelectElement).value).toBe('physics');
    choose('journal-term', 'q1');
    await vi.waitFor(() => expect(location.hash).toBe('#/journal?class=c5a&subject=physics&term=q1'));
    await vi.waitFor(() => expect(api.sent.some((s) => s.url.endsWith('term_id=q1'))).toBe(true));
  });

  it('adds a СОр lesson and opens a lesson’s topic from its header', async () => {
    const added = lesson('l4', '2025-11-19', { kind: 'sor', max_score: 15, period: 3 });
    const api = await openJournal({
      'POST /api/v1/journal/lessons': { body: added },
      'PATCH /api/v1/journal/lessons/l3': (sent) => ({ body: { ...journal.lessons[2], ...(sent.body as object) } }),
    });
    click('lesson-add');
    await appears('lesson-form');
    type('lesson-form-date', '2025-11-19');
    type('lesson-form-period', '3');
    choose('lesson-form-kind', 'sor');
    click('lesson-form-submit');
    expect(get('lesson-form').textContent).toContain('Ең жоғары балды');
    type('lesson-form-max', '15');
    type('lesson-form-topic', 'Бөлшектер');
    get('lesson-form-submit').click();
    await vi.waitFor(() => expect(get('badge-3').textContent).toBe('БЖБ 15'));
    expect(posted(api, '/api/v1/journal/lessons')).toEqual([
      {
        class_id: 'c5a',
        subject: 'mathematics',
        term_id: 'q2',
        date: '2025-11-19',
        period: 3,
        kind: 'sor',
        max_score: 15,
        topic: 'Бөлшектер',
        homework: null,
      },
    ]);

    click('column-2');
    await appears('lesson-dialog');
    expect(find('lesson-delete')).not.toBeNull();
    type('lesson-topic', 'Ондық бөлшектер');
    get('lesson-save').click();
    await vi.waitFor(() => expect(find('lesson-dialog')).toBeNull());
    expect(api.sent.find((s) => s.method === 'PATCH')?.body).toEqual({ topic: 'Ондық бөлшектер', homework: null });
  });

  it('keeps a read-only journal navigable but unchanged', async () => {
    const director = person('director');
    const api = await openJournal({ 'GET /api/v1/journal': { body: { ...journal, editable: false } } }, director);
    expect(get('journal-readonly')).toBeTruthy();
    expect(find('lesson-add')).toBeNull();
    press('8');
    press('Enter');
    expect(get('cell-0-2').dataset.value).toBe('');
    expect(focusedTestid()).toBe('cell-1-2');
    expect(get('journal-grid').getAttribute('aria-readonly')).toBe('true');
    expect(posted(api, '/api/v1/journal/marks')).toEqual([]);
  });

  it('takes attendance only, with no grade columns, in the first grade', async () => {
    const api = await openJournal({
      'GET /api/v1/journal': { body: { ...journal, class_id: 'c1b', class_name: '1Б', graded: false, marks: [], grades: [] } },
      'POST /api/v1/journal/marks': { body: { marks: [], lessons: [], grades: [] } },
    });
    expect(find('grade-0')).toBeNull();
    expect(get('journal-ungraded')).toBeTruthy();
    expect(find('journal-year')).toBeNull();
    press('8');
    expect(get('cell-0-2').dataset.value).toBe('');
    press('н');
    press('Enter');
    expect(get('cell-0-2').dataset.value).toBe('ж');
    await vi.waitFor(() => expect(posted(api, '/api/v1/journal/marks')).toHaveLength(1));
  });

  it('shows Russian letters in Russian and accepts the Kazakh ones', async () => {
    await openJournal({ 'POST /api/v1/journal/marks': { body: { marks: [], lessons: [], grades: journal.grades } } });
    click('lang-ru');
    expect(get('cell-1-0').dataset.value).toBe('н');
    press('к');
    press('Enter');
    expect(get('cell-0-2').dataset.value).toBe('оп');
    expect(get('grade-0-fo').parentElement?.textContent).toBeTruthy();
    expect(get('column-0').textContent).toContain('10.11');
  });

  it('writes a comment on a mark with F2, saved with the mark, and shows it under the grid', async () => {
    const api = await openJournal({
      'POST /api/v1/journal/marks': (sent) => ({
        body: { marks: (sent.body as { marks: object[] }).marks.map((m) => ({ ...m, conflicts: [] })), lessons: [], grades: journal.grades },
      }),
    });
    expect(document.querySelector('.help')?.textContent).toContain('F2 — түсініктеме');
    press('7');
    press('F2');
    await appears('comment-editor');
    expect(focusedTestid()).toBe('comment-input');
    expect(get('cell-0-2').dataset.value).toBe('7');
    expect(get('comment-editor').textContent).toContain('Әлиев Арман');
    type('comment-input', ' Тақтада жақсы жауап берді ');
    expect(get('comment-count').textContent).toBe('25 / 2\u00a0000');
    press('Enter');
    expect(find('comment-editor')).toBeNull();
    expect(focusedTestid()).toBe('cell-0-2');
    expect(get('cell-0-2').dataset.comment).toBe('true');
    expect(get('cell-0-2').title).toBe('Тақтада жақсы жауап берді');
    expect(get('cell-comment').textContent).toBe('Түсініктеме: Тақтада жақсы жауап берді');
    await vi.waitFor(() => expect(get('cell-0-2').dataset.state).toBeUndefined());
    // F2 committed the mark, which went at once; the comment followed with the cell's mark, trimmed.
    expect(posted(api, '/api/v1/journal/marks')).toEqual([
      {
        class_id: 'c5a',
        subject: 'mathematics',
        term_id: 'q2',
        marks: [{ lesson_id: 'l3', student_id: 's1', attendance: null, score: 7, comment: null }],
        taken: [],
      },
      {
        class_id: 'c5a',
        subject: 'mathematics',
        term_id: 'q2',
        marks: [{ lesson_id: 'l3', student_id: 's1', attendance: null, score: 7, comment: 'Тақтада жақсы жауап берді' }],
        taken: [],
      },
    ]);

    // An empty comment saved removes it, and the mark goes with it unchanged.
    press('F2');
    await appears('comment-editor');
    expect((get('comment-input') as HTMLTextAreaElement).value).toBe('Тақтада жақсы жауап берді');
    type('comment-input', '');
    click('comment-save');
    await vi.waitFor(() => expect(posted(api, '/api/v1/journal/marks')).toHaveLength(3));
    expect(posted(api, '/api/v1/journal/marks')[2]).toMatchObject({
      marks: [{ lesson_id: 'l3', student_id: 's1', attendance: null, score: 7, comment: '' }],
    });
    expect(get('cell-0-2').dataset.comment).toBeUndefined();
    expect(find('cell-comment')).toBeNull();
  });

  it('shows a kept comment, and Escape leaves it as it was', async () => {
    const api = await openJournal({});
    expect(get('cell-2-0').dataset.comment).toBe('true');
    expect(get('cell-1-0').dataset.comment).toBeUndefined();
    press('Home');
    press('ArrowDown');
    press('ArrowDown');
    expect(get('cell-comment').textContent).toContain('жақсы');
    press('F2');
    await appears('comment-editor');
    type('comment-input', 'басқа');
    press('Escape');
    expect(find('comment-editor')).toBeNull();
    expect(focusedTestid()).toBe('cell-2-0');
    expect(get('cell-comment').textContent).toContain('жақсы');
    expect(posted(api, '/api/v1/journal/marks')).toEqual([]);
  });

  it('refuses a comment longer than 2000 characters before asking the API', async () => {
    const api = await openJournal({});
    press('F2');
    await appears('comment-editor');
    type('comment-input', 'ы'.repeat(2001));
    // Numbers as Kazakhstan writes them: 2 001, with a no-break space.
    expect(get('comment-count').textContent?.replace(/\s/g, ' ')).toBe('2 001 / 2 000');
    expect(get('comment-count').classList.contains('over')).toBe(true);
    press('Enter');
    expect(get('comment-problem').textContent?.replace(/\s/g, ' ')).toBe('Түсініктеме 2 000 таңбадан аспауы керек.');
    expect(get('comment-input').getAttribute('aria-invalid')).toBe('true');
    expect(focusedTestid()).toBe('comment-input');
    expect(posted(api, '/api/v1/journal/marks')).toEqual([]);
  });

  it('writes no comment in a read-only journal, but shows them', async () => {
    await openJournal({ 'GET /api/v1/journal': { body: { ...journal, editable: false } } }, person('director'));
    press('F2');
    expect(find('comment-editor')).toBeNull();
    expect(document.querySelector('.help')?.textContent).not.toContain('F2');
    press('Home');
    press('ArrowDown');
    press('ArrowDown');
    expect(get('cell-comment').textContent).toContain('жақсы');
  });

  it('shows the quarter and year grades of the class in the register’s order, and goes back', async () => {
    const api = await openJournal({
      'GET /api/v1/journal/year-grades': {
        body: [
          { student_id: 's3', terms: [5, 4, 5, 5], year: 5 },
          { student_id: 's1', terms: [3, 4, null, null], year: null },
        ],
      },
    });
    expect(get('journal-year').getAttribute('aria-pressed')).toBe('false');
    click('journal-year');
    await appears('year-grades');
    expect(api.sent.some((s) => s.url === '/api/v1/journal/year-grades?class_id=c5a&subject=mathematics')).toBe(true);
    expect(get('journal-year').getAttribute('aria-pressed')).toBe('true');
    expect(find('journal-grid')).toBeNull();
    expect(find('lesson-add')).toBeNull();
    const rows = [...get('year-grades').querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(rows).toEqual(['Әлиев Арман', 'Бекова Дана', 'Жанұзақ Нұрлан']);
    expect([1, 2, 3, 4].map((q) => get(`year-0-q${q}`).textContent)).toEqual(['3', '4', '', '']);
    expect(get('year-0').textContent).toBe('');
    expect(get('year-1-q1').textContent).toBe('');
    expect([1, 2, 3, 4].map((q) => get(`year-2-q${q}`).textContent)).toEqual(['5', '4', '5', '5']);
    expect(get('year-2').textContent).toBe('5');
    expect(get('year-grades').textContent).toContain('1-тоқсан');

    click('lang-ru');
    expect(get('journal-year').textContent?.trim()).toBe('Год');
    expect(get('year-grades').textContent).toContain('Годовая');

    click('journal-year');
    await appears('journal-grid');
    expect(find('year-grades')).toBeNull();
    expect(get('lesson-add')).toBeTruthy();
  });
});
