// @vitest-environment happy-dom
// The curriculum in a simulated DOM: the grid with its marks and totals, a teacher who only reads it, and a
// methodist who edits a cell, gives one back to the standard plan, adds a subject and sets the split options
// (against a mocked POST whose answer replaces the page), a refusal shown beside the editor.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurriculumView, PlanCell, PlanHoursChange, SchoolPlan } from '../api';
import { appears, bodies, choose, click, closeApp, find, focusedTestid, get, openApp, person, press, type } from '../test-app';

const cell = (grade: number, hours: number, over: Partial<PlanCell> = {}): PlanCell => ({
  grade,
  hours,
  standard_hours: hours,
  part: 'invariant',
  splits: false,
  split: null,
  changed: false,
  ...over,
});

const kk: SchoolPlan = {
  language: 'kk',
  name: 'Қазақ тілінде оқытатын негізгі орта білім берудің үлгілік оқу жоспары',
  confidence: '[M] бұйрықтың қосымшасымен салыстырыңыз',
  grades: [
    { grade: 5, total: 29, max_weekly_hours: 29 },
    { grade: 6, total: 31, max_weekly_hours: 30 },
  ],
  subjects: [
    { subject: 'mathematics', subject_name: 'Математика', cells: [cell(5, 5), cell(6, 5)] },
    { subject: 'english', subject_name: 'Ағылшын тілі', cells: [cell(5, 3, { splits: true }), cell(6, 3, { splits: true })] },
    {
      subject: 'informatics',
      subject_name: 'Информатика',
      cells: [cell(5, 2, { standard_hours: 1, changed: true, part: 'variative' }), cell(6, 0)],
    },
  ],
};

const ru: SchoolPlan = {
  ...kk,
  language: 'ru',
  name: 'Орыс тілінде оқытатын негізгі орта білім берудің үлгілік оқу жоспары',
  grades: [
    { grade: 5, total: 29, max_weekly_hours: 29 },
    { grade: 6, total: 30, max_weekly_hours: 30 },
  ],
};

const curriculum: CurriculumView = {
  year: '2025-2026',
  source: 'ҚР БҒМ 2012 жылғы 8 қарашадағы № 500 бұйрығы',
  valid_from: '2025-09-01',
  plans: [kk],
  min_pupils: 24,
  min_pupils_small_school: 16,
  small_school: false,
  local_splits: false,
  catalogue: [
    { subject: 'mathematics', subject_name: 'Математика' },
    { subject: 'english', subject_name: 'Ағылшын тілі' },
    { subject: 'informatics', subject_name: 'Информатика' },
    { subject: 'music', subject_name: 'Музыка' },
  ],
  can_edit: true,
};

/** The curriculum with one cell of the kk plan replaced. */
function withCell(subject: string, changed: PlanCell, extra: Partial<SchoolPlan> = {}): CurriculumView {
  const rows = kk.subjects.some((s) => s.subject === subject)
    ? kk.subjects.map((s) => (s.subject === subject ? { ...s, cells: s.cells.map((c) => (c.grade === changed.grade ? changed : c)) } : s))
    : [...kk.subjects, { subject, subject_name: 'Музыка', cells: [cell(5, 0), cell(6, 0)].map((c) => (c.grade === changed.grade ? changed : c)) }];
  return { ...curriculum, plans: [{ ...kk, subjects: rows, ...extra }] };
}

async function openCurriculum(
  role: 'methodist' | 'teacher' = 'methodist',
  body: CurriculumView = curriculum,
  answer: (change: PlanHoursChange) => { status?: number; body: unknown } = () => ({ body: curriculum }),
) {
  const api = await openApp(person(role), '#/curriculum', {
    'GET /api/v1/curriculum': { body },
    'POST /api/v1/curriculum/hours': (sent) => answer(sent.body as PlanHoursChange),
    'POST /api/v1/curriculum/settings': (sent) => ({ body: { ...body, ...(sent.body as object) } }),
  });
  await appears('curriculum-grid-kk');
  return api;
}

const hoursShown = (key: string) => get(`curriculum-cell-${key}`).querySelector('.hours')?.textContent;

afterEach(closeApp);

