// @vitest-environment happy-dom
// The teaching load in a simulated DOM: the teachers' rows with their warnings, the totals, the hours nobody
// teaches, the problems in words, the tariff list's download, an empty year, the extra duties given and
// taken away (against a mocked POST), or merely listed for an older server, and who teaches what: a teacher
// assigned to hours nobody teaches, an assignment removed and its hours changed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssignmentSave, DutyChange, JournalClasses, LoadView, TeacherAssignment, TeacherDuty } from '../api';
import { appears, bodies, choose, click, closeApp, find, focusedTestid, get, openApp, person, press } from '../test-app';

const load: LoadView = {
  year: '2025-2026',
  counted_on: '2025-09-01',
  norm_hours_per_rate: 16,
  teachers: [
    {
      teacher_id: 't1',
      name: 'Әлиев Асқар',
      position: 'teacher',
      subjects: [
        { subject: 'mathematics', subject_name: 'Математика' },
        { subject: 'informatics', subject_name: 'Информатика' },
      ],
      weekly_hours: 27,
      yearly_hours: 918,
      rates: 1.69,
      warnings: [{ kind: 'overload', rates: 1.69, limit: 1.5 }],
    },
    {
      teacher_id: 't2',
      name: 'Бекова Дана',
      position: 'deputy_director',
      subjects: [{ subject: 'history', subject_name: 'Тарих' }],
      weekly_hours: 4.5,
      yearly_hours: 153,
      rates: 0.28,
      warnings: [{ kind: 'underload', rates: 0.28, limit: 0.5 }],
    },
    { teacher_id: 't3', name: 'Сейітова Гүл', position: null, subjects: [], weekly_hours: 18, yearly_hours: 612, rates: 1.13, warnings: [] },
  ],
  uncovered_hours: 4,
  uncovered: [
    { class_id: 'c9', class_name: '9А', subject: 'english', subject_name: 'Ағылшын тілі', group: 2, hours: 3 },
    { class_id: 'c9', class_name: '9А', subject: 'music', subject_name: 'Музыка', group: null, hours: 1 },
  ],
  problems: [{ kind: 'not_split', assignment_id: 'a1', teacher_id: 't1', class_id: 'c5', class_name: '5Б', subject: 'informatics' }],
};

async function openLoad(body: LoadView = load) {
  const api = await openApp(person('methodist'), '#/load', {
    'GET /api/v1/load': { body },
    'GET /api/v1/load?format=xlsx': { raw: 'xlsx' },
  });
  await appears('page-load');
  return api;
}

afterEach(closeApp);

describe('the teaching load', () => {
  it('lists each teacher with their hours, rates and warnings, and the totals', async () => {
    await openLoad();
    await appears('load-table');
    const over = get('load-row-t1');
    expect(over.dataset.warning).toBe('overload');
    expect(over.textContent).toContain('Математика, Информатика');
    expect(over.textContent).toContain('Мұғалім');
    expect(over.textContent).toContain('Артық жүктеме: 1,69 мөлшерлеме (шегі 1,5)');
    expect(get('load-row-t2').dataset.warning).toBe('underload');
    expect(get('load-row-t2').textContent).toContain('Директордың орынбасары');
    expect(get('load-row-t2').textContent).toContain('4,5');
    expect(get('load-row-t3').dataset.warning).toBeUndefined();
    expect(get('load-total-weekly').textContent).toBe('49,5');
    expect(get('load-total-yearly').textContent).toMatch(/^1\s683$/);
    expect(get('load-total-rates').textContent).toBe('3,1');
    expect(get('load-totals').textContent).toContain('3 педагог');
    expect(get('load-about').textContent).toContain('16 сағат');
  });

  it('shows the hours nobody teaches and the problems in words', async () => {
    await openLoad();
    await appears('load-uncovered');
    const rows = get('load-uncovered').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('2-топ');
    expect(rows[1]?.textContent).toContain('бүкіл сынып');
    expect(get('load-uncovered-total').textContent).toBe('4');
    expect(get('load-problems').textContent).toContain('5Б, Информатика (Әлиев Асқар): сынып бұл пән бойынша топтарға бөлінбейді.');
  });

  it('downloads the tariff list', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:load');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue();
    const saved = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = await openLoad();
    await appears('load-tariff-xlsx');
    click('load-tariff-xlsx');
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    expect(api.sent.some((s) => s.url === '/api/v1/load?format=xlsx')).toBe(true);
    expect(find('load-tariff-error')).toBeNull();
    saved.mockRestore();
  });

  it('says so when there is no load yet', async () => {
    await openLoad({ ...load, year: null, teachers: [], uncovered: [], uncovered_hours: 0, problems: [] });
    await appears('load-empty');
    expect(get('load-uncovered-none')).toBeTruthy();
    expect(find('load-problems')).toBeNull();
  });
});

