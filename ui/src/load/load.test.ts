// @vitest-environment happy-dom
// The teaching load in a simulated DOM: the teachers' rows with their warnings, the totals, the hours nobody
// teaches, the problems in words, the tariff list's download, and an empty year.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadView } from '../api';
import { appears, click, closeApp, find, get, openApp, person } from '../test-app';

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