describe('the curriculum', () => {
  it('is in the navigation after the load, and shows the plan with its act, marks and totals', async () => {
    await openCurriculum();
    expect(get('nav-curriculum').textContent).toBe('Оқу жоспары');
    expect(get('nav-curriculum').getAttribute('aria-current')).toBe('page');
    expect(get('curriculum-about').textContent).toContain('№ 500 бұйрығы');
    expect(get('curriculum-about').textContent).toContain('2025-2026 оқу жылы');
    expect(get('curriculum-plan-kk').querySelector('h2')?.textContent).toBe(kk.name);
    expect(get('curriculum-confidence-kk').textContent).toContain('[M]');
    expect(get('curriculum-grid-kk').querySelectorAll('tbody tr')).toHaveLength(3);
    expect(hoursShown('kk-mathematics-5')).toBe('5');
    expect(hoursShown('kk-informatics-6')).toBe('—');
    // The school's change: marked, with the standard's hours in its title.
    const changed = get('curriculum-cell-kk-informatics-5');
    expect(changed.dataset.changed).toBe('true');
    expect(changed.title).toContain('үлгілік жоспарда: 1 сағат');
    expect(changed.title).toContain('вариативтік бөлім');
    expect(changed.querySelector('.mark.variative')?.textContent).toBe('В');
    expect(get('curriculum-cell-kk-mathematics-5').dataset.changed).toBeUndefined();
    expect(get('curriculum-cell-kk-english-5').querySelector('.mark.splits')?.textContent).toBe('Т');
    expect(get('curriculum-cell-kk-mathematics-5').querySelector('.mark')).toBeNull();
  });

  it('marks a grade whose total is over the weekly maximum', async () => {
    await openCurriculum();
    const over = get('curriculum-total-kk-6');
    expect(over.dataset.over).toBe('true');
    expect(over.classList.contains('over')).toBe(true);
    expect(over.querySelector('[aria-hidden="true"]')?.textContent).toBe('31 / 30');
    expect(over.title).toContain('ең жоғары жүктемеден (30) асып кетті');
    const within = get('curriculum-total-kk-5');
    expect(within.dataset.over).toBeUndefined();
    expect(within.querySelector('[aria-hidden="true"]')?.textContent).toBe('29 / 29');
  });

  it('shows a plan per language of a school that teaches in both', async () => {
    await openCurriculum('methodist', { ...curriculum, plans: [kk, ru] });
    await appears('curriculum-grid-ru');
    expect(get('curriculum-plan-ru').querySelector('h2')?.textContent).toBe(ru.name);
    expect(get('curriculum-total-ru-6').dataset.over).toBeUndefined();
    expect(get('curriculum-total-kk-6').dataset.over).toBe('true');
  });

  it('is only read by a teacher: no editor, no adding, no settings to change', async () => {
    const api = await openCurriculum('teacher', { ...curriculum, can_edit: false });
    expect(get('curriculum-readonly')).toBeTruthy();
    expect(find('curriculum-edit-kk-mathematics-5')).toBeNull();
    get('curriculum-cell-kk-mathematics-5').click();
    expect(find('curriculum-editor')).toBeNull();
    expect(find('curriculum-add-form-kk')).toBeNull();
    expect((get('curriculum-small-school') as HTMLInputElement).disabled).toBe(true);
    // What a screen reader hears still says the change.
    expect(get('curriculum-cell-kk-informatics-5').textContent).toContain('үлгілік жоспарда: 1 сағат');
    expect(api.sent.filter((s) => s.method === 'POST')).toEqual([]);
  });
});

