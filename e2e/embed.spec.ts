// Embedding the lab in course pages served from other origins than the app:
// the example course page (public/course-example.html) on http://localhost,
// the app on http://127.0.0.1 — different hosts, so different origins, as a
// course site and a lab host are. Frames follow their lab's height, the
// message API loads lessons and answers commands, and pages the embedding
// URL does not allow get nothing done. Also: the compact layout at 320 px,
// the app under a sub-path, and the Embed dialog's snippet pasted into a page.

import { expect, test } from '@playwright/test';
import { CoursePage, EmbedDialog, EmbeddedLab, StaticServer } from './pages/Embed';
import { LabPage } from './pages/LabPage';
import { LessonList } from './pages/Lessons';

/** The course site: http://localhost:7491 (another origin than the app's http://127.0.0.1:<port>). */
const COURSE_PORT = 7491;
/** A stranger: http://127.0.0.1:7492, a third origin. */
const STRANGER_PORT = 7492;
/** The build again, under a sub-path: http://127.0.0.1:7493/courses/redis-lab/. */
const SUBPATH_PORT = 7493;
const SUBPATH = '/courses/redis-lab/';

/** A page of another origin that, framed inside a course page, tries to drive the course page's first lab. */
const STRANGER_PAGE = `<!doctype html><title>stranger</title>
<script>
  window.answers = [];
  window.addEventListener('message', (e) => window.answers.push(e.data));
  setTimeout(() => {
    const lab = parent.frames[0];
    lab.postMessage({ type: 'replica-lab:load', id: 1, lesson: 'link-drops' }, '*');
    lab.postMessage({ type: 'replica-lab:command', id: 2, node: 'm', command: 'SET stolen 1' }, '*');
    lab.postMessage({ type: 'replica-lab:state', id: 3 }, '*');
    document.title = 'sent';
  }, 300);
</script>`;

let course: StaticServer;
let stranger: StaticServer;

test.beforeAll(async () => {
  course = await StaticServer.start({ port: COURSE_PORT, pages: {} });
  stranger = await StaticServer.start({ port: STRANGER_PORT, pages: { '/stranger.html': STRANGER_PAGE } });
});

test.afterAll(async () => {
  await course?.close();
  await stranger?.close();
});

/** Both numbers within a pixel: the frame is as tall as the lab in it. */
async function expectFrameFitsLab(lab: EmbeddedLab): Promise<void> {
  await expect
    .poll(async () => {
      const h = await lab.height();
      return h === null ? Number.POSITIVE_INFINITY : Math.abs(h - (await lab.contentHeight()));
    })
    .toBeLessThanOrEqual(1);
}

