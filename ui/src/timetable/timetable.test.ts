// @vitest-environment happy-dom
// The timetable in a simulated DOM against a fake API, driven as a deputy drives it: a class's week with its
// marks; a lesson moved by keyboard with the target checked first; a clash shown in red and not sent; a
// refusal of the API; an unplaced lesson carried in; pinning; the views by teacher; the generator watched and
// stopped; the download; and a teacher who only reads.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GenerationStatus, Timetable, TimetableLesson, TimetableMove } from '../api';
import { appears, bodies, choose, click, closeApp, find, focusedTestid, get, openApp, person, press, type } from '../test-app';
import type { Answer, Sent } from '../test-support';

const lesson = (id: string, over: Partial<TimetableLesson> = {}): TimetableLesson => ({
  id,
  class_id: 'c5a',
  subject: 'mathematics',
  subject_name: 'Математика',
  subgroup: null,
  teacher_id: 't1',
  day: 1,
  period: 1,
  room_id: 'r1',
  pinned: false,
  ...over,
});

const view = (over: Partial<Timetable> = {}): Timetable => ({
  year: '2025-2026',
  days: [1, 2, 3, 4, 5],
  periods: [
    { period: 1, starts: '08:30', ends: '09:15' },
    { period: 2, starts: '09:25', ends: '10:10' },
    { period: 3, starts: '10:30', ends: '11:15' },
  ],
  classes: [
    { class_id: 'c5a', name: '5А', grade: 5 },
    { class_id: 'c6b', name: '6Б', grade: 6 },
  ],
  teachers: [
    { teacher_id: 't1', name: 'Серікова Әйгерім' },
    { teacher_id: 't2', name: 'Ахметов Нұрлан' },
  ],
  rooms: [{ room_id: 'r1', name: '101', kind: 'ordinary' }],
  lessons: [
    lesson('m1'),
    lesson('k1', { subject: 'kazakh', subject_name: 'Қазақ тілі', teacher_id: 't2', period: 2, pinned: true }),
    lesson('e1', { subject: 'english', subject_name: 'Ағылшын тілі', subgroup: 1, teacher_id: 't2', day: 2, period: 2, room_id: null }),
    lesson('b1', { class_id: 'c6b', day: 3, period: 1 }),
  ],
  unplaced: [{ class_id: 'c5a', subject: 'music', subject_name: 'Музыка', subgroup: null, teacher_id: 't2', count: 2 }],
  violations: [
    { code: 'timetable.class_gap', hard: false, message: '5А сыныбында терезе бар.', lesson_ids: ['e1'] },
    { code: 'timetable.room_clash', hard: true, message: '6Б мен 5А бір кабинетте.', lesson_ids: ['b1', 'm1'] },
  ],
  soft_score: 12.5,
  can_edit: true,
  days_off: [],
  ...over,
});

const idle: GenerationStatus = { running: false, phase: null, elapsed_ms: 0, steps: 0, hard: 0, soft: 0, finished: null };

/** The API's answer to a move: the lesson (or the unplaced one) at its new place, pinned. */
function moved(sent: Sent): Answer {
  const move = sent.body as TimetableMove;
  const before = view();
  if ('lesson_id' in move) {
    const lessons = before.lessons.map((l) => (l.id === move.lesson_id ? { ...l, day: move.day, period: move.period, pinned: true } : l));
    return { body: { ...before, lessons, violations: [] } };
  }
  const placed = lesson('new', { ...move, subject_name: 'Музыка', teacher_id: 't2', pinned: true });
  return { body: { ...before, lessons: [...before.lessons, placed], unplaced: [], violations: [] } };
}

/** A clash at Wednesday's first period (6Б's math teacher is there), a gap wish at Friday's. */
function check(sent: Sent): Answer {
  const { day, period } = sent.body as TimetableMove;
  if (day === 3 && period === 1) {
    return { body: { violations: [{ code: 'timetable.teacher_clash', hard: true, message: 'Серікова Ә. бұл уақытта 6Б сыныбында.', lesson_ids: ['b1'] }] } };
  }
  if (day === 5) return { body: { violations: [{ code: 'timetable.teacher_gap', hard: false, message: 'Мұғалімге терезе.', lesson_ids: [] }] } };
  return { body: { violations: [] } };
}

