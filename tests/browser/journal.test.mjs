// The teacher's journal by keyboard only, in real Chromium against `dala serve` on the demo school:
// take the lesson's attendance, type marks, undo one, and watch the term grade change — then ask the
// API what was stored. The lesson is added through the API first, in a period the demo leaves free,
// so the test does not depend on the weekday it runs on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { api, artifacts, demoSchool, logIn, origin, password, session } from './harness.mjs';

demoSchool();

/** Waits until no cell of the grid waits to be saved. */
async function saved(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid^=cell-][data-state=pending]'));
}

test('a teacher marks a register by keyboard only and sees the grades change', async () => {
  const { body: login } = await api('POST', '/session', null, { login: 'teacher', password });
  const token = login.token;
  const { body: list } = await api('GET', '/journal/classes', token);
  const klass = list.classes.find((c) => c.graded);
  const term = list.terms.find((t) => t.id === list.current_term_id);
  const today = new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
  const date = today < term.ends ? today : term.ends;
  const lesson = await api('POST', '/journal/lessons', token, {
    class_id: klass.class_id, subject: 'mathematics', term_id: term.id, date, period: 12,
    topic: null, homework: null, kind: 'ordinary', max_score: null,
  });
  assert.equal(lesson.status, 200, JSON.stringify(lesson.body));
  const journalPath = `/journal?class_id=${klass.class_id}&subject=mathematics&term_id=${term.id}`;
  const { body: before } = await api('GET', journalPath, token);
  const column = before.lessons.findIndex((l) => l.id === lesson.body.id);
  assert.ok(column >= 0);

  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${origin}/`);
  await logIn(page, 'teacher');
  await page.getByTestId('nav-home').waitFor();
  await page.goto(`${origin}/#/journal?class=${klass.class_id}&subject=mathematics&term=${term.id}`);
  const first = page.getByTestId(`cell-0-${column}`);
  await first.waitFor();
  const fo = page.getByTestId('grade-1-fo');
  const foBefore = (await fo.innerText()).trim();

  // The keyboard from here on: the first pupil absent (letter, Enter), the second a 1, the third a 9.
  await first.focus();
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.keyboard.press('9');
  await page.keyboard.press('Enter');
  await saved(page);
  assert.equal(await first.getAttribute('data-attendance'), 'absent');
  assert.equal(await page.getByTestId(`cell-1-${column}`).getAttribute('data-value'), '1');
  await page.waitForFunction((was) => document.querySelector('[data-testid=grade-1-fo]')?.textContent?.trim() !== was, foBefore);

  // Ctrl+Z takes back the last mark: the third pupil's 9.
  await page.keyboard.press('Control+z');
  await saved(page);
  await page.waitForFunction((col) => document.querySelector(`[data-testid=cell-2-${col}]`)?.getAttribute('data-value') === '', column);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'journal-kk.png') });

  const { body: after } = await api('GET', journalPath, token);
  const mark = (row) => after.marks.find((m) => m.lesson_id === lesson.body.id && m.student_id === after.students[row].id);
  assert.equal(mark(0)?.attendance, 'absent');
  assert.equal(mark(1)?.score, 1);
  assert.equal(mark(2)?.score ?? null, null, 'the undone mark is not stored');
  assert.ok(after.lessons[column].taken, 'saving took the lesson\'s attendance');
  const grade = after.grades.find((g) => g.student_id === after.students[1].id);
  assert.notEqual(String(grade.formative_percent), String(before.grades.find((g) => g.student_id === after.students[1].id).formative_percent));
});
