// @vitest-environment happy-dom
// A parent's view of their children's term, and a pupil's own, in a simulated DOM.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appears, choose, closeApp, find, get, openApp, person } from '../test-app';

const terms = [
  { id: 'q1', number: 1, starts: '2025-09-01', ends: '2025-10-26' },
  { id: 'q2', number: 2, starts: '2025-11-03', ends: '2025-12-28' },
];
const child = (student_id: string, name: string) => ({
  student_id,
  name,
  class_name: '5А',
  subjects: [
    {
      subject: 'mathematics',
      subject_name: 'Математика',
      grade: { student_id, formative_percent: 80, sor_percent: 75, soch_percent: 70, total_percent: 73.8, grade: 4 },
      marks: [
        { date: '2025-11-10', kind: 'ordinary', attendance: null, score: 8, max_score: null, topic: 'Бөлшектер' },
        { date: '2025-11-12', kind: 'sor', attendance: null, score: 15, max_score: 20, topic: null },
        { date: '2025-11-14', kind: 'ordinary', attendance: 'absent', score: null, max_score: null, topic: null },
      ],
    },
  ],
  homework: [{ date: '2025-11-14', subject_name: 'Математика', homework: '§12, 3–5 есептер' }],
  attendance: { lessons: 40, absent: 1, ill: 2, excused: 0, late: 1 },
});

afterEach(closeApp);

describe('my journal', () => {
  it('shows a parent each child’s marks, grade, homework and attendance, and another term on request', async () => {
    const api = await openApp(person('parent'), '#/my-journal', {
      'GET /api/v1/me/journal': (sent) => ({
        body: {
          terms,
          term_id: sent.url.includes('term_id=q1') ? 'q1' : 'q2',
          children: [child('s1', 'Әлиев Арман'), child('s2', 'Әлиева Дана')],
        },
      }),
    });
    await appears('child-1');
    expect(get('child-0').textContent).toContain('Әлиев Арман');
    expect(get('child-0-grade-mathematics').textContent).toBe('4');
    expect(get('child-0-subjects').textContent).toContain('73,8');
    expect(get('child-0-subjects').textContent).toContain('15/20');
    expect(get('child-0-subjects').textContent).toContain('ж');
    expect(get('child-0-homework-list').textContent).toContain('§12, 3–5 есептер');
    expect(get('child-0-attendance-totals').textContent).toContain('40');
    expect(location.hash).toBe('#/my-journal?term=q2');

    choose('my-journal-term', 'q1');
    await vi.waitFor(() => expect(api.sent.some((s) => s.url === '/api/v1/me/journal?term_id=q1')).toBe(true));
    await vi.waitFor(() => expect(location.hash).toBe('#/my-journal?term=q1'));
  });

  it('is for pupils and parents of a school only', async () => {
    await openApp(person('student'), '', {});
    await appears('nav-my-journal');
    expect(find('nav-journal')).toBeNull();
    closeApp();
    await openApp(person('parent', 'kindergarten'), '#/my-journal', {});
    await appears('page-home');
    expect(find('nav-my-journal')).toBeNull();
  });
});
