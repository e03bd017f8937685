// The desktop app end to end: the real dala-desktop binary in its WebKitGTK window, driven over
// WebDriver by tauri-driver, on an empty data folder. It walks the first run the way a director
// does — the wizard, the recovery key, the login and its second factor — and ends on the Kazakh home screen, with a
// screenshot left in artifacts/ for a human to look at.
//
// It speaks the W3C WebDriver protocol with Node's own fetch: the dozen commands it needs are
// plain JSON over HTTP, and a client library would be the only npm dependency of this folder.
// Run it through scripts/desktop-e2e, which builds the app and provides DALA_DATA and a display.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const application = resolve(process.env.DALA_DESKTOP_BIN ?? join(root, 'target/debug/dala-desktop'));
const dataDir = process.env.DALA_DATA;
const port = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
const driverUrl = `http://127.0.0.1:${port}`;
const screenshot = join(here, 'artifacts/desktop.png');

const ORG = 'Ақсу мектебі';
const LOGIN = 'director';
const PASSWORD = 'desktop-pass-1';
// Letters Kazakh has and Russian does not: proof the screen speaks Kazakh, not just Cyrillic.
const KAZAKH = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

assert.ok(dataDir, 'DALA_DATA must name an empty temporary folder');
assert.deepEqual(readdirSync(dataDir), [], `${dataDir} must be empty`);

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function wd(method, path, body) {
  const response = await fetch(driverUrl + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    const error = new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    error.code = json.value?.error;
    throw error;
  }
  return json.value;
}

/** Polls until `probe` returns something truthy, or fails with what it was waiting for. */
async function until(what, probe, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last: ${last.message})` : ''}`);
}

class Session {
  constructor(id) {
    this.id = id;
  }
  call(method, path, body) {
    return wd(method, `/session/${this.id}${path}`, body);
  }
  script(source, ...args) {
    return this.call('POST', '/execute/sync', { script: source, args });
  }
  /** Runs `source` with its arguments and a `done` callback as the last one. */
  asyncScript(source, ...args) {
    return this.call('POST', '/execute/async', { script: source, args });
  }
  async find(testid) {
    const found = await this.call('POST', '/element', {
      using: 'css selector',
      value: `[data-testid="${testid}"]`,
    });
    return found[ELEMENT];
  }
  waitFor(testid, timeoutMs) {
    return until(`[data-testid="${testid}"]`, () => this.find(testid), timeoutMs);
  }
  async click(testid) {
    const element = await this.waitFor(testid);
    await this.call('POST', `/element/${element}/click`, {});
  }
  async type(testid, text) {
    const element = await this.waitFor(testid);
    await this.call('POST', `/element/${element}/clear`, {});
    await this.call('POST', `/element/${element}/value`, { text });
    const value = await this.call('GET', `/element/${element}/property/value`);
    assert.equal(value, text, `typing into ${testid}`);
  }
  async text(testid) {
    const element = await this.waitFor(testid);
    return this.call('GET', `/element/${element}/text`);
  }
}

