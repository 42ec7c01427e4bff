/**
 * Embedding across origins, as a course site does it: host pages are served here from two other
 * origins (loopback ports), the lesson from the app's preview server. The host on the second
 * origin embeds a lesson with <kms-lesson> and drives it; a page on a third origin tries to drive
 * it and cannot; the plain iframe works without any script on the host.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { FIRST_LESSON } from './support/first-lesson';
import { seriousViolations } from './support/axe';

const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 4218);
const THIRD_PORT = Number(process.env.E2E_THIRD_PORT ?? 4228);
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const THIRD = `http://127.0.0.1:${THIRD_PORT}`;
const LESSON = FIRST_LESSON.id;

/** Pages of one origin, by path; every other path is a 404. */
function serve(port: number, pages: Record<string, (appOrigin: string) => string>, appOrigin: string): Promise<Server> {
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (!page) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(appOrigin));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const hostPages = {
  // A course page with <kms-lesson>: it records every event the element dispatches.
  '/course.html': (app: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course</title></head>
<body><main><h1>Course page</h1>
<kms-lesson lesson="${LESSON}" step="plain-http" controls="minimal"></kms-lesson>
<iframe title="Someone else's widget" src="${THIRD}/intruder.html" style="height:2em"></iframe>
</main>
<script src="${app}/embed.js"></script>
<script>
  window.received = [];
  const lesson = document.querySelector('kms-lesson');
  for (const type of ['ready', 'stepchange', 'answered', 'completed', 'error', 'xapi']) {
    lesson.addEventListener(type, (event) => window.received.push({ type, detail: event.detail }));
  }
</script></body></html>`,
  // The raw protocol, no loader: the page says hello itself and keeps every message it receives.
  '/raw.html': (app: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Raw</title></head>
<body><main><h1>Raw protocol</h1>
<iframe id="lesson" title="KMS Lab lesson" style="width:100%;height:600px;border:0"
  src="${app}/embed.html#/lessons/${LESSON}/plain-http?controls=none&parentOrigin=${encodeURIComponent(HOST)}"></iframe>
<iframe title="Someone else's widget" src="${THIRD}/intruder.html" style="height:2em"></iframe></main>
<script>
  window.messages = [];
  const lesson = document.getElementById('lesson');
  addEventListener('message', (event) => { if (event.source === lesson.contentWindow) window.messages.push(event.data); });
  window.send = (message) => lesson.contentWindow.postMessage({ ns: 'kms-lab', v: 1, ...message }, '${app}');
  lesson.addEventListener('load', () => window.send({ type: 'hello', payload: {} }));
</script></body></html>`,
  // A plain iframe, no script at all on the host.
  '/plain.html': (app: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Plain</title></head>
<body><main><h1>Plain iframe</h1>
<iframe title="KMS Lab lesson" style="width:100%;height:900px;border:0"
  src="${app}/embed.html#/lessons/${LESSON}/certificates?controls=full"></iframe></main></body></html>`,
};

const thirdPages = {
  // A frame from another origin inside the course page: it posts commands to the lesson frame and fake events to the host.
  '/intruder.html': () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Intruder</title></head><body>
<script>
  window.heard = [];
  addEventListener('message', (event) => window.heard.push(event.data));
  const msg = (type, payload, id) => ({ ns: 'kms-lab', v: 1, type, id, payload });
  // Commands to every frame of the page it sits in (a lesson frame among them, where one is reachable).
  window.attack = () => {
    for (let i = 0; i < parent.frames.length; i++) {
      const frame = parent.frames[i];
      if (frame === window) continue;
      frame.postMessage(msg('hello', {}), '*');
      frame.postMessage(msg('command', { name: 'goTo', args: ['server-holds-plaintext'] }, 'x1'), '*');
      frame.postMessage(msg('command', { name: 'next' }, 'x2'), '*');
    }
  };
  // Events made up for the host page, as if the lesson had sent them.
  window.fake = () => parent.postMessage(msg('stepchange', { lessonId: 'x', stepId: 'forged', title: 'Forged', index: 9, total: 9, completed: true }), '*');
</script></body></html>`,
  // A page of the third origin that embeds the lesson while claiming to be the course site.
  '/impostor.html': (app: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Impostor</title></head>
<body><iframe title="lesson" style="width:100%;height:600px"
  src="${app}/embed.html#/lessons/${LESSON}/plain-http?parentOrigin=${encodeURIComponent(HOST)}"></iframe>
<script>
  window.replies = [];
  addEventListener('message', (event) => window.replies.push(event.data));
  window.attack = () => {
    const frame = document.querySelector('iframe').contentWindow;
    frame.postMessage({ ns: 'kms-lab', v: 1, type: 'hello', payload: {} }, '*');
    frame.postMessage({ ns: 'kms-lab', v: 1, type: 'command', id: 'i1', payload: { name: 'next' } }, '*');
  };
</script></body></html>`,
};

interface Received {
  type: string;
  detail: Record<string, unknown>;
}

const test = base.extend<{ appOrigin: string; problems: string[] }>({
  appOrigin: async ({ baseURL }, use) => use(new URL(baseURL ?? 'http://127.0.0.1:4173').origin),
  // Console errors in any frame, and any request outside the three loopback origins of the test.
  problems: [
    async ({ page, appOrigin }, use) => {
      const problems: string[] = [];
      const allowed = new Set([appOrigin, HOST, THIRD]);
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith('data:') && !url.startsWith('blob:') && !allowed.has(new URL(url).origin)) problems.push(`request: ${url}`);
      });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

let servers: Server[] = [];
test.beforeAll(async ({ baseURL }) => {
  const app = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  servers = await Promise.all([serve(HOST_PORT, hostPages, app), serve(THIRD_PORT, thirdPages, app)]);
});
test.afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);
const lessonFrame = (page: Page) => page.frameLocator('kms-lesson iframe');
const frameHeight = (page: Page) => page.locator('kms-lesson iframe').evaluate((frame) => frame.getBoundingClientRect().height);

async function openCourse(page: Page): Promise<void> {
  await page.goto(`${HOST}/course.html`);
  await expect.poll(async () => (await received(page)).map((event) => event.type)).toContain('stepchange');
}

test('a host page on another origin embeds a lesson with <kms-lesson>, hears ready and stepchange, drives next() and reads getState()', async ({ page }) => {
  await openCourse(page);
  const events = await received(page);
  const ready = events.find((event) => event.type === 'ready');
  expect(ready?.detail).toMatchObject({ protocol: 1, lessonId: LESSON, lessonVersion: 1, mode: 'walkthrough', title: FIRST_LESSON.title });
  expect((ready?.detail.steps as { id: string }[])[0]?.id).toBe('plain-http');
  expect(events.find((event) => event.type === 'stepchange')?.detail).toMatchObject({ stepId: 'plain-http', index: 0, total: 8 });
  await expect(page.locator('kms-lesson iframe')).toHaveAttribute('title', `KMS Lab lesson: ${FIRST_LESSON.title}`);

  const state = await page.evaluate(() => (document.querySelector('kms-lesson') as unknown as { next(): Promise<unknown> }).next());
  expect(state).toMatchObject({ lessonId: LESSON, stepId: 'certificates', mode: 'walkthrough' });
  await expect(lessonFrame(page).getByRole('heading', { level: 2, name: /Certificates/ })).toBeVisible();
  await expect.poll(async () => (await received(page)).filter((e) => e.type === 'stepchange').map((e) => e.detail.stepId)).toContain('certificates');

  const read = await page.evaluate(() => (document.querySelector('kms-lesson') as unknown as { getState(): Promise<unknown> }).getState());
  expect(read).toMatchObject({ lessonId: LESSON, lessonVersion: 1, stepId: 'certificates' });
  expect((read as { completedSteps: string[] }).completedSteps).toEqual(expect.arrayContaining(['plain-http', 'certificates']));

  // setState is validated: a state of another lesson is refused with the lesson's reason
  const refused = await page.evaluate(() =>
    (document.querySelector('kms-lesson') as unknown as { setState(s: unknown): Promise<unknown> })
      .setState({ lessonId: 'key-types', lessonVersion: 1, stepId: 'x' })
      .then(() => 'accepted', (error: { code: string }) => error.code),
  );
  expect(refused).toBe('bad-state');
  const back = await page.evaluate((saved) => (document.querySelector('kms-lesson') as unknown as { setState(s: unknown): Promise<unknown> }).setState(saved), {
    ...(read as object),
    stepId: 'plain-http',
  });
  expect(back).toMatchObject({ stepId: 'plain-http' });
});

test('the iframe resizes to its content when the step changes', async ({ page }) => {
  await openCourse(page);
  // the first resize replaced the loader's provisional height with the content's own
  await expect.poll(() => frameHeight(page)).not.toBe(480);
  const contentHeight = () => lessonFrame(page).locator('.embed').evaluate((root) => Math.ceil(root.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight()))).toBeLessThanOrEqual(1);
  const before = await frameHeight(page);
  await page.evaluate(() => (document.querySelector('kms-lesson') as unknown as { goTo(id: string): Promise<unknown> }).goTo('tls-handshake'));
  await expect(lessonFrame(page).getByRole('heading', { level: 2, name: 'The TLS handshake' })).toBeVisible();
  await expect.poll(() => frameHeight(page), { timeout: 20_000 }).not.toBe(before);
  await expect.poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight()))).toBeLessThanOrEqual(1);
});

test('a frame from a third origin cannot drive a raw-protocol lesson, and hears nothing from it', async ({ page }) => {
  await page.goto(`${HOST}/raw.html`);
  const messages = () => page.evaluate(() => (window as unknown as { messages: { type: string; payload: Record<string, unknown>; replyTo?: string }[] }).messages);
  await expect.poll(async () => (await messages()).map((m) => m.type)).toContain('stepchange');
  const frame = page.frameLocator('#lesson');
  await expect(frame.getByRole('heading', { level: 2, name: 'A login over plain HTTP' })).toBeVisible();
  // controls=none: the host drives, the lesson shows no step buttons
  await expect(frame.getByRole('button', { name: 'Next step' })).toHaveCount(0);

  const intruder = page.frame({ url: `${THIRD}/intruder.html` });
  expect(intruder).toBeTruthy();
  await intruder!.evaluate(() => (window as unknown as { attack(): void }).attack());
  // the host's own command, sent after the attack, is answered from the step the lesson is still on
  await page.evaluate(() => (window as unknown as { send(m: object): void }).send({ type: 'command', id: 'h1', payload: { name: 'getState' } }));
  await expect.poll(async () => (await messages()).find((m) => m.replyTo === 'h1')?.payload).toMatchObject({ ok: true, result: { stepId: 'plain-http' } });
  expect((await messages()).filter((m) => m.replyTo === 'x1' || m.replyTo === 'x2')).toEqual([]);
  await expect(frame.getByRole('heading', { level: 2, name: 'A login over plain HTTP' })).toBeVisible();
  expect(await intruder!.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);

  // an unknown protocol version is refused with an error reply, to the host only
  await page.evaluate(() => (window as unknown as { send(m: object): void }).send({ v: 2, type: 'command', id: 'h2', payload: { name: 'next' } }));
  await expect.poll(async () => (await messages()).find((m) => m.replyTo === 'h2')).toMatchObject({ type: 'error', payload: { code: 'unsupported-version' } });
});

test('a frame from a third origin cannot fake the lesson\'s events to <kms-lesson>', async ({ page }) => {
  await openCourse(page);
  const before = (await received(page)).length;
  const intruder = page.frame({ url: `${THIRD}/intruder.html` });
  await intruder?.evaluate(() => (window as unknown as { attack(): void; fake(): void }).attack());
  await intruder?.evaluate(() => (window as unknown as { fake(): void }).fake());
  // a command the course page sends after the attack is answered first: the attack's would have been earlier
  const state = await page.evaluate(() => (document.querySelector('kms-lesson') as unknown as { getState(): Promise<unknown> }).getState());
  expect(state).toMatchObject({ stepId: 'plain-http' });
  await expect(lessonFrame(page).getByRole('heading', { level: 2, name: 'A login over plain HTTP' })).toBeVisible();
  const after = (await received(page)).slice(before);
  expect(after.filter((event) => event.detail.stepId === 'forged')).toEqual([]);
});

test('a page on a third origin that claims the course site as parentOrigin is not heard', async ({ page }) => {
  await page.goto(`${THIRD}/impostor.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 2, name: 'A login over plain HTTP' })).toBeVisible();
  await page.evaluate(() => (window as unknown as { attack(): void }).attack());
  await page.waitForTimeout(1_000);
  await expect(frame.getByRole('heading', { level: 2, name: 'A login over plain HTTP' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { replies: unknown[] }).replies)).toEqual([]);
});

