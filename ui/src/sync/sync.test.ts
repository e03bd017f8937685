// @vitest-environment happy-dom
// The sync screen in a simulated DOM against a fake API: a director enrols this computer (with the hub's
// address, or from paper), syncs now and watches the progress until the result, exports a bundle (or hears
// there is nothing to send) and imports the hub's answer; the queue marks its warnings and overdue rows; the
// fixation banner, the conflicts and the school's network are shown; errors are in the user's language; a
// teacher only reads, and parents do not see the screen at all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conflict, SyncResult, SyncState } from '../api';
import { errorText } from '../i18n';
import { appears, bodies, click, closeApp, find, get, openApp, person, type } from '../test-app';
import type { Answer, Sent } from '../test-support';

const done = (over: Partial<SyncResult> = {}): SyncResult => ({
  at: '2026-01-14T15:20:00Z',
  ok: true,
  via: 'hub',
  code: null,
  message: null,
  bytes_sent: 18_432,
  bytes_received: 2_621_440,
  rounds: 3,
  ...over,
});

const syncState = (over: Partial<SyncState> = {}): SyncState => ({
  enrolled: true,
  hub: { url: 'https://hub.aqsu.example', fingerprint: 'SHA256:7Q2K-9XP4-M3TB-LL8D', lan: false },
  can_sync: true,
  can_settle: true,
  last_sync: done(),
  running: null,
  queue: [
    { doc: 'journal/5a/t2', label: '5А журналы, 2-тоқсан', changes: 14, oldest_at: '2026-01-13', age_working_days: 1, delivery: 'on_time' },
    { doc: 'contingent', label: 'Контингент', changes: 2, oldest_at: '2026-01-09', age_working_days: 3, delivery: 'warning' },
    { doc: 'staff', label: 'Қызметкерлер', changes: 1, oldest_at: '2026-01-05', age_working_days: 7, delivery: 'overdue' },
  ],
  fixation: null,
  conflicts: 0,
  lan: { serving: true, peers: [{ device: 'pc-7f3a', name: 'Мұғалімдер бөлмесі', last_sync: '2026-01-15T08:05:00Z' }, { device: 'pc-1b2c', name: 'Кітапхана', last_sync: null }] },
  ...over,
});

type Routes = Record<string, Answer | ((sent: Sent) => Answer)>;

async function openSync(routes: Routes = {}, who = person('director')) {
  const api = await openApp(who, '#/sync', { 'GET /api/v1/sync': { body: syncState() }, ...routes });
  await appears('sync-queue-rule');
  return api;
}

const gets = (api: { sent: Sent[] }) => api.sent.filter((s) => s.method === 'GET' && s.url === '/api/v1/sync').length;

afterEach(() => {
  vi.useRealTimers();
  closeApp();
});