async function openTimetable(
  routes: Record<string, Answer | ((sent: Sent) => Answer)> = {},
  { who = person('deputy'), hash = '#/timetable', ready = 'tt-lesson-m1' } = {},
) {
  const api = await openApp(who, hash, {
    'GET /api/v1/timetable': { body: view() },
    'GET /api/v1/timetable/generate': { body: idle },
    'POST /api/v1/timetable/check': check,
    'POST /api/v1/timetable/move': moved,
    ...routes,
  });
  await appears(ready);
  return api;
}

function focus(testid: string) {
  get(testid).focus();
  flushSync();
}

const checked = (api: { sent: Sent[] }) => bodies(api, 'POST', '/api/v1/timetable/check');

afterEach(closeApp);

describe('the week of a class', () => {
  it('shows the bells, the days in words, the cards and what is broken', async () => {
    await openTimetable();
    const grid = get('tt-grid');
    expect(grid.querySelector('thead')?.textContent).toContain('Дүйсенбі');
    expect(grid.querySelector('thead')?.textContent).toContain('Жұма');
    expect(grid.querySelector('tbody th')?.textContent).toContain('08:30–09:15');
    expect(get('tt-cell-1-1').textContent).toContain('Математика');
    expect(get('tt-cell-1-1').textContent).toContain('Серікова Ә.');
    expect(get('tt-lesson-e1').textContent).toContain('1-топ');
    expect(get('tt-lesson-k1').dataset.pinned).toBe('true');
    expect(get('tt-lesson-m1').dataset.pinned).toBeUndefined();
    // 6Б's lesson is not 5А's.
    expect(find('tt-lesson-b1')).toBeNull();
    // The clash marks its lesson and cell red, the gap amber.
    expect(get('tt-lesson-m1').dataset.level).toBe('hard');
    expect(get('tt-cell-1-1').dataset.level).toBe('hard');
    expect(get('tt-cell-2-2').dataset.level).toBe('soft');
    expect(get('tt-cell-3-3').dataset.level).toBeUndefined();
    // The list says them in words, hard first.
    expect(get('tt-violation-0').dataset.level).toBe('hard');
    expect(get('tt-violation-0').textContent).toContain('6Б мен 5А бір кабинетте.');
    expect(get('tt-violation-1').textContent).toContain('терезе');
    expect(get('tt-soft-score').textContent).toContain('12,5');
    expect(get('tt-unplaced-0').textContent).toContain('Музыка');
    expect(get('tt-unplaced-total').textContent).toBe('2');
    expect(location.hash).toBe('#/timetable?by=class&id=c5a');
  });

  it('walks the cards with the arrows', async () => {
    await openTimetable();
    focus('tt-lesson-m1');
    press('ArrowDown');
    expect(focusedTestid()).toBe('tt-lesson-k1');
    press('ArrowRight');
    expect(focusedTestid()).toBe('tt-lesson-e1');
    press('ArrowDown');
    expect(focusedTestid()).toBe('tt-cell-2-3');
  });
});