/** The authenticator app's code now (RFC 6238: HMAC-SHA1, 30-second steps, six digits). */
function totp(base32) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(c);
    assert.ok(value >= 0, `base32 secret ${base32}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
  const hash = createHmac('sha1', key).update(counter).digest();
  const offset = hash[19] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A second start of the app hands over to the running one and exits, leaving one window. */
async function secondLaunch(session) {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    console.log('second launch: skipped, no D-Bus session bus (single instance needs one on Linux)');
    return;
  }
  const second = spawn(application, [], { stdio: 'inherit' });
  const exit = await Promise.race([
    new Promise((done) => second.on('exit', (code, signal) => done({ code, signal }))),
    // Unref'd, so a quick exit does not keep the test waiting out the timer.
    new Promise((done) => setTimeout(() => done({ timeout: true }), 20000).unref()),
  ]);
  if (exit.timeout) second.kill();
  assert.deepEqual(exit, { code: 0, signal: null }, 'the second launch exits at once');
  const handles = await session.call('GET', '/window/handles');
  assert.equal(handles.length, 1, 'one window');
  assert.ok(await session.find('home-greeting'), 'the first window carries on');
  console.log('second launch: handed over to the running window');
}

function startDriver() {
  const args = ['--port', String(port), '--native-port', String(port + 1)];
  const driver = spawn(process.env.TAURI_DRIVER ?? 'tauri-driver', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  driver.on('error', (error) => {
    console.error(`tauri-driver: ${error.message}`);
    process.exit(1);
  });
  return driver;
}

async function main() {
  const driver = startDriver();
  let session;
  try {
    await until('tauri-driver', async () => (await wd('GET', '/status')).ready !== undefined, 15000);
    const created = await wd('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application } } },
    });
    session = new Session(created.sessionId);
    console.log(`session ${session.id} on ${application}`);

    // The window loads the UI from the scheme, and /api goes to dala-api through the same scheme.
    const href = await until('the UI to load', () => session.script('return location.href'));
    assert.match(href, /^(dala:\/\/localhost|http:\/\/dala\.localhost)\//, 'the window URL');
    const get = (path) =>
      session.asyncScript(
        `const done = arguments[arguments.length - 1];
         fetch(arguments[0]).then(async (r) => done({ status: r.status, body: await r.json() }),
                                  (e) => done({ error: String(e) }));`,
        path,
      );
    assert.deepEqual(await get('/api/v1/setup'), { status: 200, body: { initialised: false } });
    const unknown = await get('/api/v1/no-such-thing');
    assert.equal(unknown.status, 404, JSON.stringify(unknown));
    assert.equal(unknown.body.code, 'api.not_found');

    // The page runs under the CSP of tauri.conf.json, and its only way into Rust is the scheme:
    // no IPC command is permitted to it (R5.3).
    const guard = await session.asyncScript(`
      const done = arguments[arguments.length - 1];
      const out = {};
      try { out.eval = eval('1 + 1'); } catch { out.eval = 'refused'; }
      fetch('/').then(async (r) => {
        out.csp = r.headers.get('content-security-policy');
        try {
          await window.__TAURI_INTERNALS__.invoke('plugin:window|set_title', { label: 'main', value: 'x' });
          out.ipc = 'allowed';
        } catch {
          out.ipc = 'refused';
        }
        done(out);
      }, (e) => done({ error: String(e) }));
    `);
    assert.match(guard.csp ?? '', /script-src 'self'/, `CSP of index.html: ${guard.csp}`);
    assert.doesNotMatch(guard.csp, /unsafe-eval/);
    assert.equal(guard.eval, 'refused', 'eval under the CSP');
    assert.equal(guard.ipc, 'refused', 'an IPC command from the page');

    // The first-run wizard.
    await session.waitFor('setup-form', 30000);
    await session.click('setup-kind-school');
    await session.type('setup-name', ORG);
    await session.type('setup-login', LOGIN);
    await session.type('setup-password', PASSWORD);
    await session.type('setup-password-repeat', PASSWORD);
    await session.click('setup-submit');

    // The recovery key, shown once; going on needs the "printed" box ticked.
    const key = await until('the recovery key', () => session.text('recovery-key'), 30000);
    assert.match(key.replace(/\s/g, ''), /^[A-Z0-9]+(-[A-Z0-9]+){3,}$/, `recovery key ${key}`);
    const continueButton = await session.find('setup-continue');
    assert.equal(await session.call('GET', `/element/${continueButton}/enabled`), false);
    await session.click('recovery-printed');
    await until('Continue to enable', () => session.call('GET', `/element/${continueButton}/enabled`));
    await session.click('setup-continue');

    // The login, the wizard's login already filled in.
    const name = await session.waitFor('login-name');
    const prefilled = await session.call('GET', `/element/${name}/property/value`);
    if (prefilled !== LOGIN) await session.type('login-name', LOGIN);
    await session.type('login-password', PASSWORD);
    await session.click('login-submit');

    // A director sets up the second factor at the first login (R5.11): the test is the phone.
    const secretElement = await session.waitFor('second-factor-secret', 30000);
    const secret = await session.call('GET', `/element/${secretElement}/attribute/data-secret`);
    await session.type('second-factor-code', totp(secret));
    await session.click('second-factor-submit');

    // Home, in Kazakh.
    const greeting = await until('the home screen', () => session.text('home-greeting'), 30000);
    assert.match(greeting, KAZAKH, `greeting "${greeting}" is Kazakh`);
    assert.match(greeting, new RegExp(LOGIN));
    // textContent, not the WebDriver text: WebKit's driver leaves out the name's span, which
    // clips with an ellipsis, although the window shows it.
    const orgName = await session.script(
      'return document.querySelector(\'[data-testid="org-name"]\').textContent',
    );
    assert.match(orgName, new RegExp(ORG), 'the organisation in the top bar');
    console.log(`home: "${greeting}" — ${orgName.trim()}`);

    mkdirSync(dirname(screenshot), { recursive: true });
    writeFileSync(screenshot, Buffer.from(await session.call('GET', '/screenshot'), 'base64'));
    const png = readFileSync(screenshot);
    assert.ok(png.length > 1000, `screenshot is ${png.length} bytes`);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    console.log(`screenshot: ${screenshot} (${png.length} bytes)`);

    await secondLaunch(session);

    // The store went where DALA_DATA said, not into the user's app-data folder.
    assert.notDeepEqual(readdirSync(dataDir), [], `the store is in ${dataDir}`);
  } catch (error) {
    // What the window showed when it went wrong, for whoever reads the CI log.
    if (session) {
      const shot = await session.call('GET', '/screenshot').catch(() => null);
      if (shot) {
        mkdirSync(dirname(screenshot), { recursive: true });
        writeFileSync(join(dirname(screenshot), 'failure.png'), Buffer.from(shot, 'base64'));
      }
      const text = await session.script('return document.body.innerText').catch(() => '');
      console.error(`the window showed:\n${text}\n(artifacts/failure.png)`);
    }
    throw error;
  } finally {
    if (session) await session.call('DELETE', '').catch(() => {});
    driver.kill();
  }
}

main().then(
  () => console.log('desktop e2e: ok'),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
