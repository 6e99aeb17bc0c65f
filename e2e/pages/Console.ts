// The redis-cli-like console beside the diagram: a tab per node, the
// scrollback (`127.0.0.1:6379> SET k v` then `OK`) and the input. `run` types
// a command as a person does (tab, type, Enter) and returns the reply as
// printed, with whether it was shown as an error.

import { expect, type Locator, type Page } from '@playwright/test';

export interface ConsoleReply {
  text: string;
  /** Printed with the console's error style. */
  error: boolean;
  /** The reply's computed text colour (rgb(…)). */
  color: string;
}

export class Console {
  readonly root: Locator;
  readonly tabs: Locator;
  readonly input: Locator;
  readonly sendButton: Locator;
  readonly scrollback: Locator;
  readonly entries: Locator;
  /** The explanation shown under the input when a line cannot be sent. */
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('section.panels-console');
    this.tabs = this.root.getByRole('tab');
    this.input = this.root.locator('input.panels-console-input');
    this.sendButton = this.root.locator('button.panels-console-send');
    this.scrollback = this.root.locator('.panels-console-scrollback');
    this.entries = this.scrollback.locator('.panels-console-entry');
    this.message = this.root.locator('.panels-error');
  }

  /** The node's tab (its name may be followed by "(down)"). */
  tab(node: string): Locator {
    return this.tabs.filter({ hasText: new RegExp(`^${escapeRe(node)}(\\s|$)`) });
  }

  async select(node: string): Promise<void> {
    const tab = this.tab(node);
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Types `command` into `node`'s console and presses Enter, without waiting for anything. */
  async type(node: string, command: string): Promise<void> {
    await this.select(node);
    await this.input.fill(command);
    await this.input.press('Enter');
  }

  /** Types `command` into `node`'s console and waits for the reply printed under it. */
  async run(node: string, command: string): Promise<string> {
    return (await this.runFull(node, command)).text;
  }

  async runFull(node: string, command: string): Promise<ConsoleReply> {
    await this.select(node);
    const before = await this.entries.count();
    await this.input.fill(command);
    await this.input.press('Enter');
    const entry = this.entries.nth(before);
    await expect(entry.locator('.panels-console-cmd')).toContainText(command.trim());
    return this.replyOf(entry);
  }

  /** The newest reply in the shown tab, once it has arrived. */
  async lastReply(): Promise<ConsoleReply> {
    return this.replyOf(this.entries.last());
  }

  private async replyOf(entry: Locator): Promise<ConsoleReply> {
    const out = entry.locator('.panels-console-out');
    await expect(out).not.toHaveClass(/panels-console-waiting/, { timeout: 15_000 });
    return out.evaluate((el) => ({ text: el.textContent ?? '', error: el.classList.contains('panels-console-error'), color: getComputedStyle(el).color }));
  }

  /** One field of `INFO replication` as the console printed it (e.g. master_repl_offset). */
  async infoField(node: string, field: string): Promise<string> {
    const text = await this.run(node, 'INFO replication');
    const m = new RegExp(`^${escapeRe(field)}:(.*)$`, 'm').exec(text);
    if (!m) throw new Error(`INFO replication of ${node} has no ${field}:\n${text}`);
    return m[1].trim();
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
