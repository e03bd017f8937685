// The sync screen's logic without a DOM: which fixation shows a banner, sizes, percent, the enrolment form's
// checks, and the watch over a running sync — asked every second while it runs, given a few polls after a
// start the server has not begun yet, over once its result is there, and asked again after a failed question.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncResult, SyncState } from '../api';
import { DEFAULT_LANG, setLang } from '../i18n';
import {
  START_GRACE,
  bundleName,
  deliveryId,
  enrolProblems,
  enrolRequest,
  failureReason,
  fixationBanner,
  followSync,
  lanAddress,
  percentOf,
  sizeOf,
  watchUntilDone,
} from './screen';

const result = (over: Partial<SyncResult> = {}): SyncResult => ({
  at: '2026-01-15T09:30:00Z',
  ok: true,
  via: 'hub',
  code: null,
  message: null,
  bytes_sent: 2048,
  bytes_received: 512,
  rounds: 2,
  ...over,
});

const state = (over: Partial<SyncState> = {}): SyncState => ({
  enrolled: true,
  hub: { url: 'https://hub.example', fingerprint: 'AB12', lan: false },
  can_sync: true,
  can_settle: false,
  last_sync: null,
  running: null,
  queue: [],
  fixation: null,
  conflicts: 0,
  lan: { serving: false, peers: [] },
  ...over,
});

afterEach(() => setLang(DEFAULT_LANG));

describe('what the screen shows', () => {
  it('shows the fixation banner only while it is announced or under way', () => {
    const at = (phase: 'before' | 'announced' | 'frozen' | 'after') =>
      fixationBanner(state({ fixation: { date: '2026-05-25', freeze_ends: '2026-06-05', phase } }));
    expect(at('before')).toBeNull();
    expect(at('after')).toBeNull();
    expect(at('announced')).toEqual({ id: 'sync-fixation-announced', date: '2026-05-25', until: '2026-06-05' });
    expect(at('frozen')?.id).toBe('sync-fixation-frozen');
    expect(fixationBanner(state())).toBeNull();
  });

  it('writes sizes in B, KB and MB and the progress in whole percent', () => {
    expect(sizeOf(900)).toEqual({ id: 'sync-size-b', size: 900 });
    expect(sizeOf(1536)).toEqual({ id: 'sync-size-kb', size: 1.5 });
    expect(sizeOf(3 * 1024 * 1024)).toEqual({ id: 'sync-size-mb', size: 3 });
    expect(percentOf({ phase: 'rounds', progress: 0.456 })).toBe(46);
    expect(percentOf({ phase: 'rounds', progress: 1.2 })).toBe(100);
    expect(percentOf({ phase: 'connecting', progress: Number.NaN })).toBe(0);
    expect(deliveryId('on_time')).toBe('sync-delivery-on-time');
  });

  it('says why a sync failed: the interface’s words for the code, else the server’s', () => {
    expect(failureReason(result({ ok: false, code: 'no.such_code', message: 'Хабқа қосылу мүмкін болмады' }))).toBe('Хабқа қосылу мүмкін болмады');
    expect(failureReason(result({ ok: false, code: 'auth.forbidden', message: 'x' }))).not.toBe('x');
    expect(failureReason(result({ ok: false }))).toBe('Себебі көрсетілмеген.');
    setLang('en');
    expect(failureReason(result({ ok: false }))).toBe('No reason was given.');
  });

  it('names a bundle after today when the API gives no name', () => {
    expect(bundleName(new Date(2026, 0, 5))).toBe('dala-2026-01-05.dalabundle');
  });
});

describe('the enrolment form', () => {
  it('needs the code; the hub’s address may be empty, else a web address', () => {
    expect(enrolProblems({ url: '', code: '' })).toEqual({ url: null, code: { id: 'form-required' } });
    expect(enrolProblems({ url: 'hub.example', code: 'K7Q2' }).url).toEqual({ id: 'sync-hub-url-invalid' });
    expect(enrolProblems({ url: 'https://', code: 'K7Q2' }).url).not.toBeNull();
    expect(enrolProblems({ url: ' https://hub.example:8443/dala ', code: 'K7Q2' })).toEqual({ url: null, code: null });
    expect(enrolProblems({ url: 'http://10.0.0.5', code: 'K7Q2' }).url).toBeNull();
  });

  it('sends no address for an enrolment from paper, and trims both', () => {
    expect(enrolRequest({ url: '  ', code: ' K7Q2-9XP4 ' })).toEqual({ hubUrl: null, code: 'K7Q2-9XP4' });
    expect(enrolRequest({ url: ' https://hub.example ', code: 'K7Q2' })).toEqual({ hubUrl: 'https://hub.example', code: 'K7Q2' });
  });
});

describe('watching a sync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps watching while it runs and stops once its result is new', () => {
    const before = result();
    const more = watchUntilDone(before);
    expect(more(state({ last_sync: before, running: { phase: 'rounds', progress: 0.5 } }))).toBe(true);
    expect(more(state({ last_sync: result({ at: '2026-01-15T10:00:00Z', ok: false }) }))).toBe(false);
  });

  it('gives a start the server has not begun a few polls, then gives up', () => {
    const more = watchUntilDone(null);
    const idle = state();
    const answers = Array.from({ length: START_GRACE }, () => more(idle));
    expect(answers).toEqual([...Array<boolean>(START_GRACE - 1).fill(true), false]);
    expect(watchUntilDone(null)(state({ last_sync: result() }))).toBe(false);
  });

  it('asks every second until it is over, and again after a failed question', async () => {
    const answers: (SyncState | Error)[] = [
      state({ running: { phase: 'connecting', progress: 0 } }),
      new Error('busy'),
      state({ running: { phase: 'rounds', progress: 0.6 } }),
      state({ last_sync: result() }),
    ];
    const load = vi.fn(async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next!;
    });
    const seen: string[] = [];
    const done = vi.fn();
    const errors = vi.fn();
    followSync({
      load,
      onstate: (s) => seen.push(s.running?.phase ?? 'idle'),
      more: watchUntilDone(null),
      ondone: done,
      onerror: errors,
    });
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['connecting']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual(['connecting', 'rounds', 'idle']);
    expect(done).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('stops asking when told to', async () => {
    const load = vi.fn(async () => state({ running: { phase: 'rounds', progress: 0.1 } }));
    const stop = followSync({ load, onstate: () => {}, more: () => true, ondone: () => {}, onerror: () => {} });
    await vi.advanceTimersByTimeAsync(2000);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('lanAddress', () => {
  it('is the page’s origin when it is served over TLS to the school’s network', () => {
    expect(lanAddress('https://192.168.1.10:8080')).toBe('https://192.168.1.10:8080');
    expect(lanAddress('https://mektep.local')).toBe('https://mektep.local');
  });

  it('is unknown in the desktop window, on this computer alone or over plain HTTP', () => {
    expect(lanAddress('dala://localhost')).toBeNull();
    expect(lanAddress('http://127.0.0.1:8080')).toBeNull();
    expect(lanAddress('https://localhost:8080')).toBeNull();
    expect(lanAddress('https://127.0.0.1:8080')).toBeNull();
    expect(lanAddress('null')).toBeNull();
  });
});