describe('moving by keyboard', () => {
  it('checks the target once it rests, then moves the lesson there with Enter', async () => {
    const api = await openTimetable();
    focus('tt-lesson-m1');
    press(' ');
    expect(get('tt-lesson-m1').getAttribute('aria-pressed')).toBe('true');
    press('ArrowRight');
    press('ArrowDown');
    expect(focusedTestid()).toBe('tt-cell-2-2');
    await vi.waitFor(() => expect(get('tt-cell-2-2').dataset.drop).toBe('ok'));
    // Only the cell it rested on was asked about.
    expect(checked(api)).toEqual([{ lesson_id: 'm1', day: 2, period: 2 }]);
    expect(get('tt-drop-status').textContent).toContain('Сейсенбі, 2-сабақ');
    press('Enter');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/timetable/move')).toEqual([{ lesson_id: 'm1', day: 2, period: 2 }]));
    await vi.waitFor(() => expect(get('tt-cell-2-2').contains(get('tt-lesson-m1'))).toBe(true));
    expect(get('tt-lesson-m1').dataset.pinned).toBe('true');
    expect(focusedTestid()).toBe('tt-lesson-m1');
    expect(get('tt-drop-status').textContent).toContain('Ауыстырылды');
    expect(get('tt-violations-none')).toBeTruthy();
  });

  it('shows a clash in red with its rule, and does not send a drop there', async () => {
    const api = await openTimetable();
    focus('tt-lesson-m1');
    press('Enter');
    press('ArrowRight');
    press('ArrowRight');
    await vi.waitFor(() => expect(get('tt-cell-3-1').dataset.drop).toBe('hard'));
    expect(get('tt-drop-status').dataset.drop).toBe('hard');
    expect(get('tt-drop-status').textContent).toContain('Серікова Ә. бұл уақытта 6Б сыныбында.');
    press('Enter');
    expect(get('tt-move-error').textContent).toContain('Болмайды: Серікова Ә. бұл уақытта 6Б сыныбында.');
    expect(bodies(api, 'POST', '/api/v1/timetable/move')).toEqual([]);
    // Still carried: Escape puts it back where it was.
    press('Escape');
    expect(focusedTestid()).toBe('tt-lesson-m1');
    expect(find('tt-move-error')).toBeNull();
    expect(get('tt-cell-1-1').contains(get('tt-lesson-m1'))).toBe(true);
  });

  it('puts the lesson back when the focus leaves for another control', async () => {
    await openTimetable();
    focus('tt-lesson-m1');
    press('Enter');
    press('ArrowRight');
    expect(get('tt-cell-2-1').dataset.drop).toBeDefined();
    focus('tt-by-teacher');
    expect(get('tt-lesson-m1').getAttribute('aria-pressed')).toBeNull();
    expect(document.querySelector('[data-drop]')).toBeNull();
  });

  it('marks a target that breaks only a wish in amber and moves there', async () => {
    const api = await openTimetable();
    focus('tt-lesson-m1');
    press('Enter');
    press('End');
    await vi.waitFor(() => expect(get('tt-cell-5-1').dataset.drop).toBe('soft'));
    expect(get('tt-drop-status').textContent).toContain('Мұғалімге терезе.');
    press('Enter');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/timetable/move')).toHaveLength(1));
  });

  it('shows the API’s refusal in its words, and keeps the lesson picked up', async () => {
    const api = await openTimetable({
      'POST /api/v1/timetable/move': { status: 422, body: { code: 'timetable.room_clash', message: '101 кабинеті бос емес.' } },
    });
    focus('tt-lesson-m1');
    press('Enter');
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    await appears('tt-move-error');
    expect(get('tt-move-error').textContent).toBe('101 кабинеті бос емес.');
    expect(bodies(api, 'POST', '/api/v1/timetable/move')).toEqual([{ lesson_id: 'm1', day: 1, period: 3 }]);
    expect(get('tt-lesson-m1').getAttribute('aria-pressed')).toBe('true');
    press('ArrowRight');
    expect(find('tt-move-error')).toBeNull();
  });

  it('carries an unplaced lesson into the grid by keyboard', async () => {
    const api = await openTimetable();
    focus('tt-unplaced-0');
    press('Enter');
    expect(focusedTestid()).toBe('tt-cell-1-1');
    press('ArrowRight');
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    await vi.waitFor(() =>
      expect(bodies(api, 'POST', '/api/v1/timetable/move')).toEqual([{ class_id: 'c5a', subject: 'music', subgroup: null, day: 2, period: 3 }]),
    );
    await vi.waitFor(() => expect(focusedTestid()).toBe('tt-lesson-new'));
    expect(get('tt-unplaced-total').textContent).toBe('0');
  });

  it('pins and unpins the selected lesson', async () => {
    const api = await openTimetable({
      'POST /api/v1/timetable/pin': (sent) => {
        const { lesson_id, pinned } = sent.body as { lesson_id: string; pinned: boolean };
        const before = view();
        return { body: { ...before, lessons: before.lessons.map((l) => (l.id === lesson_id ? { ...l, pinned } : l)) } };
      },
    });
    focus('tt-lesson-k1');
    expect(get('tt-pin').textContent?.trim()).toBe('Бекітуді алу');
    click('tt-pin');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/timetable/pin')).toEqual([{ lesson_id: 'k1', pinned: false }]));
    await vi.waitFor(() => expect(get('tt-lesson-k1').dataset.pinned).toBeUndefined());
    focus('tt-lesson-m1');
    press('p', { code: 'KeyP' });
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/timetable/pin')).toHaveLength(2));
    expect(bodies(api, 'POST', '/api/v1/timetable/pin')[1]).toEqual({ lesson_id: 'm1', pinned: true });
  });
});

