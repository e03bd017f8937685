// What the sync screen works out from GET /sync: the fixation banner, the queue's delivery marks, sizes in
// bytes, the enrolment form's checks, and the watch over a running sync — asked every second while the
// server says it runs, and a little longer right after a start, until its result is there.
import type { SyncDelivery, SyncPhase, SyncResult, SyncRunning, SyncState, SyncVia } from '../api';
import type { Problem } from '../form/rules';
import { errorText, t, type MessageArgs } from '../i18n';
import type { Timers } from '../timetable/checks';

export const POLL_MS = 1000;
/** Polls after a start that may still find the sync not yet begun, before the watch gives up. */
export const START_GRACE = 3;

export const PHASES: readonly SyncPhase[] = ['connecting', 'manifest', 'rounds', 'done'];
export const VIAS: readonly SyncVia[] = ['hub', 'bundle', 'lan'];
export const DELIVERIES: readonly SyncDelivery[] = ['on_time', 'warning', 'overdue'];

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Message {
  id: string;
  args?: MessageArgs;
}

/** `sync-delivery-on-time`, `-warning`, `-overdue`. */
export const deliveryId = (delivery: SyncDelivery) => `sync-delivery-${delivery.replace('_', '-')}`;
export const phaseId = (phase: SyncPhase) => `sync-phase-${phase}`;
export const viaId = (via: SyncVia) => `sync-via-${via}`;

/** The banner of a fixation announced or under way; the dates are formatted by the caller. */
export function fixationBanner(state: SyncState): { id: string; date: string; until: string } | null {
  const fixation = state.fixation;
  if (!fixation || (fixation.phase !== 'announced' && fixation.phase !== 'frozen')) return null;
  return { id: `sync-fixation-${fixation.phase}`, date: fixation.date, until: fixation.freeze_ends };
}

/**
 * Why a sync failed, in words: the interface's message for its code when there is one, else the server's
 * (already in the language asked in), else that no reason was given.
 */
export function failureReason(result: SyncResult): string {
  if (result.code) return errorText(result.code, {}, result.message ?? '');
  return result.message || t('sync-failed-unknown');
}

/** A size in B, KB or MB (1024-based), with the number to format in the language. */
export function sizeOf(bytes: number): { id: string; size: number } {
  if (bytes < 1024) return { id: 'sync-size-b', size: bytes };
  if (bytes < 1024 * 1024) return { id: 'sync-size-kb', size: bytes / 1024 };
  return { id: 'sync-size-mb', size: bytes / (1024 * 1024) };
}

/** The progress of a running sync in whole percent, 0…100. */
export function percentOf(running: SyncRunning): number {
  const progress = Number.isFinite(running.progress) ? running.progress : 0;
  return Math.round(Math.max(0, Math.min(1, progress)) * 100);
}

export interface EnrolDraft {
  url: string;
  code: string;
}

/** The hub's address may be left empty (enrolment from paper); given, it is a web address. */
export function enrolProblems(draft: EnrolDraft): { url: Problem | null; code: Problem | null } {
  const url = draft.url.trim();
  return {
    url: url === '' || /^https?:\/\/[^\s/]+\S*$/i.test(url) ? null : { id: 'sync-hub-url-invalid' },
    code: draft.code.trim() === '' ? { id: 'form-required' } : null,
  };
}

export function enrolRequest(draft: EnrolDraft): { hubUrl: string | null; code: string } {
  const url = draft.url.trim();
  return { hubUrl: url === '' ? null : url, code: draft.code.trim() };
}

/**
 * The address a laptop enrols with, when this page shows it: a page served over TLS to the school's network
 * (`dala serve --lan`) is at that address; in the desktop window or on loopback it is not known here.
 */
export function lanAddress(origin: string): string | null {
  if (!/^https:\/\/[^\s/]+$/i.test(origin)) return null;
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' ? null : origin;
}

/**
 * Whether to keep watching after a state: while it runs, yes; once its result differs from the one before
 * the start, no; a start the server has not begun yet is given START_GRACE polls.
 */
export function watchUntilDone(before: SyncResult | null): (state: SyncState) => boolean {
  let idle = 0;
  return (state) => {
    if (state.running) {
      idle = 0;
      return true;
    }
    if (!sameResult(state.last_sync, before)) return false;
    idle += 1;
    return idle < START_GRACE;
  };
}

export function sameResult(a: SyncResult | null, b: SyncResult | null): boolean {
  return a === b || (a !== null && b !== null && a.at === b.at && a.via === b.via && a.ok === b.ok);
}

export interface Follow {
  load: () => Promise<SyncState>;
  onstate: (state: SyncState) => void;
  /** True to ask again after the interval. */
  more: (state: SyncState) => boolean;
  /** The watch is over: the last state. */
  ondone: (state: SyncState) => void;
  /** A failed question is asked again at the next tick: the server is busy, not gone. */
  onerror: (error: unknown) => void;
  interval?: number;
  timers?: Timers;
}

/** Asks every `interval` until `more` says no; returns the function that stops asking. */
export function followSync({ load, onstate, more, ondone, onerror, interval = POLL_MS, timers = realTimers }: Follow): () => void {
  let stopped = false;
  let timer: unknown = null;
  const next = () => {
    if (!stopped) timer = timers.set(tick, interval);
  };
  async function tick() {
    timer = null;
    try {
      const state = await load();
      if (stopped) return;
      onstate(state);
      if (more(state)) next();
      else ondone(state);
    } catch (error) {
      if (stopped) return;
      onerror(error);
      next();
    }
  }
  next();
  return () => {
    stopped = true;
    if (timer !== null) timers.clear(timer);
  };
}

/** The name a bundle is saved under when the API gives none: `dala-2026-01-15.dalabundle`, today here. */
export function bundleName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `dala-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.dalabundle`;
}
