// @vitest-environment happy-dom
// The kindergarten's register in a simulated DOM: groups with their places, a month of a group marked by
// keyboard in any layout, the totals, a day with everyone present, the next month, and the monthly sheet
// downloaded with the session's token.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appears, bodies, click, closeApp, find, focusedTestid, get, openApp, person, press } from '../test-app';
import type { Sent } from '../test-support';

const groups = [
  { id: 'g1', name: 'Балапан', norm_places: 20, enrolled: 20, free_places: 0, editable: true },
  { id: 'g2', name: 'Күншуақ', norm_places: 25, enrolled: 22, free_places: 3, editable: true },
];
const month = {
  group_id: 'g2',
  group_name: 'Күншуақ',
  month: '2025-11',
  norm_places: 25,
  enrolled: 22,
  free_places: 3,
  editable: true,
  days: ['2025-11-03', '2025-11-04', '2025-11-05'],
  children: [
    { id: 'c1', name: 'Асанова Айша', number: 1 },
    { id: 'c2', name: 'Бекұлы Нұрдәулет', number: 2 },
  ],
  cells: [{ date: '2025-11-04', child_id: 'c1', code: 'ill', conflicts: [] }],
  taken: ['2025-11-03', '2025-11-04'],
};

/** The API's answer to a save: the month with the sent cells in it and their days taken. */
function saved(sent: Sent) {
  const body = sent.body as { cells: { date: string; child_id: string; code: string | null }[]; taken: string[] };
  const cells = [...month.cells.filter((c) => !body.cells.some((s) => s.date === c.date && s.child_id === c.child_id))];
  for (const cell of body.cells) if (cell.code) cells.push({ ...cell, code: cell.code, conflicts: [] });
  return { body: { ...month, cells, taken: [...new Set([...month.taken, ...body.taken, ...body.cells.map((c) => c.date)])] } };
}

async function openRegister(hash = '#/attendance?group=g2&month=2025-11') {
  const api = await openApp(person('educator', 'kindergarten'), hash, {
    'GET /api/v1/attendance/groups': { body: groups },
    'GET /api/v1/attendance': (sent) => ({ body: { ...month, month: new URL(sent.url, 'http://x').searchParams.get('month') } }),
    'POST /api/v1/attendance': saved,
    'GET /api/v1/attendance/sheet': { body: { sheet: true } },
  });
  await appears('attendance-grid');
  await vi.waitFor(() => expect(focusedTestid()).toBe('cell-0-2'));
  return api;
}

afterEach(() => {
  closeApp();
  vi.restoreAllMocks();
});

describe('the kindergarten’s register', () => {
  it('lists the groups with their places and opens the group and month the hash names', async () => {
    const api = await openRegister();
    expect(get('nav-attendance').getAttribute('aria-current')).toBe('page');
    expect(get('group-g1').textContent).toContain('20/20');
    expect(get('group-g2').getAttribute('aria-pressed')).toBe('true');
    expect(get('group-g2').textContent).toContain('бос орын: 3');
    expect(get('month').textContent).toBe('қараша 2025');
    expect(api.sent.some((s) => s.url === '/api/v1/attendance?group_id=g2&month=2025-11')).toBe(true);
    expect(get('cell-0-1').dataset.value).toBe('а');
    expect(get('column-0').textContent).toContain('3');
    expect(get('column-0').textContent).toContain('дс');
    expect(get('column-0').textContent).toContain('✓');
    expect(get('total-0-ill').textContent?.trim()).toBe('1');
    expect(get('total-0-present').textContent?.trim()).toBe('1');
  });

  it('marks a child away by letter in any layout, and counts it', async () => {
    const api = await openRegister();
    press('д');
    press('Enter');
    press('v');
    press('Enter');
    expect(get('cell-0-2').dataset.value).toBe('д');
    expect(get('cell-1-2').dataset.value).toBe('д');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/attendance')).toHaveLength(1));
    expect(bodies(api, 'POST', '/api/v1/attendance')[0]).toEqual({
      group_id: 'g2',
      month: '2025-11',
      cells: [
        { date: '2025-11-05', child_id: 'c1', code: 'vacation' },
        { date: '2025-11-05', child_id: 'c2', code: 'vacation' },
      ],
      taken: [],
    });
    await vi.waitFor(() => expect(get('column-2').textContent).toContain('✓'));
    expect(get('total-0-vacation').textContent?.trim()).toBe('1');
    // A letter that means nothing here changes nothing.
    press('ArrowUp');
    press('к');
    expect(get('cell-0-2').dataset.value).toBe('д');
  });

  it('takes a day with everyone present', async () => {
    const api = await openRegister();
    click('all-present');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/attendance')).toHaveLength(1));
    expect(bodies(api, 'POST', '/api/v1/attendance')[0]).toMatchObject({ cells: [], taken: ['2025-11-05'] });
    await vi.waitFor(() => expect(get('total-1-present').textContent?.trim()).toBe('3'));
  });

  it('steps to the next month and keeps it in the hash', async () => {
    const api = await openRegister();
    click('month-next');
    await vi.waitFor(() => expect(api.sent.some((s) => s.url === '/api/v1/attendance?group_id=g2&month=2025-12')).toBe(true));
    expect(location.hash).toBe('#/attendance?group=g2&month=2025-12');
    expect(get('month').textContent).toBe('желтоқсан 2025');
  });

  it('downloads the monthly sheet with the session’s token, through a Blob URL', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:sheet');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue();
    const api = await openRegister();
    click('sheet-xlsx');
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    const request = api.sent.find((s) => s.url.startsWith('/api/v1/attendance/sheet'));
    expect(request?.url).toBe('/api/v1/attendance/sheet?group_id=g2&month=2025-11&format=xlsx');
    expect(request?.headers.Authorization).toBe('Bearer tok');
    expect(find('sheet-error')).toBeNull();
  });
});