describe('the extra duties', () => {
  const kinds = [
    { code: 'class_supervision', name: 'Сынып жетекшілігі', per_class: true },
    { code: 'classroom', name: 'Кабинет меңгерушілігі', per_class: false },
  ];
  const supervision: TeacherDuty = { duty: 'class_supervision', name: 'Сынып жетекшілігі', class_id: 'c5', class_name: '5Б', pay_percent: 15 };
  const journal: JournalClasses = {
    terms: [],
    current_term_id: null,
    classes: [
      { class_id: 'c5', name: '5Б', grade: 5, language: 'kk', graded: true, subjects: [] },
      { class_id: 'c9', name: '9А', grade: 9, language: 'kk', graded: true, subjects: [] },
    ],
  };
  const editable = (duties = [supervision]): LoadView => ({
    ...load,
    can_edit: true,
    duty_kinds: kinds,
    teachers: load.teachers.map((t) => ({ ...t, duties: t.teacher_id === 't1' ? duties : [] })),
  });

  async function openDuties(answer: (change: DutyChange) => { status?: number; body: unknown }) {
    const api = await openApp(person('deputy'), '#/load', {
      'GET /api/v1/load': { body: editable() },
      'GET /api/v1/journal/classes': { body: journal },
      'POST /api/v1/load/duties': (sent) => answer(sent.body as DutyChange),
    });
    await appears('load-duty-add-t1');
    return api;
  }

  it('are listed, without controls, for an older server that sends none of the new fields', async () => {
    const api = await openApp(person('methodist'), '#/load', { 'GET /api/v1/load': { body: load } });
    await appears('load-duties-t1');
    expect(get('load-duties-t1').textContent?.trim()).toBe('');
    expect(find('load-duty-add-t1')).toBeNull();
    expect(api.sent.some((s) => s.url === '/api/v1/journal/classes')).toBe(false);
  });

  it('are listed with their class and pay, and without controls for one who may not edit', async () => {
    await openApp(person('methodist'), '#/load', { 'GET /api/v1/load': { body: { ...editable(), can_edit: false } } });
    await appears('load-duties-t1');
    expect(get('load-duties-t1').textContent).toContain('Сынып жетекшілігі, 5Б');
    expect(get('load-duties-t1').textContent).toContain('+15 %');
    expect(find('load-duty-remove-t1-0')).toBeNull();
    expect(find('load-duty-add-t1')).toBeNull();
  });

  it('are given: a class asked for a per-class kind, then the POST, then the new view', async () => {
    const api = await openDuties((change) => ({
      body: editable([supervision, { ...supervision, class_id: change.class_id, class_name: '9А', pay_percent: null }]),
    }));
    click('load-duty-add-t1');
    expect(get('load-duty-add-t1').getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(focusedTestid()).toBe('load-duty-kind-t1'));
    expect(find('load-duty-class-t1')).not.toBeNull();
    choose('load-duty-kind-t1', 'classroom');
    expect(find('load-duty-class-t1')).toBeNull();
    choose('load-duty-kind-t1', 'class_supervision');
    // No class yet: said beside the control, nothing sent.
    click('load-duty-submit-t1');
    expect(get('load-duty-error-t1').textContent).toBe('Бұл міндет үшін сыныпты таңдаңыз.');
    expect(bodies(api, 'POST', '/api/v1/load/duties')).toEqual([]);
    await vi.waitFor(() => expect(get('load-duty-class-t1').querySelectorAll('option')).toHaveLength(3));
    choose('load-duty-class-t1', 'c9');
    click('load-duty-submit-t1');
    await vi.waitFor(() => expect(find('load-duty-form-t1')).toBeNull());
    expect(bodies(api, 'POST', '/api/v1/load/duties')).toEqual([{ teacher_id: 't1', duty: 'class_supervision', class_id: 'c9', on: true }]);
    expect(get('load-duties-t1').textContent).toContain('Сынып жетекшілігі, 9А');
    expect(find('load-duty-error-t1')).toBeNull();
    await vi.waitFor(() => expect(focusedTestid()).toBe('load-duty-add-t1'));
  });

  it('close on Escape, back to the Add button', async () => {
    await openDuties(() => ({ body: editable() }));
    click('load-duty-add-t2');
    await vi.waitFor(() => expect(focusedTestid()).toBe('load-duty-kind-t2'));
    press('Escape');
    await vi.waitFor(() => expect(focusedTestid()).toBe('load-duty-add-t2'));
    expect(find('load-duty-form-t2')).toBeNull();
    expect(get('load-duty-add-t2').getAttribute('aria-expanded')).toBe('false');
  });

  it('are taken away, and a refusal is shown beside them', async () => {
    let refuse = true;
    const api = await openDuties(() =>
      refuse ? { status: 403, body: { code: 'auth.forbidden', message: 'Рұқсат жоқ.' } } : { body: editable([]) },
    );
    click('load-duty-remove-t1-0');
    await appears('load-duty-error-t1');
    expect(get('load-duty-error-t1').textContent).not.toBe('');
    expect(get('load-duties-t1').textContent).toContain('5Б');
    refuse = false;
    click('load-duty-remove-t1-0');
    await vi.waitFor(() => expect(find('load-duty-remove-t1-0')).toBeNull());
    expect(find('load-duty-error-t1')).toBeNull();
    expect(bodies(api, 'POST', '/api/v1/load/duties')).toEqual([
      { teacher_id: 't1', duty: 'class_supervision', class_id: 'c5', on: false },
      { teacher_id: 't1', duty: 'class_supervision', class_id: 'c5', on: false },
    ]);
  });
});