test('a course page on another origin: frames follow their lab’s height, lessons load and commands are answered through messages', async ({ page, baseURL }) => {
  const app = `${baseURL}/`;
  const cp = new CoursePage(page);
  await cp.open(course.url('/course-example.html', 'localhost'), app);
  expect(new URL(page.url()).origin).not.toBe(new URL(app).origin);
  await cp.lab1.waitForLab();
  await cp.lab2.waitForLab();

  // Lab 1 opened lesson 1 from its URL; lab 2 the chain preset. Each frame is as tall as its lab.
  await expect(cp.lab1.lessonPanel).toHaveAttribute('data-lesson', 'what-is-replication');
  await expect(cp.lab2.frame.locator('[data-node="r2"]')).toHaveAttribute('data-role', 'replica');
  await expectFrameFitsLab(cp.lab1);
  await expectFrameFitsLab(cp.lab2);
  await expect(cp.log1).toContainText('ready');

  // A lesson loaded into lab 2 by the page's script makes that lab taller; its frame follows.
  const lab2Before = (await cp.lab2.height())!;
  expect(await cp.lab2.request({ type: 'replica-lab:load', lesson: 'the-first-sync' })).toEqual({ type: 'replica-lab:loaded', id: 'req-1', lesson: 'the-first-sync' });
  await expect(cp.lab2.lessonPanel).toHaveAttribute('data-lesson', 'the-first-sync');
  await expect.poll(() => cp.lab2.height()).not.toBe(lab2Before);
  await expectFrameFitsLab(cp.lab2);

  // The page's buttons: load another lesson, type a command, ask for the state.
  await cp.control('lab1-load-lesson2').click();
  await expect(cp.lab1.lessonPanel).toHaveAttribute('data-lesson', 'replicas-are-read-only');
  await expect(cp.log1).toContainText('loaded lesson replicas-are-read-only');

  await cp.control('lab1-command').click();
  await expect(cp.log1).toContainText('m> SET course:visits 1\nOK');
  expect(await cp.lab1.consoleLines()).toEqual(['m> SET course:visits 1']);
  // The learner sees it in m's console, with its reply.
  await expect(cp.lab1.frame.locator('.panels-console-entry').last()).toContainText('SET course:visits 1');

  await cp.control('lab1-state').click();
  await expect(cp.log1).toContainText(/state at [\d.]+ s.*m master up offset \d+ keys 1.*lesson replicas-are-read-only, step 1 of \d+/);

  await cp.control('lab2-default').click();
  await expect(cp.log2).toContainText('loaded preset default');
  await expect(cp.lab2.lessonPanel).toHaveCount(0);
  await cp.control('lab2-info').click();
  await expect(cp.log2).toContainText(/r2> INFO replication\n# Replication\nrole:slave/);

  // A malformed message from the allowed page is answered with the reason.
  expect(await cp.lab1.request({ type: 'replica-lab:command', node: 'm' })).toMatchObject({ type: 'rejected', message: expect.stringContaining('bad-message') });
  expect(await cp.lab1.request({ type: 'replica-lab:load', lesson: 'no-such-lesson' })).toMatchObject({ type: 'rejected', message: 'unknown-lesson: no lesson "no-such-lesson"' });
  await page.screenshot({ path: 'e2e/output/embed-course-page.png', fullPage: true });
});

test('a page from an origin the embedding URL does not allow gets nothing done, and no height', async ({ page, baseURL }) => {
  const cp = new CoursePage(page);
  // The frames allow the stranger's origin only; this page (localhost) is not it.
  await cp.open(course.url('/course-example.html', 'localhost'), `${baseURL}/`, stranger.url('').replace(/\/$/, ''));
  await cp.lab1.waitForLab();
  await expect(cp.lab1.lessonPanel).toHaveAttribute('data-lesson', 'what-is-replication');
  const generation = await cp.lab1.worldGeneration();

  await cp.control('lab1-load-lesson2').click();
  await cp.control('lab1-command').click();
  await cp.control('lab1-state').click();
  // And without the helper, to any origin:
  await page.evaluate(() => {
    const lab = window.frames[0];
    lab.postMessage({ type: 'replica-lab:command', node: 'm', command: 'SET direct 1' }, '*');
    lab.postMessage({ type: 'replica-lab:load', preset: 'chain' }, '*');
  });
  // Many round trips' worth of time for anything to happen.
  await page.waitForTimeout(2000);
  await expect(cp.lab1.lessonPanel).toHaveAttribute('data-lesson', 'what-is-replication');
  expect(await cp.lab1.consoleLines()).toEqual([]);
  expect(await cp.lab1.worldGeneration()).toBe(generation);
  await expect(cp.log1).not.toContainText(/loaded|OK|state at/);
  // The lab does not even tell this page its height.
  expect(await cp.lab1.height()).toBeNull();
});

test('a stranger’s frame inside an allowed course page cannot drive its labs', async ({ page, baseURL }) => {
  const cp = new CoursePage(page);
  await cp.open(course.url('/course-example.html', 'localhost'), `${baseURL}/`);
  await cp.lab1.waitForLab();
  await expect(cp.lab1.lessonPanel).toHaveAttribute('data-lesson', 'what-is-replication');
  const generation = await cp.lab1.worldGeneration();

  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.name = 'stranger';
    document.body.append(f);
  }, stranger.url('/stranger.html'));
  const strangerFrame = async () => (await page.locator('iframe[name="stranger"]').elementHandle())?.contentFrame();
  await expect.poll(async () => (await strangerFrame())?.title()).toBe('sent');
  await page.waitForTimeout(2000);

  await expect(cp.lab1.lessonPanel).toHaveAttribute('data-lesson', 'what-is-replication');
  expect(await cp.lab1.consoleLines()).toEqual([]);
  expect(await cp.lab1.worldGeneration()).toBe(generation);
  const answers = await (await strangerFrame())!.evaluate(() => (window as unknown as { answers: unknown[] }).answers);
  expect(answers).toEqual([]);
  // The allowed page itself still gets answers.
  expect(await cp.lab1.request({ type: 'replica-lab:state' })).toMatchObject({ type: 'replica-lab:state', lesson: { id: 'what-is-replication' } });
});