describe('moving with the mouse', () => {
  /** A drag event as the browser sends it; happy-dom's carry no dataTransfer, which the grid does without. */
  function drag(type: string, testid: string): Event {
    const event = new Event(type, { bubbles: true, cancelable: true });
    get(testid).dispatchEvent(event);
    flushSync();
    return event;
  }

  it('drags a lesson over cells, asks about the one it rests on, and drops it there', async () => {
    const api = await openTimetable();
    drag('dragstart', 'tt-lesson-m1');
    drag('dragover', 'tt-cell-4-1');
    const over = drag('dragover', 'tt-cell-4-3');
    // Not known yet: the drop is allowed, and the API will say.
    expect(over.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(get('tt-cell-4-3').dataset.drop).toBe('ok'));
    expect(checked(api)).toEqual([{ lesson_id: 'm1', day: 4, period: 3 }]);
    drag('drop', 'tt-cell-4-3');
    drag('dragend', 'tt-lesson-m1');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/timetable/move')).toEqual([{ lesson_id: 'm1', day: 4, period: 3 }]));
    await vi.waitFor(() => expect(get('tt-cell-4-3').contains(get('tt-lesson-m1'))).toBe(true));
  });

  it('refuses the drop on a cell known to clash, and puts the lesson back when let go elsewhere', async () => {
    const api = await openTimetable();
    drag('dragstart', 'tt-lesson-m1');
    drag('dragover', 'tt-cell-3-1');
    await vi.waitFor(() => expect(get('tt-cell-3-1').dataset.drop).toBe('hard'));
    expect(drag('dragover', 'tt-cell-3-1').defaultPrevented).toBe(false);
    drag('dragend', 'tt-lesson-m1');
    expect(get('tt-lesson-m1').getAttribute('aria-pressed')).toBeNull();
    expect(get('tt-cell-3-1').dataset.drop).toBeUndefined();
    expect(bodies(api, 'POST', '/api/v1/timetable/move')).toEqual([]);
  });

  it('drags an unplaced lesson in', async () => {
    const api = await openTimetable();
    drag('dragstart', 'tt-unplaced-0');
    drag('dragover', 'tt-cell-5-3');
    drag('drop', 'tt-cell-5-3');
    drag('dragend', 'tt-unplaced-0');
    await vi.waitFor(() =>
      expect(bodies(api, 'POST', '/api/v1/timetable/move')).toEqual([{ class_id: 'c5a', subject: 'music', subgroup: null, day: 5, period: 3 }]),
    );
  });
});

describe('views', () => {
  it('opens the selected lesson’s teacher, and keeps the view in the hash', async () => {
    await openTimetable();
    focus('tt-lesson-k1');
    click('tt-by-teacher');
    expect((get('tt-entity') as HTMLSelectElement).value).toBe('t2');
    expect(get('tt-by-teacher').getAttribute('aria-pressed')).toBe('true');
    expect(get('tt-cell-1-2').textContent).toContain('5А');
    expect(find('tt-lesson-m1')).toBeNull();
    await vi.waitFor(() => expect(location.hash).toBe('#/timetable?by=teacher&id=t2'));
    choose('tt-entity', 't1');
    expect(find('tt-lesson-m1')).toBeTruthy();
    expect(find('tt-lesson-b1')).toBeTruthy();
  });

  it('opens a view from the hash, and shows a violation’s lesson from the list', async () => {
    await openTimetable({}, { hash: '#/timetable?by=class&id=c6b', ready: 'tt-lesson-b1' });
    expect(find('tt-lesson-m1')).toBeNull();
    click('tt-violation-1-show');
    await vi.waitFor(() => expect(focusedTestid()).toBe('tt-lesson-e1'));
    expect((get('tt-entity') as HTMLSelectElement).value).toBe('c5a');
  });

  it('asks again in another language, for the names and the rules’ messages', async () => {
    const api = await openTimetable();
    click('lang-ru');
    await vi.waitFor(() => expect(api.sent.filter((s) => s.url === '/api/v1/timetable')).toHaveLength(2));
    expect(api.sent.filter((s) => s.url === '/api/v1/timetable').map((s) => s.headers['Accept-Language'])).toEqual(['kk', 'ru']);
    await appears('tt-lesson-m1');
    expect(get('tt-grid').querySelector('thead')?.textContent).toContain('Понедельник');
  });

  it('downloads the timetable of the chosen view', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:tt');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue();
    // happy-dom would follow the link to blob:tt and leave the page.
    const saved = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = await openTimetable({ 'GET /api/v1/timetable/export': { raw: 'bytes' } });
    click('tt-by-room');
    click('tt-export-pdf');
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    expect(api.sent.find((s) => s.url.startsWith('/api/v1/timetable/export'))?.url).toBe('/api/v1/timetable/export?format=pdf&by=room');
    expect(saved).toHaveBeenCalled();
    saved.mockRestore();
  });
});

