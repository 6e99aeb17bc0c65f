// The playback controls under the diagram (play/pause, step, speed, the
// virtual time, LIVE or "Go live") and the timeline scrubber (a role=slider:
// ←/→ 100 ms, PgDn/PgUp 1 s, Home/End), used the way a person does.

import { expect, type Locator, type Page } from '@playwright/test';

export class PlaybackBar {
  readonly root: Locator;
  readonly playPause: Locator;
  readonly stepButton: Locator;
  readonly speedSelect: Locator;
  readonly time: Locator;
  readonly liveBadge: Locator;
  readonly goLiveButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('fieldset.pb');
    this.playPause = this.root.locator('button.pb-play');
    this.stepButton = this.root.locator('button[aria-keyshortcuts=". ArrowRight"]');
    this.speedSelect = this.root.locator('.pb-speed select');
    this.time = page.getByTestId('virtual-time');
    this.liveBadge = this.root.locator('.pb-live');
    this.goLiveButton = this.root.locator('button.pb-golive');
  }

  /** Whether the button offers Pause (the lab is playing). */
  async isPlaying(): Promise<boolean> {
    return /pause/i.test((await this.playPause.textContent()) ?? '');
  }

  /**
   * Pauses and waits until the clock has stopped: a frame the engine sent
   * before it heard of the pause may still move the time once.
   */
  async pause(): Promise<void> {
    if (await this.isPlaying()) await this.playPause.click();
    await expect
      .poll(async () => {
        const before = `${await this.playPause.textContent()} ${await this.time.textContent()}`;
        await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const after = `${await this.playPause.textContent()} ${await this.time.textContent()}`;
        return before === after && /Play/.test(after);
      })
      .toBe(true);
  }

  async play(): Promise<void> {
    if (!(await this.isPlaying())) await this.playPause.click();
    await expect(this.playPause).toHaveText(/Pause/);
  }

  async step(): Promise<void> {
    await this.stepButton.click();
  }

  /** Picks a speed in the speed control: 0.1, 0.25, 0.5, 1, 2, 5, … (virtual ms per wall ms). */
  async setSpeed(speed: number): Promise<void> {
    await this.speedSelect.selectOption(String(speed));
    await expect(this.speedSelect).toHaveValue(String(speed));
  }

  /** The shown virtual time in ms since the world began (the bar prints seconds with ms). */
  async timeMs(): Promise<number> {
    const text = (await this.time.textContent()) ?? '';
    const m = /(\d+)\.(\d{3})/.exec(text);
    if (!m) throw new Error(`no time in "${text}"`);
    return Number(m[1]) * 1000 + Number(m[2]);
  }

  async goLive(): Promise<void> {
    await this.goLiveButton.click();
    await expect(this.liveBadge).toBeVisible();
  }
}

export class Timeline {
  readonly root: Locator;
  readonly slider: Locator;
  readonly markers: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('section.tl');
    this.slider = this.root.getByRole('slider');
    this.markers = this.root.locator('.tl-marks button');
  }

  /** The position of the thumb in ms since the world began (aria-valuenow). */
  async valueMs(): Promise<number> {
    return Number(await this.slider.getAttribute('aria-valuenow'));
  }

  async maxMs(): Promise<number> {
    return Number(await this.slider.getAttribute('aria-valuemax'));
  }

  /** Moves the thumb back with the keyboard: PageDown per second, ← per 100 ms. */
  async seekBack(ms: number): Promise<void> {
    await this.press(ms, 'PageDown', 'ArrowLeft');
  }

  /** Moves the thumb forward with the keyboard: PageUp per second, → per 100 ms. */
  async seekForward(ms: number): Promise<void> {
    await this.press(ms, 'PageUp', 'ArrowRight');
  }

  async toStart(): Promise<void> {
    await this.slider.focus();
    await this.slider.press('Home');
  }

  async toEnd(): Promise<void> {
    await this.slider.focus();
    await this.slider.press('End');
  }

  /** Drags the thumb to `fraction` (0 … 1) of the track with the mouse, and lets go. */
  async dragTo(fraction: number): Promise<void> {
    const box = await this.slider.boundingBox();
    if (!box) throw new Error('the timeline is not visible');
    const y = box.y + box.height / 2;
    const thumb = box.x + box.width * Math.min(1, (await this.valueMs()) / Math.max(1, await this.maxMs()));
    await this.page.mouse.move(thumb, y);
    await this.page.mouse.down();
    const to = box.x + box.width * fraction;
    await this.page.mouse.move(to, y, { steps: 8 });
    await this.page.mouse.up();
  }

  private async press(ms: number, bigKey: string, smallKey: string): Promise<void> {
    await this.slider.focus();
    const seconds = Math.floor(ms / 1000);
    const tenths = Math.round((ms - seconds * 1000) / 100);
    for (let i = 0; i < seconds; i++) await this.slider.press(bigKey);
    for (let i = 0; i < tenths; i++) await this.slider.press(smallKey);
  }
}
