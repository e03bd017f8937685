// @vitest-environment happy-dom
// Organised activities in a simulated DOM against a fake API: a methodist picks a group, reads its week with
// the norms and the warnings where they belong, adds and changes an activity (and sees a refusal), deletes
// one, copies the week and applies the standard one after confirming; an educator only reads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Activities, Activity, ActivitySave } from '../api';
import { appears, bodies, choose, click, closeApp, find, get, openApp, person, type } from '../test-app';
import type { Answer, Sent } from '../test-support';

const activity = (id: string, day: number, starts: string, over: Partial<Activity> = {}): Activity => ({
  id,
  group_id: 'g1',
  day,
  starts,
  minutes: 15,
  activity: 'speech',
  activity_name: 'Сөйлеуді дамыту',
  educator_id: 'p1',
  room_id: null,
  ...over,
});

const view = (over: Partial<Activities> = {}): Activities => ({
  year: '2025-2026',
  days: [1, 2, 3, 4, 5],
  groups: [
    { group_id: 'g1', name: 'Балапан', age_from: 3, age_to: 4, norm_places: 20, enrolled: 18, free_places: 2 },
    { group_id: 'g2', name: 'Қарлығаш', age_from: 3, age_to: 4, norm_places: 20, enrolled: 20, free_places: 0 },
    { group_id: 'g3', name: 'Күншуақ', age_from: 5, age_to: 6, norm_places: 25, enrolled: 22, free_places: 3 },
  ],
  catalogue: [
    { code: 'speech', name: 'Сөйлеуді дамыту' },
    { code: 'music', name: 'Музыка' },
    { code: 'pe', name: 'Дене шынықтыру' },
  ],
  rooms: [{ room_id: 'hall', name: 'Музыка залы', kind: 'hall' }],
  educators: [{ person_id: 'p1', name: 'Омарова Айжан' }],
  activities: [
    activity('a2', 1, '09:30', { activity: 'music', activity_name: 'Музыка', minutes: 25, room_id: 'hall' }),
    activity('a1', 1, '09:00'),
    activity('a3', 2, '09:00', { activity: 'pe', activity_name: 'Дене шынықтыру' }),
    activity('b1', 1, '09:00', { group_id: 'g3' }),
  ],
  norms: [{ age_from: 3, age_to: 4, min_minutes: 10, max_minutes: 15, max_per_day: 2, max_per_week: 11, min_break_minutes: 10 }],
  violations: [
    { code: 'schedule.too_long', group_id: 'g1', day: 1, activity_ids: ['a2'], message: '3–4 жастағы балаларға бір іс-әрекет 15 минуттан аспауы керек.' },
    { code: 'schedule.too_few', group_id: 'g1', day: null, activity_ids: [], message: 'Аптасына кемінде 10 іс-әрекет болуы керек.' },
    { code: 'schedule.too_long', group_id: 'g3', day: 1, activity_ids: ['b1'], message: 'Басқа топ.' },
  ],
  can_edit: true,
  ...over,
});

/** The API's answer to a save: the activity added (new id) or changed, and no more warnings. */
function saved(sent: Sent): Answer {
  const body = sent.body as ActivitySave;
  const before = view();
  const names = Object.fromEntries(before.catalogue.map((c) => [c.code, c.name]));
  const next = { ...body, id: body.id ?? 'new', activity_name: names[body.activity] ?? '' } as Activity;
  const activities = body.id ? before.activities.map((a) => (a.id === body.id ? next : a)) : [...before.activities, next];
  return { body: { ...before, activities, violations: [] } };
}

async function openActivities(routes: Record<string, Answer | ((sent: Sent) => Answer)> = {}, who = person('methodist', 'kindergarten'), hash = '#/activities') {
  const api = await openApp(who, hash, {
    'GET /api/v1/activities': { body: view() },
    'POST /api/v1/activities': saved,
    ...routes,
  });
  await appears('act-week');
  return api;
}

afterEach(closeApp);

describe('a group’s week', () => {
  it('shows the groups with their places, the first group’s week in time order, its norm and warnings', async () => {
    await openActivities();
    expect(get('act-group-g1').getAttribute('aria-pressed')).toBe('true');
    expect(get('act-group-g1').textContent).toContain('18/20');
    expect(get('act-group-g1').textContent).toContain('Норма бұзылды: 2');
    expect(get('act-group-g2').textContent).not.toContain('Норма');
    expect(get('act-places').textContent).toBe('Нормативтік орын: 20, қабылданған: 18, бос орын: 2');
    expect(get('act-age').textContent).toBe('Жасы: 3–4');
    expect(get('act-norm').textContent).toContain('10–15 мин');
    const monday = get('act-day-1');
    expect(monday.textContent).toContain('Дүйсенбі');
    const cards = [...monday.querySelectorAll('[data-testid^="act-card-"]:not([data-testid$="-warning"])')].map((c) => c.getAttribute('data-testid'));
    expect(cards).toEqual(['act-card-a1', 'act-card-a2']);
    expect(get('act-card-a2').textContent).toContain('09:30–09:55');
    expect(get('act-card-a2').textContent).toContain('25 мин');
    expect(get('act-card-a2').textContent).toContain('Музыка залы');
    // The norm broken by the music lesson is said beside it; the week's one above the week.
    expect(get('act-card-a2').dataset.warning).toBe('true');
    expect(get('act-card-a2-warning').textContent).toContain('15 минуттан аспауы керек');
    expect(get('act-card-a1').dataset.warning).toBeUndefined();
    expect(get('act-week-warnings').textContent).toContain('кемінде 10');
    expect(get('act-week').textContent).not.toContain('Басқа топ.');
    expect(location.hash).toBe('#/activities?group=g1');
  });

  it('switches to another group and keeps it in the hash', async () => {
    await openActivities();
    click('act-group-g3');
    expect(get('act-card-b1')).toBeTruthy();
    expect(find('act-card-a1')).toBeNull();
    expect(get('act-norm').textContent).toContain('жазылмаған');
    expect(get('act-card-b1-warning').textContent).toBe('Басқа топ.');
    await vi.waitFor(() => expect(location.hash).toBe('#/activities?group=g3'));
  });

  it('opens the group the hash names', async () => {
    await openActivities({}, person('methodist', 'kindergarten'), '#/activities?group=g2');
    expect(get('act-group-g2').getAttribute('aria-pressed')).toBe('true');
    expect(get('act-violations-none')).toBeTruthy();
  });
});

