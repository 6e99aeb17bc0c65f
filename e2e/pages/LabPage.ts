// The lab page as tests see it, split the way the page is: the diagram, the
// console, the playback bar, the timeline, the toolbar and the dialogs. Tests
// talk to these objects, so a change of markup is fixed in one place.

import { expect, type Locator, type Page } from '@playwright/test';
import { Console } from './Console';
import { BranchDialog, ShareDialog } from './Dialogs';
import { Diagram } from './Diagram';
import { PlaybackBar, Timeline } from './Playback';
import { LabProbe } from './probe';

export class LabPage {
  readonly diagram: Diagram;
  readonly console: Console;
  readonly playback: PlaybackBar;
  readonly timeline: Timeline;
  readonly branchDialog: BranchDialog;
  readonly share: ShareDialog;
  /** Read-only access to the page's store, to cross-check what the UI shows. */
  readonly probe: LabProbe;

  readonly heading: Locator;
  /** Notes about URL parameters that were not understood. */
  readonly notes: Locator;
  readonly failure: Locator;
  readonly themeToggle: Locator;
  readonly topologyViewButton: Locator;
  readonly spacetimeViewButton: Locator;
  readonly spacetime: Locator;
  readonly spacetimeLanes: Locator;

  constructor(readonly page: Page) {
    this.diagram = new Diagram(page);
    this.console = new Console(page);
    this.playback = new PlaybackBar(page);
    this.timeline = new Timeline(page);
    this.branchDialog = new BranchDialog(page);
    this.share = new ShareDialog(page);
    this.probe = new LabProbe(page);

    this.heading = page.getByRole('heading', { level: 1 });
    this.notes = page.getByRole('note');
    this.failure = page.getByTestId('engine-failure');
    const toolbar = page.getByRole('toolbar').first();
    // Named after what it switches to: "Dark theme" / "Light theme" (어두운 / 밝은 테마).
    this.themeToggle = toolbar.getByRole('button', { name: /^(Dark theme|Light theme|어두운 테마|밝은 테마)$/ });
    const views = toolbar.locator('fieldset.segmented button');
    this.topologyViewButton = views.nth(0);
    this.spacetimeViewButton = views.nth(1);
    this.spacetime = page.locator('section.st');
    this.spacetimeLanes = this.spacetime.locator('[data-lane]');
  }

  /** Opens the lab (with an optional query such as `?lang=ko`) and waits for the engine's first view. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./${query}`);
    await this.waitForNodes();
  }

  async waitForNodes(): Promise<void> {
    await expect(this.diagram.node('m').card).toBeVisible({ timeout: 20_000 });
  }

  languageButton(name: 'English' | '한국어'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Saves a screenshot of the page (or of one part) as e2e/output/<name>.png. */
  async screenshot(name: string, part?: Locator): Promise<void> {
    const path = `e2e/output/${name}.png`;
    if (part) await part.screenshot({ path, animations: 'allow' });
    else await this.page.screenshot({ path, fullPage: true, animations: 'allow' });
  }

  /** The page is wider than the window (something overflows sideways). */
  async horizontalOverflowPx(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
