// The topology diagram as tests see it: node cards (svg buttons carrying
// data-node, data-role, data-up, data-link-state, data-offset), the links
// between them, the canvas of messages in flight, and the menu a node opens.
// `diagram.node('r1').crash()` does what a person does: click the card, pick
// the item in the menu.

import { expect, type Locator, type Page } from '@playwright/test';

export type DiagramRole = 'master' | 'replica' | 'sentinel';

/** What a node's card says, read from its attributes and accessible name. */
export interface NodeCardFacts {
  role: DiagramRole;
  up: boolean;
  linkState: string;
  offset: number;
  keys: number;
}

export class Diagram {
  readonly root: Locator;
  readonly svg: Locator;
  readonly canvas: Locator;
  readonly nodes: Locator;
  /** The menu a node opens (when one is open). */
  readonly menu: NodeMenu;

  constructor(readonly page: Page) {
    this.root = page.locator('.dg');
    this.svg = this.root.locator('svg.dg-svg');
    this.canvas = this.root.locator('canvas');
    this.nodes = this.svg.locator('[data-node]');
    this.menu = new NodeMenu(page);
  }

  node(name: string): NodeHandle {
    return new NodeHandle(this.page, this.svg.locator(`[data-node="${name}"]`), name);
  }

  /** The replication link from `master` to `replica` (its button). */
  link(master: string, replica: string): Locator {
    return this.svg.locator(`[data-link="${master}>${replica}"]`);
  }

  /** Names of the nodes drawn, in the diagram's reading order. */
  async names(): Promise<string[]> {
    return this.nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-node') ?? ''));
  }

  /** Every card's facts, by name (one read of the DOM, so they belong to one frame). */
  async cards(): Promise<Record<string, NodeCardFacts>> {
    const raw = await this.nodes.evaluateAll((els) =>
      els.map((e) => ({
        name: e.getAttribute('data-node') ?? '',
        role: e.getAttribute('data-role') ?? '',
        up: e.getAttribute('data-up') ?? '',
        linkState: e.getAttribute('data-link-state') ?? '',
        offset: e.getAttribute('data-offset') ?? '',
        label: e.getAttribute('aria-label') ?? '',
      })),
    );
    const out: Record<string, NodeCardFacts> = {};
    for (const r of raw) out[r.name] = { role: r.role as DiagramRole, up: r.up === 'true', linkState: r.linkState, offset: Number(r.offset), keys: keysFromLabel(r.label) };
    return out;
  }

  /** How many pixels of the message canvas are painted (0 when nothing is drawn). */
  async paintedPixels(): Promise<number> {
    return this.canvas.evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return 0;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
  }
}

/** The card's accessible name says "N keys" (English); the tests that read it run in English. */
function keysFromLabel(label: string): number {
  const m = /(\d+) keys?\b/.exec(label);
  return m ? Number(m[1]) : Number.NaN;
}

export class NodeHandle {
  constructor(
    readonly page: Page,
    readonly card: Locator,
    readonly name: string,
  ) {}

  async role(): Promise<DiagramRole> {
    return (await this.card.getAttribute('data-role')) as DiagramRole;
  }

  async up(): Promise<boolean> {
    return (await this.card.getAttribute('data-up')) === 'true';
  }

  async linkState(): Promise<string> {
    return (await this.card.getAttribute('data-link-state')) ?? '';
  }

  async offset(): Promise<number> {
    return Number(await this.card.getAttribute('data-offset'));
  }

  async keys(): Promise<number> {
    return keysFromLabel((await this.card.getAttribute('aria-label')) ?? '');
  }

  /** The card's accessible name: everything it shows, e.g. "r2, replica of r1, link connected, offset 42, …". */
  async label(): Promise<string> {
    return (await this.card.getAttribute('aria-label')) ?? '';
  }

  /** Clicks the card and returns the menu it opens. */
  async openMenu(): Promise<NodeMenu> {
    await this.card.click();
    const menu = new NodeMenu(this.page);
    await expect(menu.root).toBeVisible();
    return menu;
  }

  async crash(): Promise<void> {
    await (await this.openMenu()).choose('Crash');
  }

  async restart(): Promise<void> {
    await (await this.openMenu()).choose('Restart');
  }

  /** "Promote to master": REPLICAOF NO ONE typed into its console. */
  async promote(): Promise<void> {
    await (await this.openMenu()).choose('Promote to master');
  }

  /** "Make it a replica of…" then the master to follow. */
  async replicaOf(master: string): Promise<void> {
    const menu = await this.openMenu();
    await menu.choose('Make it a replica of…');
    await menu.choose(`Replica of ${master}`);
  }

  /** "FAILOVER TO this replica": its master hands over to it. */
  async failoverToThis(): Promise<void> {
    await (await this.openMenu()).choose('FAILOVER TO this replica');
  }

  /** "Cut off from…" then the other node (the same item heals a cut link). */
  async cutOffFrom(other: string): Promise<void> {
    const menu = await this.openMenu();
    await menu.choose('Cut off from…');
    await menu.choose(`Cut off from ${other}`);
  }
}

/** The node menu (a role=menu in a popover); its items are named by their label. */
export class NodeMenu {
  readonly root: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('menu');
    this.items = this.root.getByRole('menuitem');
  }

  item(label: string): Locator {
    return this.root.getByRole('menuitem', { name: label, exact: true });
  }

  async labels(): Promise<string[]> {
    return this.root.getByRole('menuitem').evaluateAll((els) => els.map((e) => e.querySelector('.panels-menuitem-label')?.textContent?.replace(/\s*›$/, '') ?? ''));
  }

  /** Clicks an enabled item (a disabled one would say why instead of acting). */
  async choose(label: string): Promise<void> {
    const item = this.item(label);
    await expect(item).toBeVisible();
    await expect(item).not.toHaveAttribute('aria-disabled', 'true');
    await item.click();
  }
}