describe('changing the week', () => {
  it('adds an activity to a day after its last one', async () => {
    const api = await openActivities();
    click('act-add-2');
    await appears('act-form');
    expect((get('act-form-day') as HTMLSelectElement).value).toBe('2');
    expect((get('act-form-starts') as HTMLInputElement).value).toBe('09:25');
    choose('act-form-activity', 'music');
    choose('act-form-room', 'hall');
    type('act-form-minutes', '15');
    click('act-form-submit');
    await vi.waitFor(() => expect(find('act-form')).toBeNull());
    expect(bodies(api, 'POST', '/api/v1/activities')).toEqual([
      { group_id: 'g1', day: 2, starts: '09:25', minutes: 15, activity: 'music', educator_id: null, room_id: 'hall' },
    ]);
    expect(get('act-day-2').textContent).toContain('Музыка');
    expect(get('act-violations-none')).toBeTruthy();
  });

  it('checks the form before asking, and shows the API’s refusal in its words', async () => {
    const api = await openActivities({
      'POST /api/v1/activities': { status: 422, body: { code: 'schedule.activity_overlap', message: 'from the server' } },
    });
    click('act-card-a1');
    await appears('act-form');
    type('act-form-minutes', '0');
    click('act-form-submit');
    expect(get('act-form').textContent).toContain('5…60');
    expect(bodies(api, 'POST', '/api/v1/activities')).toEqual([]);
    type('act-form-minutes', '15');
    type('act-form-starts', '09:40');
    click('act-form-submit');
    await appears('act-form-error');
    expect(get('act-form-error').textContent).toBe('Топтың бұл уақытта басқа сабағы бар.');
    expect(bodies(api, 'POST', '/api/v1/activities')[0]).toMatchObject({ id: 'a1', starts: '09:40', educator_id: 'p1' });
  });

  it('deletes an activity after a second click', async () => {
    const api = await openActivities({
      'DELETE /api/v1/activities/a2': { body: { ...view(), activities: view().activities.filter((a) => a.id !== 'a2'), violations: [] } },
    });
    click('act-card-a2');
    await appears('act-form');
    click('act-form-delete');
    expect(get('act-delete-question')).toBeTruthy();
    expect(api.sent.filter((s) => s.method === 'DELETE')).toEqual([]);
    click('act-form-delete');
    await vi.waitFor(() => expect(find('act-card-a2')).toBeNull());
    expect(api.sent.filter((s) => s.method === 'DELETE').map((s) => s.url)).toEqual(['/api/v1/activities/a2']);
  });

  it('copies the week to the groups ticked, after confirming', async () => {
    const api = await openActivities({ 'POST /api/v1/activities/copy': { body: view() } });
    click('act-copy');
    await appears('act-copy-dialog');
    // The group of the same age is ticked already; another is added.
    expect((get('act-copy-g2') as HTMLInputElement).checked).toBe(true);
    expect(find('act-copy-g1')).toBeNull();
    click('act-copy-g3');
    click('act-copy-confirm');
    await appears('act-notice');
    expect(bodies(api, 'POST', '/api/v1/activities/copy')).toEqual([{ from_group_id: 'g1', to_group_ids: ['g2', 'g3'] }]);
    expect(get('act-notice').textContent).toContain('2 топқа');
    expect(find('act-copy-dialog')).toBeNull();
  });

  it('asks for a group to copy to, and cancels without asking the API', async () => {
    const api = await openActivities();
    click('act-copy');
    await appears('act-copy-dialog');
    click('act-copy-g2');
    click('act-copy-confirm');
    expect(get('act-copy-dialog').textContent).toContain('Кемінде бір топты белгілеңіз.');
    click('act-copy-cancel');
    expect(find('act-copy-dialog')).toBeNull();
    expect(bodies(api, 'POST', '/api/v1/activities/copy')).toEqual([]);
  });

  it('applies the standard week to the groups of the age, after naming them', async () => {
    const api = await openActivities({ 'POST /api/v1/activities/template': { body: view() } });
    click('act-template');
    await appears('act-template-dialog');
    expect(get('act-template-dialog').textContent).toContain('Балапан, Қарлығаш');
    expect(get('act-template-dialog').textContent).not.toContain('Күншуақ');
    click('act-template-confirm');
    await appears('act-notice');
    expect(bodies(api, 'POST', '/api/v1/activities/template')).toEqual([{ age_from: 3 }]);
  });
});

describe('an educator', () => {
  it('reads the week and can change nothing', async () => {
    await openActivities({ 'GET /api/v1/activities': { body: view({ can_edit: false }) } }, person('educator', 'kindergarten'));
    expect(get('act-readonly')).toBeTruthy();
    expect(find('act-add')).toBeNull();
    expect(find('act-add-1')).toBeNull();
    expect(find('act-copy')).toBeNull();
    expect(get('act-card-a1').tagName).toBe('DIV');
    click('act-card-a1');
    expect(find('act-form')).toBeNull();
  });
});