describe('a methodist editing the curriculum', () => {
  it('opens a cell, sends its new hours, part and split, and shows the answer', async () => {
    const api = await openCurriculum('methodist', curriculum, (change) => ({
      body: withCell('mathematics', cell(5, change.hours, { standard_hours: 5, changed: true, part: change.part, split: change.split })),
    }));
    click('curriculum-edit-kk-mathematics-5');
    await appears('curriculum-editor');
    expect(get('curriculum-edit-kk-mathematics-5').getAttribute('aria-expanded')).toBe('true');
    expect(get('curriculum-editor').textContent).toContain('Математика, 5-сынып');
    await vi.waitFor(() => expect(focusedTestid()).toBe('curriculum-hours'));
    expect((get('curriculum-hours') as HTMLInputElement).value).toBe('5');
    expect(find('curriculum-reset')).toBeNull();
    type('curriculum-hours', '4.5');
    choose('curriculum-part', 'variative');
    choose('curriculum-split', 'yes');
    click('curriculum-save');
    await vi.waitFor(() => expect(find('curriculum-editor')).toBeNull());
    expect(bodies(api, 'POST', '/api/v1/curriculum/hours')).toEqual([
      { language: 'kk', grade: 5, subject: 'mathematics', hours: 4.5, part: 'variative', split: true },
    ]);
    expect(hoursShown('kk-mathematics-5')).toBe('4,5');
    expect(get('curriculum-cell-kk-mathematics-5').dataset.changed).toBe('true');
    await vi.waitFor(() => expect(focusedTestid()).toBe('curriculum-edit-kk-mathematics-5'));
  });

  it('shows a refusal beside the editor, in the user’s language, and keeps it open', async () => {
    const api = await openCurriculum('methodist', curriculum, () => ({
      status: 422,
      body: { code: 'curriculum.hours_invalid', message: 'Hours are whole or half lessons a week, up to 10.', max: 10 },
    }));
    click('curriculum-edit-kk-english-6');
    await appears('curriculum-editor');
    type('curriculum-hours', '2.3');
    click('curriculum-save');
    await appears('curriculum-editor-error');
    expect(get('curriculum-editor-error').textContent).toBe('Сағаттар аптасына бүтін не жарты сабақпен, 10 сағатқа дейін беріледі.');
    expect(get('curriculum-editor')).toBeTruthy();
    expect(hoursShown('kk-english-6')).toBe('3');
    expect(bodies(api, 'POST', '/api/v1/curriculum/hours')).toHaveLength(1);
  });

  it('asks for the hours before sending anything', async () => {
    const api = await openCurriculum();
    click('curriculum-edit-kk-informatics-6');
    await appears('curriculum-editor');
    expect((get('curriculum-hours') as HTMLInputElement).value).toBe('');
    click('curriculum-save');
    expect(get('curriculum-editor-error').textContent).toBe('Сағат санын жазыңыз.');
    expect(bodies(api, 'POST', '/api/v1/curriculum/hours')).toEqual([]);
  });

  it('gives a changed cell back to the standard plan', async () => {
    const api = await openCurriculum('methodist', curriculum, () => ({
      body: withCell('informatics', cell(5, 1, { part: 'variative' })),
    }));
    click('curriculum-edit-kk-informatics-5');
    await appears('curriculum-editor');
    expect(get('curriculum-editor-standard').textContent).toBe('үлгілік жоспарда: 1 сағат');
    click('curriculum-reset');
    await vi.waitFor(() => expect(find('curriculum-editor')).toBeNull());
    expect(bodies(api, 'POST', '/api/v1/curriculum/hours')).toEqual([
      { language: 'kk', grade: 5, subject: 'informatics', hours: 1, part: 'variative', split: null, reset: true },
    ]);
    expect(get('curriculum-cell-kk-informatics-5').dataset.changed).toBeUndefined();
    expect(hoursShown('kk-informatics-5')).toBe('1');
  });

  it('closes the editor on Escape or Cancel, back to its cell, sending nothing', async () => {
    const api = await openCurriculum();
    click('curriculum-edit-kk-english-5');
    await vi.waitFor(() => expect(focusedTestid()).toBe('curriculum-hours'));
    press('Escape');
    await vi.waitFor(() => expect(focusedTestid()).toBe('curriculum-edit-kk-english-5'));
    expect(find('curriculum-editor')).toBeNull();
    click('curriculum-edit-kk-english-5');
    await appears('curriculum-cancel');
    click('curriculum-cancel');
    await vi.waitFor(() => expect(find('curriculum-editor')).toBeNull());
    expect(bodies(api, 'POST', '/api/v1/curriculum/hours')).toEqual([]);
  });

  it('adds a subject of the catalogue to a grade through the same editor', async () => {
    const api = await openCurriculum('methodist', curriculum, (change) => ({
      body: withCell('music', cell(6, change.hours, { standard_hours: 0, changed: true, part: change.part })),
    }));
    const options = [...get('curriculum-add-subject-kk').querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['', 'music']);
    click('curriculum-add-kk');
    expect(get('curriculum-add-error-kk').textContent).toBe('Қосылатын пәнді таңдаңыз.');
    choose('curriculum-add-subject-kk', 'music');
    choose('curriculum-add-grade-kk', '6');
    click('curriculum-add-kk');
    await appears('curriculum-editor');
    expect(get('curriculum-editor').textContent).toContain('Музыка, 6-сынып');
    expect((get('curriculum-part') as HTMLSelectElement).value).toBe('variative');
    type('curriculum-hours', '1');
    click('curriculum-save');
    await vi.waitFor(() => expect(find('curriculum-editor')).toBeNull());
    expect(bodies(api, 'POST', '/api/v1/curriculum/hours')).toEqual([
      { language: 'kk', grade: 6, subject: 'music', hours: 1, part: 'variative', split: null },
    ]);
    expect(hoursShown('kk-music-6')).toBe('1');
    await vi.waitFor(() => expect(focusedTestid()).toBe('curriculum-edit-kk-music-6'));
  });

  it('sets the split options of the year', async () => {
    const api = await openCurriculum();
    click('curriculum-small-school');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/curriculum/settings')).toHaveLength(1));
    await vi.waitFor(() => expect((get('curriculum-small-school') as HTMLInputElement).disabled).toBe(false));
    click('curriculum-local-splits');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/curriculum/settings')).toHaveLength(2));
    expect(bodies(api, 'POST', '/api/v1/curriculum/settings')).toEqual([
      { small_school: true, local_splits: false },
      { small_school: true, local_splits: true },
    ]);
    await vi.waitFor(() => expect((get('curriculum-local-splits') as HTMLInputElement).checked).toBe(true));
    expect((get('curriculum-small-school') as HTMLInputElement).checked).toBe(true);
  });
});