describe('enrolment', () => {
  it('enrols a computer not yet enrolled with the hub’s address and the one-time code', async () => {
    const enrolled = syncState({ last_sync: null, queue: [] });
    const api = await openSync({
      'GET /api/v1/sync': { body: syncState({ enrolled: false, hub: null, last_sync: null }) },
      'POST /api/v1/sync/enroll': { body: enrolled },
    });
    expect(get('nav-sync').getAttribute('aria-current')).toBe('page');
    expect(get('sync-not-enrolled').textContent).toContain('әлі хабқа тіркелмеген');
    expect(find('sync-fingerprint')).toBeNull();
    expect(find('sync-now')).toBeNull();
    expect(find('sync-export')).toBeNull();
    expect(get('sync-last-never').textContent).toBe('Әлі синхрондалған жоқ.');

    click('sync-enrol-submit');
    expect(get('sync-enrol-form').textContent).toContain('Бұл өрісті толтырыңыз.');
    type('sync-enrol-url', 'hub.aqsu.example');
    type('sync-enrol-code', ' K7Q2-9XP4 ');
    click('sync-enrol-submit');
    expect(get('sync-enrol-form').textContent).toContain('http:// немесе https://');
    expect(bodies(api, 'POST', '/api/v1/sync/enroll')).toEqual([]);

    type('sync-enrol-url', 'https://hub.aqsu.example');
    click('sync-enrol-submit');
    await appears('sync-enrolled');
    expect(bodies(api, 'POST', '/api/v1/sync/enroll')).toEqual([{ hub_url: 'https://hub.aqsu.example', code: 'K7Q2-9XP4' }]);
    expect(get('sync-enrol-done').textContent).toBe('Компьютер тіркелді.');
    expect(get('sync-enrolled').textContent).toContain('https://hub.aqsu.example хабына тіркелген');
    expect(get('sync-fingerprint').textContent).toBe('SHA256:7Q2K-9XP4-M3TB-LL8D');
    expect(find('sync-enrol-form')).toBeNull();
    get('sync-now');
    get('sync-export');
  });

  it('enrols from the paper code without a network, and says the first bundle completes it', async () => {
    const api = await openSync({
      'GET /api/v1/sync': { body: syncState({ enrolled: false, hub: null, last_sync: null }) },
      'POST /api/v1/sync/enroll': { body: syncState({ hub: { url: null, fingerprint: 'SHA256:AAAA', lan: false }, last_sync: null }) },
    });
    type('sync-enrol-code', 'K7Q2-9XP4');
    click('sync-enrol-submit');
    await appears('sync-enrolled');
    expect(bodies(api, 'POST', '/api/v1/sync/enroll')).toEqual([{ hub_url: null, code: 'K7Q2-9XP4' }]);
    expect(get('sync-enrolled').dataset.offline).toBe('true');
    expect(get('sync-enrolled').textContent).toContain('алғашқы файл');
    get('sync-import');
  });

  it('shows a refused code in the user’s language, beside the form', async () => {
    const message = 'Тіркеу коды жарамсыз немесе бұрын пайдаланылған.';
    const api = await openSync({
      'GET /api/v1/sync': { body: syncState({ enrolled: false, hub: null }) },
      'POST /api/v1/sync/enroll': { status: 422, body: { code: 'sync.code_invalid', message } },
    });
    type('sync-enrol-code', 'WRONG');
    click('sync-enrol-submit');
    await appears('sync-enrol-error');
    expect(get('sync-enrol-error').textContent).toBe(errorText('sync.code_invalid', {}, message));
    expect(get('sync-enrol-error').textContent).toMatch(/[әғқңөұүһі]/);
    expect(api.sent.find((s) => s.url === '/api/v1/sync/enroll')?.headers['Accept-Language']).toBe('kk');
    get('sync-enrol-form');
  });
});