describe('who teaches what', () => {
  const maths: TeacherAssignment = {
    id: 'a1',
    class_id: 'c5',
    class_name: '5А',
    subject: 'mathematics',
    subject_name: 'Математика',
    subgroup: null,
    hours: null,
    plan_hours: 5,
  };
  const informatics: TeacherAssignment = {
    id: 'a2',
    class_id: 'c5b',
    class_name: '5Б',
    subject: 'informatics',
    subject_name: 'Информатика',
    subgroup: 1,
    hours: 2,
    plan_hours: 1,
  };
  const staff = [
    { id: 't1', name: 'Әлиев Асқар' },
    { id: 't2', name: 'Бекова Дана' },
    { id: 't3', name: 'Сейітова Гүл' },
  ];
  const assigned = (assignments = [maths, informatics], over: Partial<LoadView> = {}): LoadView => ({
    ...load,
    can_edit: true,
    staff,
    teachers: load.teachers.map((t) => ({ ...t, assignments: t.teacher_id === 't1' ? assignments : [] })),
    ...over,
  });

  async function openAssignments(routes: Parameters<typeof openApp>[2], body: LoadView = assigned()) {
    const api = await openApp(person('deputy'), '#/load', {
      'GET /api/v1/load': { body },
      'GET /api/v1/journal/classes': { body: { terms: [], current_term_id: null, classes: [] } },
      ...routes,
    });
    await appears('load-subjects-t1');
    return api;
  }

  /** A field's new value, as a browser reports it when the field is left. */
  function changeTo(testid: string, value: string) {
    const input = get(testid) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('are listed with class, subgroup, subject and hours, without controls for one who may not edit', async () => {
    await openApp(person('methodist'), '#/load', { 'GET /api/v1/load': { body: { ...assigned(), can_edit: false } } });
    await appears('load-subjects-t1');
    expect(get('load-assignment-a1').textContent?.trim()).toBe('5А — Математика — 5 сағ.');
    expect(get('load-assignment-a2').textContent?.trim()).toBe('5Б, 1-топ — Информатика — 2 сағ. (жоспарда 1)');
    expect(find('load-assignment-remove-a1')).toBeNull();
    expect(find('load-assignment-hours-a1')).toBeNull();
    expect(find('load-assign-teacher-c9-english-2')).toBeNull();
    // A teacher with no assignments keeps the subjects by name.
    expect(get('load-subjects-t2').textContent?.trim()).toBe('Тарих');
  });

  it('assign a teacher to hours nobody teaches: the POST, then the new view', async () => {
    const covered = assigned(undefined, { uncovered: load.uncovered.slice(1), uncovered_hours: 1 });
    const api = await openAssignments({ 'POST /api/v1/load/assignments': () => ({ body: covered }) });
    await appears('load-assign-teacher-c9-english-2');
    const choices = [...get('load-assign-teacher-c9-english-2').querySelectorAll('option')].map((o) => o.textContent);
    expect(choices).toEqual(['— мұғалімді таңдаңыз —', 'Әлиев Асқар', 'Бекова Дана', 'Сейітова Гүл']);
    // No teacher yet: said beside the row, nothing sent.
    click('load-assign-c9-english-2');
    expect(get('load-assign-error-c9-english-2').textContent).toBe('Мұғалімді таңдаңыз.');
    choose('load-assign-teacher-c9-english-2', 't3');
    click('load-assign-c9-english-2');
    await vi.waitFor(() => expect(find('load-uncovered-c9-english-2')).toBeNull());
    expect(bodies(api, 'POST', '/api/v1/load/assignments')).toEqual([
      { teacher_id: 't3', class_id: 'c9', subject: 'english', subgroup: 2, hours: null },
    ]);
    expect(get('load-uncovered-total').textContent).toBe('1');
    expect(get('load-uncovered-c9-music-all')).toBeTruthy();
  });

  it('show a refusal beside the row, in the user’s language', async () => {
    await openAssignments({
      'POST /api/v1/load/assignments': {
        status: 422,
        body: { code: 'assignment.duplicate', message: 'This teacher is already assigned to this class and subject.' },
      },
    });
    choose('load-assign-teacher-c9-music-all', 't1');
    click('load-assign-c9-music-all');
    await appears('load-assign-error-c9-music-all');
    expect(get('load-assign-error-c9-music-all').textContent).toBe('Бұл мұғалім бұл сыныпқа бұл пәннен тағайындалған.');
    expect(get('load-uncovered-c9-music-all')).toBeTruthy();
  });

  it('are removed by their id', async () => {
    const api = await openAssignments({ 'DELETE /api/v1/load/assignments/a1': { body: assigned([informatics]) } });
    click('load-assignment-remove-a1');
    await vi.waitFor(() => expect(find('load-assignment-a1')).toBeNull());
    expect(api.sent.filter((s) => s.method === 'DELETE').map((s) => s.url)).toEqual(['/api/v1/load/assignments/a1']);
    expect(get('load-assignment-a2')).toBeTruthy();
    await vi.waitFor(() => expect(focusedTestid()).toBe('load-assignment-remove-a2'));
  });

  it('have their hours changed, and given back to the plan’s when emptied', async () => {
    let held = [maths, informatics];
    const api = await openAssignments({
      'POST /api/v1/load/assignments': (sent) => {
        const change = sent.body as AssignmentSave;
        held = held.map((a) => (a.id === change.id ? { ...a, hours: change.hours } : a));
        return { body: assigned(held) };
      },
    });
    expect((get('load-assignment-hours-a1') as HTMLInputElement).placeholder).toBe('5');
    expect((get('load-assignment-hours-a2') as HTMLInputElement).value).toBe('2');
    changeTo('load-assignment-hours-a1', '6');
    await vi.waitFor(() => expect((get('load-assignment-hours-a1') as HTMLInputElement).value).toBe('6'));
    await vi.waitFor(() => expect(get('load-assignment-a1').textContent).toContain('жоспарда 5'));
    changeTo('load-assignment-hours-a2', '');
    await vi.waitFor(() => expect(get('load-assignment-a2').textContent).not.toContain('жоспарда'));
    expect(bodies(api, 'POST', '/api/v1/load/assignments')).toEqual([
      { id: 'a1', teacher_id: 't1', class_id: 'c5', subject: 'mathematics', subgroup: null, hours: 6 },
      { id: 'a2', teacher_id: 't1', class_id: 'c5b', subject: 'informatics', subgroup: 1, hours: null },
    ]);
    // The same hours again: nothing to send.
    changeTo('load-assignment-hours-a1', '6');
    expect(bodies(api, 'POST', '/api/v1/load/assignments')).toHaveLength(2);
    expect(find('load-assignment-error-t1')).toBeNull();
  });
});