test('a plain iframe with no script on the host shows the lesson; its keys work only while it has focus', async ({ page }) => {
  await page.goto(`${HOST}/plain.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 2, name: /Certificates/ })).toBeVisible();
  await expect(frame.getByRole('heading', { level: 1, name: FIRST_LESSON.title })).toBeVisible();
  // no site header inside the embed
  await expect(frame.getByRole('link', { name: 'All lessons' })).toHaveCount(0);
  // keys belong to the host page until the lesson has focus
  await page.getByRole('heading', { name: 'Plain iframe' }).click();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await expect(frame.getByRole('heading', { level: 2, name: /Certificates/ })).toBeVisible();
  await frame.getByRole('heading', { level: 1, name: FIRST_LESSON.title }).click();
  await page.keyboard.press('ArrowRight');
  await expect(frame.getByRole('heading', { level: 2, name: 'The TLS handshake' })).toBeVisible();
  await frame.getByRole('button', { name: 'Previous step' }).press('Enter');
  await expect(frame.getByRole('heading', { level: 2, name: /Certificates/ })).toBeVisible();
});

test.describe('embed.html itself', () => {
  // axe is injected as an inline script, which the page's Content-Security-Policy rightly refuses.
  test.use({ bypassCSP: true });

  test('embed.html is axe clean, wide and narrow, and its layout follows the frame width', async ({ page, appOrigin }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${appOrigin}/embed.html#/lessons/${LESSON}/certificates`);
    await expect(page.getByRole('heading', { level: 2, name: /Certificates/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const side = async () => {
      const [prose, sim] = await Promise.all([
        page.locator('.prose-pane').boundingBox(),
        page.locator('.sim-pane').boundingBox(),
      ]);
      return prose && sim ? sim.x > prose.x + prose.width - 1 : false;
    };
    expect(await side()).toBe(true);
    await page.setViewportSize({ width: 420, height: 900 });
    await expect.poll(side).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('embed.html in the dark theme is axe clean', async ({ page, appOrigin }) => {
    await page.goto(`${appOrigin}/embed.html#/lessons/${LESSON}/send-your-own?theme=dark&controls=minimal`);
    await expect(page.getByRole('heading', { level: 2, name: /Your turn/ })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('quiz mode reports each graded answer', async ({ page }) => {
  await page.goto(`${HOST}/course.html`);
  await expect.poll(async () => (await received(page)).map((event) => event.type)).toContain('ready');
  await page.evaluate(() => document.querySelector('kms-lesson')?.setAttribute('mode', 'quiz'));
  const frame = lessonFrame(page);
  await expect(frame.getByRole('heading', { level: 1, name: `Quiz: ${FIRST_LESSON.title}` })).toBeVisible();
  const first = frame.locator('ol.questions > li').first();
  const choice = first.locator('input[type=radio], input[type=checkbox]').first();
  if ((await choice.count()) > 0) await choice.check(); // an ordering question starts with an answer
  await first.getByRole('button', { name: 'Submit answer 1' }).click();
  await expect.poll(async () => (await received(page)).filter((event) => event.type === 'answered').length).toBe(1);
  const answered = (await received(page)).find((event) => event.type === 'answered');
  expect(answered?.detail).toMatchObject({ lessonId: LESSON, attempt: 1, maxScore: 1 });
});

test('sandbox mode embeds the KMS console and terminal; step commands say they have no steps', async ({ page }) => {
  await page.goto(`${HOST}/course.html`);
  await expect.poll(async () => (await received(page)).map((event) => event.type)).toContain('ready');
  await page.evaluate(() => document.querySelector('kms-lesson')?.setAttribute('mode', 'sandbox'));
  await expect(lessonFrame(page).getByRole('heading', { level: 1, name: 'KMS sandbox' })).toBeVisible();
  await expect.poll(async () => (await received(page)).filter((event) => event.type === 'ready').at(-1)?.detail.mode).toBe('sandbox');
  const refused = await page.evaluate(() =>
    (document.querySelector('kms-lesson') as unknown as { next(): Promise<unknown> }).next().then(() => 'moved', (error: { code: string }) => error.code),
  );
  expect(refused).toBe('not-in-this-mode');
});

test.describe('the demo host page', () => {
  test.use({ bypassCSP: true });

  test('drives the lesson with its own buttons, logs what it hears, and is accessible', async ({ page, context, appOrigin }) => {
    await page.goto(`${appOrigin}/embed-demo.html`);
    const log = page.getByRole('log');
    await expect(log).toContainText('ready {"protocol":1,"lessonId":"encryption-in-flight"');
    await expect(page.getByRole('status')).toContainText('Step 1 of 8: A login over plain HTTP');
    expect(await seriousViolations(page, 'header, fieldset, aside')).toEqual([]);

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Step 2 of 8');
    await expect(page.getByLabel('Go to')).toHaveValue('certificates');

    await page.getByRole('button', { name: 'Get state' }).click();
    await expect(page.locator('#state')).toContainText('"stepId": "certificates"');
    await page.getByLabel('Go to').selectOption('tls-handshake');
    await expect(page.getByRole('status')).toContainText('Step 3 of 8');
    await page.getByRole('button', { name: 'Restore saved state' }).click();
    await expect(page.getByRole('status')).toContainText('Step 2 of 8');

    await page.getByLabel('Theme').selectOption('dark');
    await expect(lessonFrame(page).locator('html')).toHaveAttribute('data-theme', 'dark');

    await page.getByLabel('xAPI statements').check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(log).toContainText('http://adlnet.gov/expapi/verbs/progressed');

    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open the presenter view' }).click()]);
    expect(tab.url()).toBe(`${appOrigin}/#/present/${LESSON}/tls-handshake`);
    await tab.close();
  });
});

test('embed.js is one small script with no Svelte in it, under a stable name', async ({ request, appOrigin }) => {
  const response = await request.get(`${appOrigin}/embed.js`);
  expect(response.ok()).toBe(true);
  const body = await response.body();
  expect(gzipSync(body, { level: 9 }).length).toBeLessThanOrEqual(5_000);
  const text = body.toString('utf8');
  expect(text).not.toMatch(/svelte/i);
  expect(text).not.toMatch(/\bimport\s*\(|^import /m); // self-contained: a host page fetches nothing else
});