describe('sync now', () => {
  it('starts, shows the phase and the progress polled every second, then the result', async () => {
    const next = done({ at: '2026-01-15T10:02:00Z', bytes_sent: 900, bytes_received: 1536, rounds: 2 });
    const states = [
      syncState({ running: { phase: 'connecting', progress: 0.05 } }),
      syncState({ running: { phase: 'rounds', progress: 0.456 } }),
      syncState({ last_sync: next, queue: [] }),
    ];
    let started = false;
    const api = await openSync({
      'GET /api/v1/sync': () => ({ body: started ? (states.length > 1 ? states.shift() : states[0]) : syncState() }),
      'POST /api/v1/sync/now': () => ((started = true), { status: 202, body: {} }),
    });
    expect(get('sync-last-figures').textContent).toBe('Жіберілді: 18 КБ, алынды: 2,5 МБ, алмасу айналымы: 3');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    click('sync-now');
    await vi.advanceTimersByTimeAsync(0);
    expect(bodies(api, 'POST', '/api/v1/sync/now')).toHaveLength(1);
    // Connecting from the start, before the first answer.
    expect(get('sync-progress').dataset.phase).toBe('connecting');
    expect((get('sync-now') as HTMLButtonElement).disabled).toBe(true);
    const before = gets(api);

    await vi.advanceTimersByTimeAsync(1000);
    expect(gets(api)).toBe(before + 1);
    expect(get('sync-phase').textContent).toBe('Хабқа қосылуда');
    expect(get('sync-percent').textContent).toBe('5 %');

    await vi.advanceTimersByTimeAsync(1000);
    expect(get('sync-phase').textContent).toBe('Өзгерістер алмасуда');
    expect(get('sync-percent').textContent).toBe('46 %');
    expect(get('sync-progress').querySelector('progress')?.getAttribute('value')).toBe('46');

    await vi.advanceTimersByTimeAsync(1000);
    expect(find('sync-progress')).toBeNull();
    expect(get('sync-finished').dataset.ok).toBe('true');
    expect(get('sync-finished').textContent).toBe('Синхрондау аяқталды.');
    expect(get('sync-last-figures').textContent).toBe('Жіберілді: 900 Б, алынды: 1,5 КБ, алмасу айналымы: 2');
    expect(get('sync-queue-empty')).toBeTruthy();
    expect((get('sync-now') as HTMLButtonElement).disabled).toBe(false);

    // Over: no more questions.
    const after = gets(api);
    await vi.advanceTimersByTimeAsync(5000);
    expect(gets(api)).toBe(after);
  });

  it('says why a sync failed, in the user’s language, and shows it as the last result', async () => {
    const message = 'Хабпен байланыс жоқ: желі қолжетімсіз.';
    const failed = done({ at: '2026-01-15T10:05:00Z', ok: false, code: 'sync.offline', message, bytes_sent: 0, bytes_received: 0, rounds: 0 });
    let started = false;
    await openSync({
      'GET /api/v1/sync': () => ({ body: started ? syncState({ last_sync: failed }) : syncState() }),
      'POST /api/v1/sync/now': () => ((started = true), { status: 202, body: {} }),
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    click('sync-now');
    await vi.advanceTimersByTimeAsync(1000);
    const reason = errorText('sync.offline', {}, message);
    expect(get('sync-finished').dataset.ok).toBe('false');
    expect(get('sync-finished').textContent).toBe(`Синхрондау сәтсіз аяқталды: ${reason}`);
    expect(get('sync-last').dataset.ok).toBe('false');
    expect(get('sync-last-reason').textContent).toBe(reason);
    expect(get('sync-last-reason').dataset.code).toBe('sync.offline');
  });

  it('shows a refused start in the user’s language', async () => {
    const message = 'Бұл компьютер хабқа тіркелмеген.';
    await openSync({ 'POST /api/v1/sync/now': { status: 409, body: { code: 'sync.not_enrolled', message } } });
    click('sync-now');
    await appears('sync-now-error');
    expect(get('sync-now-error').textContent).toBe(errorText('sync.not_enrolled', {}, message));
    expect(find('sync-progress')).toBeNull();
    expect((get('sync-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('watches a sync already running when the page opens', async () => {
    let polls = 0;
    await openSync({
      'GET /api/v1/sync': () => {
        polls += 1;
        return { body: polls < 3 ? syncState({ running: { phase: 'manifest', progress: 0.2 } }) : syncState({ last_sync: done({ at: '2026-01-15T11:00:00Z' }) }) };
      },
    });
    expect(get('sync-phase').textContent).toBe('Екі жақтағы деректер салыстырылуда');
    expect((get('sync-now') as HTMLButtonElement).disabled).toBe(true);
    await vi.waitFor(() => expect(get('sync-finished').dataset.ok).toBe('true'), { timeout: 4000 });
    expect(find('sync-progress')).toBeNull();
  });
});

describe('the queue', () => {
  it('lists the waiting documents with their age, warns from day 3 and alarms after day 5', async () => {
    await openSync();
    expect(get('sync-queue-rule').textContent).toContain('5 жұмыс күні');
    const rows = [0, 1, 2].map((i) => get(`sync-queue-${i}`));
    expect(rows.map((row) => row.dataset.delivery)).toEqual(['on_time', 'warning', 'overdue']);
    expect(rows.map((row) => ['on_time', 'warning', 'overdue'].filter((style) => row.classList.contains(style)))).toEqual([
      ['on_time'],
      ['warning'],
      ['overdue'],
    ]);
    expect(rows[0]!.textContent).toContain('5А журналы, 2-тоқсан');
    expect(rows[0]!.textContent).toContain('13.01.2026');
    expect(rows[0]!.textContent).toContain('Мерзімінде');
    expect(rows[1]!.textContent).toContain('Тезірек жіберу керек');
    const cells = [...rows[2]!.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells).toEqual(['1', '05.01.2026', '7', 'Мерзімі өтті']);
  });

  it('shows the fixation banner while it is announced or under way, with its dates', async () => {
    await openSync({
      'GET /api/v1/sync': { body: syncState({ fixation: { date: '2026-05-25', freeze_ends: '2026-06-05', phase: 'frozen' }, conflicts: 2 }) },
    });
    expect(get('sync-fixation').dataset.phase).toBe('frozen');
    expect(get('sync-fixation').textContent).toBe(
      'Фиксация күні — 25 мамыр 2026: әкімшілік деректерді (контингент, қызметкерлер, ұйым) жаңарту 5 маусым 2026 күніне дейін тоқтатылған. Өзгерістеріңіз кезекте сақталады және одан кейін жіберіледі.',
    );
    expect(get('sync-conflicts').dataset.count).toBe('2');
    expect(get('sync-conflicts').textContent).toContain('Шешім күтіп тұрған қайшылықтар: 2.');
    click('lang-en');
    await vi.waitFor(() => expect(get('sync-fixation').textContent).toContain('Fixation on 25 May 2026'));
    expect(get('sync-fixation').textContent).toContain('frozen until 5 June 2026. Your changes stay queued and ship afterwards.');
    expect(get('sync-conflicts').textContent).toBe('2 conflicts wait for a decision.');
  });

  it('has no banner before or after the fixation, and lists the school’s computers', async () => {
    await openSync({ 'GET /api/v1/sync': { body: syncState({ fixation: { date: '2026-05-25', freeze_ends: '2026-06-05', phase: 'before' } }) } });
    expect(find('sync-fixation')).toBeNull();
    expect(get('sync-conflicts').textContent).toContain('қайшылық жоқ');
    expect(get('sync-lan-serving').dataset.serving).toBe('true');
    expect(get('sync-peer-0').textContent).toContain('Мұғалімдер бөлмесі');
    expect(get('sync-peer-0').textContent).toContain('pc-7f3a');
    expect(get('sync-peer-1').textContent).toContain('әлі болмаған');
  });
});

describe('school network', () => {
  it('issues a laptop’s one-time code for the director and shows it once', async () => {
    const api = await openSync({
      'POST /api/v1/sync/lan/code': { body: { code: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567', tls_fingerprint: 'AB:CD:EF' } },
    });
    expect(find('sync-lan-code')).toBeNull();
    click('sync-lan-issue');
    await appears('sync-lan-code');
    expect(api.sent.filter((s) => s.method === 'POST' && s.url === '/api/v1/sync/lan/code')).toHaveLength(1);
    expect(get('sync-lan-code-text').textContent).toBe('ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567');
    expect(get('sync-lan-code').textContent).toContain('бір тәулік ішінде жарайды');
    expect(get('sync-lan-code').textContent).toContain('AB:CD:EF');
    expect(get('sync-lan-code-address').textContent).toContain('dala serve --lan');
  });

  it('shows a refused code in the user’s language', async () => {
    const message = 'Сіздің рөліңіз бұған рұқсат бермейді.';
    await openSync({ 'POST /api/v1/sync/lan/code': { status: 403, body: { code: 'auth.forbidden', message } } });
    click('sync-lan-issue');
    await appears('sync-lan-issue-error');
    expect(get('sync-lan-issue-error').textContent).toContain(message);
    expect(find('sync-lan-code')).toBeNull();
  });

  it('tells a laptop it syncs with the main computer and offers no bundles or confirmation', async () => {
    await openSync({
      'GET /api/v1/sync': { body: syncState({ hub: { url: 'https://192.168.1.10:8443', fingerprint: 'CD56', lan: true } }) },
    });
    expect(get('sync-enrolled').textContent).toContain('https://192.168.1.10:8443');
    expect(get('sync-enrolled').textContent).toContain('негізгі компьютер');
    expect(get('sync-enrolled').textContent).not.toContain('хабына');
    expect(get('sync-fingerprint-label').textContent).toBe('Негізгі компьютер кілтінің цифрлық ізі');
    expect(find('sync-confirm-title')).toBeNull();
    expect(find('sync-bundles-title')).toBeNull();
    get('sync-now');
  });

  it('removes a lost laptop after asking, and reloads the list', async () => {
    let removed = false;
    const api = await openSync({
      'DELETE /api/v1/sync/lan/devices/pc-7f3a': () => {
        removed = true;
        return { status: 204 };
      },
      'GET /api/v1/sync': () => ({
        body: removed ? syncState({ lan: { serving: true, peers: [] } }) : syncState(),
      }),
    });
    click('sync-peer-0-remove');
    expect(get('sync-peer-0-ask').textContent).toContain('жаңа код');
    expect(api.sent.filter((s) => s.method === 'DELETE')).toHaveLength(0);
    click('sync-peer-0-remove-yes');
    await appears('sync-lan-none');
    expect(api.sent.filter((s) => s.method === 'DELETE').map((s) => s.url)).toEqual(['/api/v1/sync/lan/devices/pc-7f3a']);
  });

  it('offers no code to a teacher', async () => {
    await openSync({ 'GET /api/v1/sync': { body: syncState({ can_sync: false }) } }, person('teacher'));
    get('sync-lan-serving');
    expect(find('sync-lan-issue')).toBeNull();
  });
});

describe('conflicts', () => {
  const markConflict: Conflict = {
    kind: 'mark',
    place: '5 Ә · Математика',
    date: '2026-01-12',
    person_id: 'p1',
    person_name: 'Әлиева Дана',
    class_id: 'c5',
    subject: 'math',
    term_id: 't2',
    lesson_id: 'l7',
    group_id: null,
    month: null,
    marks: [
      { attendance: null, score: 8 },
      { attendance: 'late', score: 6 },
    ],
    texts: [],
  };

  it('lists a conflict with both values and settles it by saving the one chosen', async () => {
    let settled = false;
    const api = await openSync({
      'GET /api/v1/sync': () => ({ body: syncState({ conflicts: settled ? 0 : 1 }) }),
      'GET /api/v1/sync/conflicts': () => ({ body: { conflicts: settled ? [] : [markConflict] } }),
      'POST /api/v1/journal/marks': () => {
        settled = true;
        return { body: { marks: [], lessons: [], grades: [] } };
      },
    });
    await appears('sync-conflict-0');
    expect(get('sync-conflict-0').textContent).toContain('Әлиева Дана');
    expect(get('sync-conflict-0-0').textContent?.trim()).toBe('8');
    expect(get('sync-conflict-0-1').textContent?.trim()).toBe('к6');
    expect(get('sync-conflict-0-open').getAttribute('href')).toBe('#/journal?class=c5&subject=math&term=t2');
    click('sync-conflict-0-1');
    await vi.waitFor(() => expect(get('sync-conflicts').dataset.count).toBe('0'));
    expect(bodies(api, 'POST', '/api/v1/journal/marks')).toEqual([
      {
        class_id: 'c5',
        subject: 'math',
        term_id: 't2',
        marks: [{ lesson_id: 'l7', student_id: 'p1', attendance: 'late', score: 6, comment: null }],
        taken: [],
      },
    ]);
    expect(find('sync-conflict-list')).toBeNull();
  });

  it('settles a kindergarten’s day through the register, and lists nothing to who may not settle', async () => {
    const dayConflict: Conflict = {
      ...markConflict,
      kind: 'presence',
      place: 'Балапан',
      class_id: null,
      subject: null,
      term_id: null,
      lesson_id: null,
      group_id: 'g1',
      month: '2026-01',
      marks: [],
      texts: ['ill', 'absent'],
    };
    const api = await openSync(
      {
        'GET /api/v1/sync': { body: syncState({ conflicts: 1 }) },
        'GET /api/v1/sync/conflicts': { body: { conflicts: [dayConflict] } },
        'POST /api/v1/attendance': { body: {} },
      },
      person('educator', 'kindergarten'),
    );
    await appears('sync-conflict-0');
    expect(get('sync-conflict-0-0').textContent?.trim()).toBe('ауырды');
    expect(get('sync-conflict-0-open').getAttribute('href')).toBe('#/attendance?group=g1&month=2026-01');
    click('sync-conflict-0-1');
    await vi.waitFor(() => expect(bodies(api, 'POST', '/api/v1/attendance')).toHaveLength(1));
    expect(bodies(api, 'POST', '/api/v1/attendance')[0]).toEqual({
      group_id: 'g1',
      month: '2026-01',
      cells: [{ date: '2026-01-12', child_id: 'p1', code: 'absent' }],
      taken: [],
    });
    closeApp();

    await openSync({
      'GET /api/v1/sync': { body: syncState({ conflicts: 2 }) },
      'GET /api/v1/sync/conflicts': { body: { conflicts: [] } },
    });
    await appears('sync-conflicts-not-yours');
    closeApp();

    const methodist = await openSync({ 'GET /api/v1/sync': { body: syncState({ conflicts: 1, can_settle: false }) } }, person('methodist'));
    expect(get('sync-conflicts').dataset.count).toBe('1');
    expect(find('sync-conflict-list')).toBeNull();
    expect(methodist.sent.some((s) => s.url === '/api/v1/sync/conflicts')).toBe(false);
  });
});

describe('USB bundles', () => {
  it('imports the hub’s answer as its bytes and says what it did', async () => {
    let imports = 0;
    const api = await openSync({
      'POST /api/v1/sync/bundle': () => {
        imports += 1;
        return { body: { applied_docs: 3, acknowledged: 5, already_imported: imports > 1 } };
      },
    });
    const input = get('sync-import-file') as HTMLInputElement;
    const file = new File(['DALA-BUNDLE-ANSWER'], 'dala-2026-01-15.answer.dalabundle', { type: 'application/octet-stream' });
    const choose = () => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const loads = gets(api);
    choose();
    await appears('sync-bundle-note');
    const sent = api.sent.find((s) => s.method === 'POST' && s.url === '/api/v1/sync/bundle')!;
    expect(sent.headers['Content-Type']).toBe('application/octet-stream');
    expect(sent.raw).toBe(file);
    expect(await (sent.raw as Blob).text()).toBe('DALA-BUNDLE-ANSWER');
    expect(get('sync-bundle-note').textContent).toBe('Хабтың жауабы жүктелді. Жаңартылған құжаттар: 3. Хаб алғанын растағандары: 5.');
    await vi.waitFor(() => expect(gets(api)).toBe(loads + 1));

    choose();
    await vi.waitFor(() => expect(get('sync-bundle-note').dataset.id).toBe('sync-already-imported'));
    expect(get('sync-bundle-note').textContent).toBe('Бұл жауап бұрын жүктелген; ештеңе өзгерген жоқ.');
  });

  it('shows a refused answer file in the user’s language', async () => {
    const message = 'Файлдың қолтаңбасы сәйкес келмейді.';
    await openSync({ 'POST /api/v1/sync/bundle': { status: 422, body: { code: 'sync.bundle_signature', message } } });
    const input = get('sync-import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'bad.dalabundle')], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await appears('sync-bundle-error');
    expect(get('sync-bundle-error').textContent).toBe(errorText('sync.bundle_signature', {}, message));
    expect(find('sync-bundle-note')).toBeNull();
  });

  it('exports the bundle under the API’s name, or says there is nothing to send', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:bundle');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue();
    // happy-dom would follow the link to blob:bundle and leave the page.
    const saved = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    let exports = 0;
    await openSync({
      'GET /api/v1/sync/bundle': () =>
        ++exports === 1
          ? { raw: 'BUNDLE', headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="dala-2026-01-15.dalabundle"' } }
          : { status: 409, body: { code: 'sync.nothing_to_send', message: 'Nothing' } },
    });
    click('sync-export');
    await appears('sync-bundle-note');
    expect(created).toHaveBeenCalled();
    expect(saved).toHaveBeenCalled();
    expect(get('sync-bundle-note').textContent).toBe('dala-2026-01-15.dalabundle файлы сақталды. Оны хабқа жеткізіп, хабтың жауабын осында жүктеңіз.');

    click('sync-export');
    await vi.waitFor(() => expect(get('sync-bundle-note').dataset.id).toBe('sync-nothing-to-send'));
    expect(get('sync-bundle-note').textContent).toBe('Жіберетін ештеңе жоқ: барлық өзгеріс хабқа жеткен.');
    expect(find('sync-bundle-error')).toBeNull();
    click('lang-ru');
    await vi.waitFor(() => expect(get('sync-bundle-note').textContent).toBe('Отправлять нечего: все изменения уже дошли до хаба.'));
    saved.mockRestore();
  });
});

describe('the director’s confirmation', () => {
  it('sends the password with the sync, and refuses a wrong one beside the field', async () => {
    let started = false;
    const api = await openSync({
      'GET /api/v1/sync': () => ({ body: started ? syncState({ last_sync: done({ at: '2026-01-15T10:02:00Z' }) }) : syncState() }),
      'POST /api/v1/sync/now': (sent) =>
        (sent.body as { confirm_password?: string })?.confirm_password === 'right-pass-1'
          ? ((started = true), { status: 202, body: {} })
          : { status: 422, body: { code: 'auth.invalid_credentials', message: 'wrong' } },
    });
    expect(get('sync-confirm-title').textContent).toBe('Директор растаған апталық жіберу');
    expect((get('sync-confirm-now') as HTMLButtonElement).disabled).toBe(true);
    type('sync-confirm-password', 'wrong-pass-1');
    click('sync-confirm-now');
    await appears('sync-confirm-error');
    expect(get('sync-confirm-error').textContent).toBe(errorText('auth.invalid_credentials', {}, 'wrong'));
    expect(find('sync-progress')).toBeNull();

    type('sync-confirm-password', 'right-pass-1');
    click('sync-confirm-now');
    await appears('sync-confirm-note');
    expect(get('sync-confirm-note').dataset.id).toBe('sync-confirm-started');
    expect(bodies(api, 'POST', '/api/v1/sync/now')).toEqual([
      { confirm_password: 'wrong-pass-1' },
      { confirm_password: 'right-pass-1' },
    ]);
    expect((get('sync-confirm-password') as HTMLInputElement).value).toBe('');
    // A plain "Sync now" sends no password.
    await vi.waitFor(() => expect((get('sync-now') as HTMLButtonElement).disabled).toBe(false));
  });

  it('exports the confirmed file for USB when the school has no internet', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:bundle');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue();
    const saved = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = await openSync({
      'GET /api/v1/sync': { body: syncState({ hub: { url: null, fingerprint: 'AB12 CD34', lan: false } }) },
      'POST /api/v1/sync/bundle/signed': {
        raw: 'BUNDLE',
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="dala-2026-01-15.dalabundle"' },
      },
    });
    expect(find('sync-confirm-now')).toBeNull();
    type('sync-confirm-password', 'right-pass-1');
    click('sync-confirm-export');
    await appears('sync-confirm-note');
    expect(bodies(api, 'POST', '/api/v1/sync/bundle/signed')).toEqual([{ confirm_password: 'right-pass-1' }]);
    expect(get('sync-confirm-note').textContent).toContain('dala-2026-01-15.dalabundle');
    expect(saved).toHaveBeenCalled();
    saved.mockRestore();
  });
});

describe('who sees what', () => {
  it('lets a teacher read the screen, without a button to press', async () => {
    const api = await openSync({ 'GET /api/v1/sync': { body: syncState({ can_sync: false }) } }, person('teacher'));
    expect(get('sync-readonly').textContent).toContain('Тек қарау үшін');
    expect(get('sync-queue-1').dataset.delivery).toBe('warning');
    get('sync-fingerprint');
    get('sync-last');
    for (const testid of ['sync-now', 'sync-export', 'sync-import', 'sync-import-file', 'sync-enrol-form']) {
      expect(find(testid), testid).toBeNull();
    }
    expect(document.querySelectorAll('main button')).toHaveLength(0);
    expect(api.sent.filter((s) => s.method !== 'GET')).toEqual([]);
    expect(get('status-pill-link').getAttribute('href')).toBe('#/sync');
  });

  it('tells a teacher of a computer not enrolled who enrols it, with no form', async () => {
    await openSync({ 'GET /api/v1/sync': { body: syncState({ can_sync: false, enrolled: false, hub: null }) } }, person('educator', 'kindergarten'));
    get('sync-not-enrolled');
    expect(get('page-sync').textContent).toContain('директор немесе меңгеруші');
    expect(find('sync-enrol-form')).toBeNull();
  });

  it('leads from the status pill to the screen, and keeps parents away from it', async () => {
    const counts = { students: 212, children: 0, staff: 31, classes: 11, age_groups: 0, accounts: 40 };
    await openApp(person('director'), '#/', {
      'GET /api/v1/home': { body: { role: 'director', counts, groups: [] } },
      'GET /api/v1/sync': { body: syncState() },
    });
    await appears('status-pill-link');
    click('status-pill-link');
    await appears('page-sync');
    closeApp();

    await openApp(person('parent'), '#/sync', {});
    await appears('page-home');
    expect(find('nav-sync')).toBeNull();
    expect(find('status-pill-link')).toBeNull();
    get('status-pill');
  });
});
