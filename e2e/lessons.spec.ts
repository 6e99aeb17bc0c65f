// A learner takes lesson 1 in the browser by typing into the consoles and
// clicking through its steps; the progress is still there after a reload.
// Damaged stored progress is reset with a notice, never a broken page.

import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { LessonList, LessonPanel } from './pages/Lessons';

test('lesson 1 completed by typing and clicking; progress survives a reload', async ({ page }) => {
  const lab = new LabPage(page);
  const lesson = new LessonPanel(page);
  const list = new LessonList(page);
  await lab.open('?lang=en');
  await list.open();
  await list.start('what-is-replication');
  await expect(lesson.root).toBeVisible();
  await expect(page).toHaveURL(/[?&]lesson=what-is-replication/);
  await expect(lesson.task).toContainText('SET greeting hello');

  // Doing something else does not pass the step.
  expect(await lab.console.run('m', 'GET greeting')).toBe('(nil)');
  await lesson.expectNotPassed();
  await lesson.hint();
  await expect(lesson.root.locator('.lesson-hint')).toHaveCount(1);

  expect(await lab.console.run('m', 'SET greeting hello')).toBe('OK');
  await lesson.expectPassed();
  await lab.screenshot('lesson-step-passed');
  await lesson.next();
  expect(await lesson.stepId()).toBe('read-on-replica');

  expect(await lab.console.run('r1', 'GET greeting')).toBe('"hello"');
  await lesson.expectPassed();
  await lesson.next();

  expect(await lab.console.run('r1', 'SET greeting bye')).toContain('READONLY');
  await lesson.expectPassed();
  await expect(lesson.root).toContainText('Lesson complete');
  await lab.screenshot('lesson-complete');

  await page.reload();
  await lab.waitForNodes();
  await list.open();
  await expect(list.item('what-is-replication')).toHaveAttribute('data-done', 'true');
  await expect(list.item('replicas-are-read-only')).toHaveAttribute('data-done', 'false');
  await lab.screenshot('lesson-list-after-reload');
});

test('"Show me" plays a step\'s solution and the step passes; the sandbox is one click away', async ({ page }) => {
  const lab = new LabPage(page);
  const lesson = new LessonPanel(page);
  await lab.open('?lang=en&lesson=what-is-replication');
  await expect(lesson.root).toBeVisible();
  await lesson.showMe();
  await lesson.expectPassed();
  expect((await lab.probe.node('r1'))?.keys).toBeGreaterThan(0);
  await lesson.toSandbox();
  await expect(lesson.root).toBeHidden();
  await expect(page).not.toHaveURL(/lesson=/);
  // The world stays as the lesson left it.
  expect(await lab.console.run('r2', 'GET greeting')).toBe('"hello"');
});

test('damaged stored progress is reset with a notice; an unknown ?lesson= is explained', async ({ page }) => {
  const lab = new LabPage(page);
  await page.addInitScript(() => localStorage.setItem('replica-lab:progress', '{"v":1,"lessons":{"x":{"steps":5}}}'));
  await lab.open('?lang=en&lesson=no-such-lesson');
  await expect(page.getByText('could not be read')).toBeVisible();
  await expect(page.getByText('There is no lesson "no-such-lesson"')).toBeVisible();
  expect(await lab.console.run('m', 'PING')).toBe('PONG');
});
