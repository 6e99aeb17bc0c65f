// The lab page as tests see it: nodes, the command form and the reply log.
// Tests talk to this object, so a change of markup is fixed in one place.

import { expect, type Locator, type Page } from '@playwright/test';

export class LabPage {
  readonly heading: Locator;
  readonly nodeSelect: Locator;
  readonly commandInput: Locator;
  readonly sendButton: Locator;
  readonly replies: Locator;
  readonly failure: Locator;
  readonly notes: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.nodeSelect = page.locator('select[name="node"]');
    this.commandInput = page.locator('input[name="command"]');
    this.sendButton = page.locator('form.console button[type="submit"]');
    this.replies = page.getByTestId('reply-entry');
    this.failure = page.getByTestId('engine-failure');
    this.notes = page.getByRole('note');
  }

  /** Opens the lab (with optional query, e.g. `?lang=ko`) and waits for the engine's first view. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./${query}`);
    await expect(this.node('m')).toBeVisible();
  }

  node(name: string): Locator {
    return this.page.locator(`.nodes [data-node="${name}"]`);
  }

  async role(name: string): Promise<string | null> {
    return this.node(name).getAttribute('data-role');
  }

  async offset(name: string): Promise<number> {
    return Number(await this.node(name).locator('[data-offset]').textContent());
  }

  /** Types `command` for `node` as a person would (Enter sends) and returns the reply as printed. */
  async run(node: string, command: string): Promise<string> {
    const before = await this.replies.count();
    await this.nodeSelect.selectOption(node);
    await this.commandInput.fill(command);
    await this.commandInput.press('Enter');
    const entry = await this.latestEntry(before);
    await expect(entry).toHaveAttribute('data-pending', 'false');
    return (await entry.getByTestId('reply').textContent()) ?? '';
  }

  /** The text of the newest reply once it has arrived. */
  async lastReply(): Promise<string> {
    const entry = await this.latestEntry(0);
    await expect(entry).toHaveAttribute('data-pending', 'false');
    return (await entry.getByTestId('reply').textContent()) ?? '';
  }

  /** The log lists the newest entry first; pin it by request id so later entries cannot shift it. */
  private async latestEntry(countBefore: number): Promise<Locator> {
    await expect(this.replies).not.toHaveCount(countBefore);
    const id = await this.replies.first().getAttribute('data-request-id');
    return this.page.locator(`[data-testid="reply-entry"][data-request-id="${id}"]`);
  }
}
