// The timetable by keyboard, in real Chromium against `dala serve` on the demo school: the deputy picks up a
// lesson, carries it onto a cell where its teacher already teaches and sees the move refused in red with the
// rule named, puts it back, carries it to a free cell and drops it there — then asks the API what was stored,
// and opens the teaching load. The demo's timetable is generated, so the cells are found from it, not fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, demoSchool, logIn, origin, session, totp } from './harness.mjs';

demoSchool();

/** The timetable as the page's own session reads it. */
function timetable(page) {
  return page.evaluate(async () => {
    const token = sessionStorage.getItem('dala.session');
    const response = await fetch('/api/v1/timetable', { headers: { Authorization: `Bearer ${token}` } });
    return response.json();
  });
}

/** The arrow presses that carry a target from one cell to another. */
async function carry(page, from, to) {
  const across = to.day - from.day;
  const down = to.period - from.period;
  for (let i = 0; i < Math.abs(across); i++) await page.keyboard.press(across > 0 ? 'ArrowRight' : 'ArrowLeft');
  for (let i = 0; i < Math.abs(down); i++) await page.keyboard.press(down > 0 ? 'ArrowDown' : 'ArrowUp');
}

/** What the grid says about a drop on a cell, once the API has answered. */
async function verdict(page, cell) {
  const testid = `tt-cell-${cell.day}-${cell.period}`;
  await page.waitForFunction(
    (id) => ['ok', 'soft', 'hard', 'failed'].includes(document.querySelector(`[data-testid="${id}"]`)?.dataset.drop),
    testid,
  );
  return page.getByTestId(testid).getAttribute('data-drop');
}

test('the deputy moves a lesson by keyboard, is refused a clash, and opens the load', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${origin}/`);
  await logIn(page, 'deputy');
  // A deputy sets up the second factor at the first login.
  const secret = page.getByTestId('second-factor-secret');
  await secret.waitFor();
  await page.getByTestId('second-factor-code').fill(totp(await secret.getAttribute('data-secret')));
  await page.getByTestId('second-factor-submit').click();
  await page.getByTestId('nav-timetable').click();
  await page.getByTestId('tt-grid').waitFor();

  const before = await timetable(page);
  assert.ok(before.can_edit, 'the deputy may change the timetable');
  const busy = (cell, who) => before.lessons.some((l) => l.day === cell.day && l.period === cell.period && who(l));
  // A whole-class lesson whose teacher teaches another class at some other time: that time is a clash.
  let lesson = null;
  let clash = null;
  for (const l of before.lessons.filter((x) => x.subgroup === null)) {
    const other = before.lessons.find(
      (o) => o.teacher_id === l.teacher_id && o.class_id !== l.class_id && !(o.day === l.day && o.period === l.period),
    );
    if (other) {
      lesson = l;
      clash = { day: other.day, period: other.period };
      break;
    }
  }
  assert.ok(lesson, 'some teacher teaches two classes');
  const classId = lesson.class_id;
  await page.getByTestId('tt-entity').selectOption(classId);
  const card = page.getByTestId(`tt-lesson-${lesson.id}`);
  const home = { day: lesson.day, period: lesson.period };

  // Picked up with Space, carried onto the clash: red, with the rule in words; Enter is refused there.
  await card.focus();
  await page.keyboard.press('Space');
  await carry(page, home, clash);
  assert.equal(await verdict(page, clash), 'hard');
  await page.keyboard.press('Enter');
  const refusal = page.getByTestId('tt-move-error');
  await refusal.waitFor();
  assert.ok((await refusal.innerText()).trim().length > 10, 'the refusal names the rule');
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'timetable-clash-kk.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, `tt-lesson-${lesson.id}`);

  // Free cells for both the class and the teacher, nearest first; the first the API allows takes the lesson.
  const free = [];
  for (const day of before.days) {
    for (const { period } of before.periods) {
      const cell = { day, period };
      if (!busy(cell, (l) => l.class_id === classId) && !busy(cell, (l) => l.teacher_id === lesson.teacher_id)) free.push(cell);
    }
  }
  free.sort((a, b) => Math.abs(a.day - home.day) + Math.abs(a.period - home.period) - (Math.abs(b.day - home.day) + Math.abs(b.period - home.period)));
  assert.ok(free.length > 0, 'the class has a free period in the week');
  await card.focus();
  await page.keyboard.press('Space');
  let at = home;
  let target = null;
  for (const cell of free.slice(0, 8)) {
    await carry(page, at, cell);
    at = cell;
    const drop = await verdict(page, cell);
    if (drop === 'ok' || drop === 'soft') {
      target = cell;
      break;
    }
  }
  assert.ok(target, 'one of the free cells takes the lesson');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ({ cell, id }) => document.querySelector(`[data-testid="${cell}"]`)?.contains(document.querySelector(`[data-testid="${id}"]`)),
    { cell: `tt-cell-${target.day}-${target.period}`, id: `tt-lesson-${lesson.id}` },
  );
  assert.equal(await card.getAttribute('data-pinned'), 'true', 'a moved lesson is pinned');
  await page.screenshot({ path: join(artifacts, 'timetable-kk.png') });

  const after = await timetable(page);
  const stored = after.lessons.find((l) => l.id === lesson.id);
  assert.deepEqual({ day: stored.day, period: stored.period, pinned: stored.pinned }, { ...target, pinned: true });

  // The teaching load of the same school.
  await page.getByTestId('nav-load').click();
  await page.getByTestId('load-table').waitFor();
  assert.ok((await page.locator('[data-testid^="load-row-"]').count()) > 0, 'the demo teachers have a load');
  assert.ok((await page.getByTestId('load-total-weekly').innerText()).trim() !== '0');
  await page.screenshot({ path: join(artifacts, 'load-kk.png'), fullPage: true });
});