describe('the generator', () => {
  it('asks for the seconds, shows its progress, stops, and reloads what it kept', async () => {
    let polls = 0;
    let stopped = false;
    const running = (over: Partial<GenerationStatus> = {}): GenerationStatus => ({
      running: true,
      phase: 'repair',
      elapsed_ms: 2500,
      steps: 1200,
      hard: 3,
      soft: 40,
      finished: null,
      ...over,
    });
    const api = await openTimetable({
      'POST /api/v1/timetable/generate': { body: running({ phase: 'construct', elapsed_ms: 0, steps: 0 }) },
      'GET /api/v1/timetable/generate': () => {
        polls += 1;
        if (polls === 1) return { body: idle };
        if (stopped) return { body: { ...idle, finished: { hard_left: 1, soft_score: 33, stopped: true } } };
        return { body: running() };
      },
      'DELETE /api/v1/timetable/generate': () => {
        stopped = true;
        return { body: running({ phase: 'improve' }) };
      },
    });
    click('tt-generate');
    expect((get('tt-generate-seconds') as HTMLInputElement).value).toBe('30');
    type('tt-generate-seconds', '0');
    click('tt-generate-start');
    expect(get('tt-generate-dialog').textContent).toContain('1…600');
    type('tt-generate-seconds', '10');
    click('tt-generate-start');
    await appears('tt-progress');
    expect(bodies(api, 'POST', '/api/v1/timetable/generate')).toEqual([{ seconds: 10 }]);
    expect(find('tt-generate-dialog')).toBeNull();
    // Nothing is moved while it runs.
    expect(get('tt-lesson-m1').getAttribute('draggable')).toBeNull();
    await vi.waitFor(() => expect(get('tt-phase').textContent).toBe('қабаттасуларды жою'), { timeout: 2000 });
    expect(get('tt-progress').textContent).toMatch(/1\s?200/);
    click('tt-stop');
    await appears('tt-generated');
    expect(get('tt-generated').textContent).toContain('Тоқтатылды');
    expect(get('tt-generated').textContent).toContain('Бұзушылық: 1');
    expect(find('tt-progress')).toBeNull();
    expect(api.sent.filter((s) => s.method === 'DELETE')).toHaveLength(1);
    expect(api.sent.filter((s) => s.method === 'GET' && s.url === '/api/v1/timetable')).toHaveLength(2);
  });

  it('takes the final word of a stop at once, and says when the result could not be saved', async () => {
    const api = await openTimetable({
      'GET /api/v1/timetable/generate': { body: { ...idle, running: true, phase: 'improve', elapsed_ms: 9000 } },
      'DELETE /api/v1/timetable/generate': { body: { ...idle, finished: { hard_left: 0, soft_score: 4, stopped: true, error: 'store.database' } } },
    });
    await appears('tt-progress');
    click('tt-stop');
    await appears('tt-generate-error');
    expect(get('tt-generate-error').textContent).toContain('store.database');
    expect(find('tt-progress')).toBeNull();
    expect(find('tt-generated')).toBeNull();
    await vi.waitFor(() => expect(api.sent.filter((s) => s.method === 'GET' && s.url === '/api/v1/timetable')).toHaveLength(2));
  });

  it('watches a generation that was already running when the page opened', async () => {
    await openTimetable({
      'GET /api/v1/timetable/generate': { body: { ...idle, running: true, phase: 'improve', elapsed_ms: 9000 } },
    });
    await appears('tt-progress');
    expect(get('tt-progress').dataset.phase).toBe('improve');
    expect(get('tt-generate').hasAttribute('disabled')).toBe(true);
  });
});

