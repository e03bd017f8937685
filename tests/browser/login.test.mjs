// A person's first minutes with Dala in a browser: log in, read the school in Kazakh, switch to
// Russian and back, find the choice kept for the next login (R17), log out. Real Chromium, a
// real `dala serve` on a demo school; the expected words come from the locales themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dala = process.env.DALA_BIN ?? join(root, 'target', 'debug', 'dala');
const password = 'browser-pass-2026';
const port = 18000 + Math.floor(Math.random() * 1000);
const artifacts = join(root, 'tests', 'browser', 'artifacts');

/** One message of a locale file, without placeables. */
function message(lang, id) {
  const text = readFileSync(join(root, 'locales', lang, 'ui.ftl'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${id} =`));
  assert.ok(line, `${id} exists in ${lang}`);
  return line.slice(id.length + 2).trim();
}

function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(dala, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dala ${args.join(' ')}: ${code}`))));
  });
}

let server;
let browser;

before(async () => {
  const data = join(mkdtempSync(join(tmpdir(), 'dala-browser-')), 'data');
  await run(['--data', data, 'demo', '--kind', 'school'], { DALA_PASSWORD: password });
  server = spawn(dala, ['--data', data, 'serve', '--port', String(port), '--ui', join(root, 'ui', 'dist')], {
    stdio: 'inherit',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/setup`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** RFC 6238: the code an authenticator app shows for a base32 secret now. */
function totp(base32, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hash = createHmac('sha1', key).update(counter).digest();
  const offset = hash[19] & 0xf;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function logIn(page, login) {
  await page.getByTestId('login-name').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').press('Enter');
}

test('a teacher logs in, reads Kazakh, switches language, finds it kept and logs out', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
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
  const page = await browser.newPage();
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
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
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
