// @vitest-environment happy-dom
// Oversight in a simulated DOM: the four lists for a period, a class's reports with their charts, and the
// period asked again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appears, bodies, click, closeApp, get, openApp, person, type } from '../test-app';

const over = (lesson_id: string, extra: object = {}) => ({
  lesson_id,
  class_id: 'c5a',
  subject: 'mathematics',
  term_id: 'q2',
  class_name: '5А',
  subject_name: 'Математика',
  teacher_name: 'Серікова Ә.',
  date: '2025-11-12',
  period: 2,
  ...extra,
});
const oversight = {
  unfilled: [over('l1'), over('l2', { class_name: '6Б' })],
  without_topic: [],
  late_changes: [{ ...over('l3'), changed_at: '2025-11-14T10:15:00Z', login: 'a.seitkali' }],
  absent_streaks: [{ student_id: 's1', student_name: 'Әлиев Арман', class_name: '5А', dates: ['2025-11-10', '2025-11-11', '2025-11-12'] }],
};
const classes = {
  terms: [{ id: 'q2', number: 2, starts: '2025-11-03', ends: '2025-12-28' }],
  current_term_id: 'q2',
  classes: [{ class_id: 'c5a', name: '5А', grade: 5, language: 'kk', graded: true, subjects: [] }],
};
const attendance = {
  class_name: '5А',
  from: '2025-11-01',
  to: '2025-11-14',
  rows: [{ student_id: 's1', name: 'Әлиев Арман', lessons: 40, absent: 3, ill: 0, excused: 1, late: 2, percent_present: 90 }],
  by_week: [
    { week_start: '2025-11-03', percent_present: 96.5 },
    { week_start: '2025-11-10', percent_present: 84 },
  ],
};
const grades = {
  class_name: '5А',
  term: classes.terms[0],
  subjects: [
    { subject: 'mathematics', subject_name: 'Математика' },
    { subject: 'physics', subject_name: 'Физика' },
  ],
  rows: [{ student_id: 's1', name: 'Әлиев Арман', grades: [4, 2] }],
  distribution: [
    { subject: 'mathematics', subject_name: 'Математика', twos: 0, threes: 1, fours: 5, fives: 2 },
    { subject: 'physics', subject_name: 'Физика', twos: 1, threes: 2, fours: 3, fives: 2 },
  ],
};

async function openOversight() {
  const api = await openApp(person('deputy'), '#/oversight', {
    'GET /api/v1/oversight': { body: oversight },
    'GET /api/v1/journal/classes': { body: classes },
    'GET /api/v1/reports/attendance': { body: attendance },
    'GET /api/v1/reports/grades': { body: grades },
  });
  await appears('oversight-unfilled');
  return api;
}

afterEach(closeApp);

describe('oversight', () => {
  it('lists what is missing or late in the period', async () => {
    await openOversight();
    expect(get('oversight-unfilled').querySelectorAll('tbody tr')).toHaveLength(2);
    expect(get('oversight-without-topic-none')).toBeTruthy();
    expect(get('oversight-late-changes').textContent).toContain('a.seitkali');
    expect(get('oversight-late-changes').textContent).toContain('14.11.2025');
    expect(get('oversight-absent-streaks').textContent).toContain('10.11, 11.11, 12.11');
    // Each lesson leads to its register.
    expect(get('oversight-unfilled-open-1').getAttribute('href')).toBe('#/journal?class=c5a&subject=mathematics&term=q2');
  });

  it('shows a class’s attendance and grades, charts included', async () => {
    const api = await openOversight();
    await appears('report-grades');
    await appears('report-attendance');
    expect(api.sent.find((s) => s.url.startsWith('/api/v1/reports/grades'))?.url).toBe(
      '/api/v1/reports/grades?class_id=c5a&term_id=q2&format=json',
    );
    expect(api.sent.find((s) => s.url.startsWith('/api/v1/reports/attendance'))?.url).toMatch(
      /^\/api\/v1\/reports\/attendance\?class_id=c5a&from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&format=json$/,
    );
    expect(get('week-bars').querySelectorAll('rect')).toHaveLength(2);
    expect(get('week-bars').textContent).toContain('96,5');
    expect(get('grade-bars').querySelectorAll('rect').length).toBe(3 + 4 + 4);
    expect(get('report-attendance').textContent).toContain('90');
  });

  it('asks again for another period', async () => {
    const api = await openOversight();
    type('oversight-from', '2025-10-01');
    type('oversight-to', '2025-10-31');
    click('oversight-show');
    await vi.waitFor(() =>
      expect(api.sent.some((s) => s.url === '/api/v1/oversight?from=2025-10-01&to=2025-10-31')).toBe(true),
    );
    await vi.waitFor(() =>
      expect(
        api.sent.some((s) => s.url === '/api/v1/reports/attendance?class_id=c5a&from=2025-10-01&to=2025-10-31&format=json'),
      ).toBe(true),
    );
    expect(bodies(api, 'POST', '/api/v1/journal/marks')).toEqual([]);
  });
});
