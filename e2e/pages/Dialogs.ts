// The page's modal dialogs: the branch question (acting in the past) and the
// share link.

import { expect, type Locator, type Page } from '@playwright/test';

/** "Start a new history?": Continue discards the future, Cancel keeps it. */
export class BranchDialog {
  readonly root: Locator;
  readonly continueButton: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('dialog.branch-dialog');
    this.continueButton = this.root.locator('button.branch-continue');
    this.cancelButton = this.root.getByRole('button', { name: 'Cancel' });
  }

  async cancel(): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.cancelButton.click();
    await expect(this.root).toBeHidden();
  }

  async continueHere(): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.continueButton.click();
    await expect(this.root).toBeHidden();
  }
}

export class ShareDialog {
  readonly openButton: Locator;
  readonly root: Locator;
  readonly url: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByTestId('share-button');
    this.root = page.locator('dialog.share-dialog');
    this.url = page.getByTestId('share-url');
  }

  /** Opens the dialog and returns the link once it is made. */
  async link(): Promise<string> {
    await this.openButton.click();
    await expect(this.root).toBeVisible();
    await expect(this.url).toHaveValue(/session=v1\./);
    return this.url.inputValue();
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close' }).click();
    await expect(this.root).toBeHidden();
  }
}
