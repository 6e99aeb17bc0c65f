// The lesson panel and the lesson list, as a learner uses them.

import { expect, type Locator, type Page } from '@playwright/test';

export class LessonPanel {
  readonly root: Locator;
  readonly task: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('lesson-panel');
    this.task = this.root.locator('.lesson-task');
  }

  async stepId(): Promise<string | null> {
    return this.root.getAttribute('data-step');
  }

  /** Waits until the simulation passed the current step's goal. */
  async expectPassed(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-passed', 'true', { timeout: 20_000 });
  }

  async expectNotPassed(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-passed', 'false');
  }

  async next(): Promise<void> {
    await this.root.getByRole('button', { name: /^(Next step|다음 단계)$/ }).click();
  }

  async hint(): Promise<void> {
    await this.root.getByRole('button', { name: /^(Hint|Another hint|힌트|힌트 더 보기)$/ }).click();
  }

  async showMe(): Promise<void> {
    await this.root.getByRole('button', { name: /^(Show me|보여 주세요)$/ }).click();
  }

  async toSandbox(): Promise<void> {
    await this.root.getByRole('button', { name: /^(Continue in the sandbox|샌드박스에서 계속하기)$/ }).click();
  }
}

export class LessonList {
  readonly dialog: Locator;
  readonly openButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('lesson-list');
    this.openButton = page.getByTestId('lessons-button');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog.locator('[data-lesson]').first()).toBeVisible();
  }

  item(id: string): Locator {
    return this.dialog.locator(`[data-lesson="${id}"]`);
  }

  async start(id: string): Promise<void> {
    await this.item(id).getByRole('button').click();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Close|닫기)$/ }).click();
  }
}
