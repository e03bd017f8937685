// A person's first minutes with Dala in a browser: log in, read the school in Kazakh, switch to
// Russian and back, find the choice kept for the next login (R17), log out. Real Chromium, a
// real `dala serve` on a demo school; the expected words come from the locales themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, demoSchool, logIn, message, port, root, session, totp } from './harness.mjs';

demoSchool();

test('a teacher logs in, reads Kazakh, switches language, finds it kept and logs out', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await assert.doesNotReject(page.getByTestId('login-form').waitFor());
  await logIn(page, 'teacher');

  const home = page.getByTestId('nav-home');
  await home.waitFor();
  assert.equal((await home.innerText()).trim(), message('kk', 'nav-home'));
  assert.match(await page.locator('body').innerText(), /[әғқңөұүһі]/i, 'the page is in Kazakh');

  await page.getByTestId('lang-ru').click();
  await page.waitForFunction((want) => document.querySelector('[data-testid=nav-home]')?.textContent?.trim() === want,
    message('ru', 'nav-home'));
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();

  await logIn(page, 'teacher');
  await home.waitFor();
  assert.equal((await home.innerText()).trim(), message('ru', 'nav-home'), 'the language is kept per account');
  await page.getByTestId('lang-kk').click();
  await page.waitForFunction((want) => document.querySelector('[data-testid=nav-home]')?.textContent?.trim() === want,
    message('kk', 'nav-home'));
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'home-kk.png') });

  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
  assert.equal(await page.getByTestId('nav-home').count(), 0, 'nothing of the school shows after logout');
});

test('a wrong password is refused in Kazakh and never reaches the page', async () => {
  const page = await session.browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByTestId('login-name').fill('director');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  const error = page.getByTestId('login-error');
  await error.waitFor();
  const errors = readFileSync(join(root, 'locales', 'kk', 'errors.ftl'), 'utf8');
  const expected = errors.split('\n').find((l) => l.startsWith('error-auth-invalid-credentials =')).split(' = ')[1];
  assert.ok((await error.innerText()).includes(expected.trim()));
  assert.ok(!(await page.content()).includes('not-the-password'));
});

test('a director sets up the second factor, then reaches the accounts', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await logIn(page, 'director');
  const secret = page.getByTestId('second-factor-secret');
  await secret.waitFor();
  assert.equal(await page.getByTestId('nav-accounts').count(), 0, 'nothing else before the second factor');
  await page.getByTestId('second-factor-code').fill(totp(await secret.getAttribute('data-secret')));
  await page.getByTestId('second-factor-submit').click();
  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('account-teacher').waitFor();
  await page.screenshot({ path: join(artifacts, 'accounts-kk.png') });
});