test('embedded at 320 px wide: the compact lab, nothing sideways', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  const lab = new LabPage(page);
  for (const query of ['?embed=1&lang=en', '?embed=1&lang=ko', '?embed=1&lang=en&lesson=link-drops']) {
    await lab.open(query);
    await expect(page.locator('.app.app-embed')).toBeVisible();
    await expect(page.locator('.tagline')).toHaveCount(0);
    await expect(page.getByTestId('share-button')).toBeHidden();
    await expect(page.getByTestId('embed-button')).toBeHidden();
    expect(await lab.horizontalOverflowPx(), query).toBeLessThanOrEqual(0);
  }
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await lab.spacetimeViewButton.click();
  await expect(lab.spacetime).toBeVisible();
  expect(await lab.horizontalOverflowPx()).toBeLessThanOrEqual(0);
  await lab.screenshot('embed-320');

  // The same in a frame that narrow on a course page.
  await page.setViewportSize({ width: 354, height: 720 });
  const cp = new CoursePage(page);
  await cp.open(course.url('/course-example.html', 'localhost'), `${baseURL}/`);
  await cp.lab1.waitForLab();
  expect((await cp.lab1.iframe.boundingBox())!.width).toBeLessThanOrEqual(322);
  expect(await cp.lab1.horizontalOverflowPx()).toBeLessThanOrEqual(0);
  await expectFrameFitsLab(cp.lab1);
});

test('an embedding URL that allows something that is not an origin says so in the lab', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?embed=1&lang=en&origin=*,https://ok.example,https://course.example/lesson-1');
  await expect(page.getByRole('status').filter({ hasText: 'allows “*”, which is not an origin' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'allows “https://course.example/lesson-1”' })).toContainText('an origin has no path');
  await expect(page.getByRole('status').filter({ hasText: 'ok.example' })).toHaveCount(0);
});

test('the app and the example page work from a sub-path of another server', async ({ page }) => {
  const sub = await StaticServer.start({ port: SUBPATH_PORT, prefix: SUBPATH });
  try {
    const lab = new LabPage(page);
    await page.goto(sub.url(`${SUBPATH}?lang=en`));
    await lab.waitForNodes();
    expect(await lab.console.run('m', 'SET where sub-path')).toBe('OK');
    const list = new LessonList(page);
    await list.open();
    await list.start('what-is-replication');
    await expect(page.getByTestId('lesson-panel')).toBeVisible();
    await lab.spacetimeViewButton.click();
    await expect(lab.spacetime).toBeVisible();

    // The example page next to the app embeds the app from its own folder.
    const cp = new CoursePage(page);
    await page.goto(sub.url(`${SUBPATH}course-example.html`));
    await cp.lab1.waitForLab();
    await expectFrameFitsLab(cp.lab1);
    await cp.control('lab1-command').click();
    await expect(cp.log1).toContainText('m> SET course:visits 1\nOK');
  } finally {
    await sub.close();
  }
});

test('the Embed dialog’s snippet, pasted into a page on another origin, embeds a working lab that fits its frame', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const lab = new LabPage(page);
  await lab.open('?lang=en');
  const list = new LessonList(page);
  await list.open();
  await list.start('what-is-replication');
  await expect(page.getByTestId('lesson-panel')).toBeVisible();

  const dialog = new EmbedDialog(page);
  await dialog.open();
  await expect(dialog.choose(/^This lesson/)).toBeChecked();
  await expect(dialog.origin).toHaveValue('https://your-course.example');

  // What is not an origin is said so, and no snippet is offered for it.
  await dialog.setOrigin('https://course.example/lesson-1');
  await expect(dialog.error).toContainText('an origin has no path');
  await expect(dialog.snippet).toHaveCount(0);
  await dialog.setOrigin('*');
  await expect(dialog.error).toContainText('any page');

  const courseOrigin = course.url('', 'localhost').replace(/\/$/, '');
  await dialog.setOrigin(courseOrigin);
  await expect(dialog.error).toHaveCount(0);
  const lessonSnippet = await dialog.text();
  expect(lessonSnippet).toContain(`src="${baseURL}/?embed=1&amp;lesson=what-is-replication&amp;lang=en&amp;origin=${courseOrigin}"`);
  expect(lessonSnippet).toContain(`<script src="${baseURL}/replica-lab-embed.js" defer></script>`);
  await dialog.root.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(dialog.root.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(lessonSnippet);

  await lab.screenshot('embed-dialog');
  await dialog.choose(/as it is now/).check();
  const topologySnippet = await dialog.text();
  expect(topologySnippet).toMatch(/\?embed=1&amp;session=v1\.[A-Za-z0-9_-]+&amp;lang=en&amp;origin=/);
  await dialog.close();

  course.setPage('/pasted.html', `<!doctype html><title>My course</title><h1>My course</h1>\n${lessonSnippet}\n<p>After the lab.</p>`);
  await page.goto(course.url('/pasted.html', 'localhost'));
  const framed = new EmbeddedLab(page, 'iframe[data-replica-lab]');
  await framed.waitForLab();
  await expect(framed.lessonPanel).toHaveAttribute('data-lesson', 'what-is-replication');
  await expectFrameFitsLab(framed);
  expect(await framed.request({ type: 'replica-lab:command', node: 'm', command: 'PING' })).toEqual({ type: 'replica-lab:reply', id: 'req-1', node: 'm', command: 'PING', output: 'PONG', error: false });
});
