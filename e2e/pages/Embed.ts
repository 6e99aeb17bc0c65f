// Embedding as tests see it: a static file server for the "other" origins
// (a course site, a stranger's page, the app under a sub-path), the example
// course page with its two lab frames and buttons, one embedded lab, and the
// app's Embed dialog.

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The build the e2e tests run against (playwright.config.ts serves it as the app). */
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface ServeOptions {
  /** Folder whose files are served (default: the build). */
  root?: string;
  port: number;
  /** URL path the folder appears under, e.g. "/courses/redis/" (default "/"). */
  prefix?: string;
  /** Extra pages by URL path, served as HTML (a stranger's page, a pasted snippet). */
  pages?: Record<string, string>;
}

/** A tiny static server on 127.0.0.1 (a second origin next to the app's), for one test file. */
export class StaticServer {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly pages: Map<string, string>,
  ) {}

  static async start({ root = DIST, port, prefix = '/', pages = {} }: ServeOptions): Promise<StaticServer> {
    const extra = new Map(Object.entries(pages));
    const server = createServer(async (req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const page = extra.get(path);
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': TYPES['.html'] });
        res.end(page);
        return;
      }
      if (!path.startsWith(prefix)) {
        res.writeHead(404).end();
        return;
      }
      let rel = path.slice(prefix.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(root, rel));
      if (!file.startsWith(join(normalize(root), sep))) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return new StaticServer(server, port, extra);
  }

  /** A URL on this server; `host` picks the origin ("localhost" and "127.0.0.1" are different origins). */
  url(path: string, host: 'localhost' | '127.0.0.1' = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  setPage(path: string, html: string): void {
    this.pages.set(path, html);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** window.ReplicaLab of public/replica-lab-embed.js, as a course page's script sees it. */
export interface ReplicaLabHelper {
  send(iframe: Element, message: object): void;
  request(iframe: Element, message: object, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/** One lab in an iframe of a course page (the iframe found by `selector`). */
export class EmbeddedLab {
  readonly iframe: Locator;
  readonly frame: FrameLocator;
  readonly lessonPanel: Locator;
  readonly nodes: Locator;

  constructor(
    readonly page: Page,
    readonly selector: string,
  ) {
    this.iframe = page.locator(selector);
    this.frame = page.frameLocator(selector);
    this.lessonPanel = this.frame.getByTestId('lesson-panel');
    this.nodes = this.frame.locator('[data-node]');
  }

  /** The frame's document (for reading the lab's store; everything else goes through locators). */
  private async inner(): Promise<Frame> {
    const f = await (await this.iframe.elementHandle())?.contentFrame();
    if (!f) throw new Error(`no frame for ${this.selector}`);
    return f;
  }

  async waitForLab(): Promise<void> {
    await expect(this.frame.locator('[data-node="m"]')).toBeVisible({ timeout: 20_000 });
  }

  /** The height the page gave the iframe (px, from its style), or null while it has none. */
  async height(): Promise<number | null> {
    const h = await this.iframe.evaluate((el: HTMLIFrameElement) => el.style.height);
    return h ? Number.parseFloat(h) : null;
  }

  /** How tall the lab's page is inside the frame (px). */
  async contentHeight(): Promise<number> {
    return (await this.inner()).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  }

  /** How far the lab's page is wider than its frame (px; 0 or less: nothing sideways). */
  async horizontalOverflowPx(): Promise<number> {
    return (await this.inner()).evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /** The console lines typed into the lab (by anyone), as "node> input". */
  async consoleLines(): Promise<string[]> {
    return (await this.inner()).evaluate(() =>
      window
        .replicaLab!.state()
        .consoles.map((l) => `${l.node}> ${l.input}`),
    );
  }

  async worldGeneration(): Promise<number> {
    return (await this.inner()).evaluate(() => window.replicaLab!.state().worldGeneration);
  }

  /** Sends `message` with the page's ReplicaLab helper and returns the lab's answer (or the error's text). */
  async request(message: object): Promise<Record<string, unknown>> {
    return this.iframe.evaluate(
      (el, m) =>
        (window as unknown as { ReplicaLab: ReplicaLabHelper }).ReplicaLab.request(el, m, 15_000).catch((e: Error) => ({ type: 'rejected', message: e.message })),
      message,
    );
  }
}

/** public/course-example.html: two labs, buttons that use the message API, a log of the answers per lab. */
export class CoursePage {
  readonly lab1: EmbeddedLab;
  readonly lab2: EmbeddedLab;
  readonly log1: Locator;
  readonly log2: Locator;

  constructor(readonly page: Page) {
    this.lab1 = new EmbeddedLab(page, 'iframe[name="lab1"]');
    this.lab2 = new EmbeddedLab(page, 'iframe[name="lab2"]');
    this.log1 = page.getByTestId('lab1-log');
    this.log2 = page.getByTestId('lab2-log');
  }

  /** Opens the example page at `pageUrl`, embedding the app at `app`; `allow` overrides the origin the labs accept. */
  async open(pageUrl: string, app: string, allow?: string): Promise<void> {
    const u = new URL(pageUrl);
    u.searchParams.set('app', app);
    if (allow) u.searchParams.set('allow', allow);
    await this.page.goto(u.toString());
  }

  /** A button of the page by its id (both labs have an "Ask for state"). */
  control(id: string): Locator {
    return this.page.locator(`button#${id}`);
  }
}

/** The app's Embed dialog. */
export class EmbedDialog {
  readonly root: Locator;
  readonly openButton: Locator;
  readonly origin: Locator;
  readonly snippet: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('embed-dialog');
    this.openButton = page.getByTestId('embed-button');
    this.origin = this.root.getByTestId('embed-origin');
    this.snippet = this.root.getByTestId('embed-snippet');
    this.error = this.root.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.root).toBeVisible();
  }

  async setOrigin(value: string): Promise<void> {
    await this.origin.fill(value);
  }

  choose(label: string | RegExp): Locator {
    return this.root.getByRole('radio', { name: label });
  }

  async text(): Promise<string> {
    await expect(this.snippet).toBeVisible();
    return this.snippet.inputValue();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}
