// What the browser tests share: a demo school served by a real `dala serve`, Debian's Chromium, the
// locales' own words, and the ways a person logs in (with an authenticator's code when asked).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dala = process.env.DALA_BIN ?? join(root, 'target', 'debug', 'dala');
export const password = 'browser-pass-2026';
export const port = 18000 + Math.floor(Math.random() * 1000);
export const artifacts = join(root, 'tests', 'browser', 'artifacts');
export const origin = `http://127.0.0.1:${port}`;

/** One message of a locale file, without placeables. */
export function message(lang, id, file = 'ui.ftl') {
  const text = readFileSync(join(root, 'locales', lang, file), 'utf8');
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
export const session = { browser: null };

/** Registers the demo school, the server and the browser around the tests of the calling file. */
export function demoSchool() {
  before(async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'dala-browser-')), 'data');
    await run(['--data', data, 'demo', '--kind', 'school'], { DALA_PASSWORD: password });
    server = spawn(dala, ['--data', data, 'serve', '--port', String(port), '--ui', join(root, 'ui', 'dist')], {
      stdio: 'inherit',
    });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${origin}/api/v1/setup`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    session.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await session.browser?.close();
    server?.kill();
  });
}

/** RFC 6238: the code an authenticator app shows for a base32 secret now. */
export function totp(base32, at = Date.now()) {
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

export async function logIn(page, login) {
  await page.getByTestId('login-name').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').press('Enter');
}

/** The API as a script sees it, for setting up what a test then does by hand. */
export async function api(method, path, token, body) {
  const response = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