describe('days off', () => {
  /** The API's answer to a day-off change: the list with the day set or cleared. */
  function dayOff(sent: Sent): Answer {
    const { teacher_id, day, off } = sent.body as { teacher_id: string; day: number; off: boolean };
    const before = view({ days_off: [{ teacher_id: 't2', day: 3 }] });
    const rest = before.days_off.filter((d) => d.teacher_id !== teacher_id || d.day !== day);
    return { body: { ...before, days_off: off ? [...rest, { teacher_id, day }] : rest } };
  }

  it('toggles a teacher’s day without lessons in the teacher’s view, and shades its column', async () => {
    const api = await openTimetable(
      { 'GET /api/v1/timetable': { body: view({ days_off: [{ teacher_id: 't2', day: 3 }] }) }, 'POST /api/v1/timetable/day-off': dayOff },
      { hash: '#/timetable?by=teacher&id=t2', ready: 'tt-lesson-k1' },
    );
    // Wednesday is t2's day off: shaded and pressed; the others are not.
    expect(get('tt-day-3').dataset.dayOff).toBe('true');
    expect(get('tt-cell-3-2').classList.contains('day-off')).toBe(true);
    expect(get('tt-day-off-3').getAttribute('aria-pressed')).toBe('true');
    expect(get('tt-day-off-3').textContent?.trim()).toBe('Сабақсыз күн');
    expect(get('tt-day-off-1').getAttribute('aria-pressed')).toBe('false');
    expect(get('tt-day-1').dataset.dayOff).toBeUndefined();
    focus('tt-day-off-5');
    click('tt-day-off-5');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/timetable/day-off')).toEqual([{ teacher_id: 't2', day: 5, off: true }]));
    await vi.waitFor(() => expect(get('tt-day-off-5').getAttribute('aria-pressed')).toBe('true'));
    expect(get('tt-day-5').dataset.dayOff).toBe('true');
    expect(get('tt-cell-5-1').classList.contains('day-off')).toBe(true);
    expect(get('tt-drop-status').textContent).toContain('Жұма');
    // The toggle keeps the focus, to be pressed again.
    expect(focusedTestid()).toBe('tt-day-off-5');
    click('tt-day-off-3');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/timetable/day-off')).toHaveLength(2));
    expect(bodies(api, 'POST', '/api/v1/timetable/day-off')[1]).toEqual({ teacher_id: 't2', day: 3, off: false });
    await vi.waitFor(() => expect(get('tt-day-3').dataset.dayOff).toBeUndefined());
    // Another teacher has other days; a class's view has neither toggles nor shading.
    choose('tt-entity', 't1');
    expect(get('tt-day-off-3').getAttribute('aria-pressed')).toBe('false');
    expect(get('tt-day-5').dataset.dayOff).toBeUndefined();
    click('tt-by-class');
    expect(find('tt-day-off-1')).toBeNull();
    expect(get('tt-grid').querySelector('.day-off')).toBeNull();
  });

  it('says why the API refused a day off', async () => {
    const api = await openTimetable(
      {
        'POST /api/v1/timetable/day-off': {
          status: 409,
          body: { code: 'timetable.day_off_pinned', message: 'Бұл күні бекітілген сабақ бар.' },
        },
      },
      { hash: '#/timetable?by=teacher&id=t1' },
    );
    click('tt-day-off-1');
    await appears('tt-day-off-error');
    expect(get('tt-day-off-error').textContent).toContain('Бұл күні бекітілген сабақ бар.');
    expect(bodies(api, 'POST', '/api/v1/timetable/day-off')).toEqual([{ teacher_id: 't1', day: 1, off: true }]);
    expect(get('tt-day-off-1').getAttribute('aria-pressed')).toBe('false');
    expect(get('tt-day-1').dataset.dayOff).toBeUndefined();
  });
});

describe('a teacher', () => {
  it('reads the timetable and can change nothing', async () => {
    const api = await openTimetable({ 'GET /api/v1/timetable': { body: view({ can_edit: false }) } }, { who: person('teacher') });
    expect(get('tt-readonly')).toBeTruthy();
    expect(find('tt-generate')).toBeNull();
    expect(find('tt-pin')).toBeNull();
    expect(get('tt-lesson-m1').getAttribute('draggable')).toBeNull();
    focus('tt-lesson-m1');
    press('Enter');
    press('ArrowRight');
    expect(get('tt-lesson-m1').getAttribute('aria-pressed')).toBeNull();
    expect(focusedTestid()).toBe('tt-cell-2-1');
    focus('tt-unplaced-0');
    press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(checked(api)).toEqual([]);
  });

  it('sees a teacher’s days off shaded, with no toggle', async () => {
    await openTimetable(
      { 'GET /api/v1/timetable': { body: view({ can_edit: false, days_off: [{ teacher_id: 't1', day: 2 }] }) } },
      { who: person('teacher'), hash: '#/timetable?by=teacher&id=t1' },
    );
    expect(find('tt-day-off-2')).toBeNull();
    expect(get('tt-day-2').dataset.dayOff).toBe('true');
    expect(get('tt-day-off-label-2').textContent).toBe('Сабақсыз күн');
    expect(get('tt-cell-2-1').classList.contains('day-off')).toBe(true);
    expect(find('tt-day-off-label-1')).toBeNull();
  });
});
