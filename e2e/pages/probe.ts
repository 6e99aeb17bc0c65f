// A read-only look into the page's own store (`window.replicaLab`), for
// cross-checking what the UI shows: the tests drive the lab through the UI and
// use this only to confirm that the diagram, the console and the engine agree
// (or to find a message in flight, which lives on a canvas).

import type { Page } from '@playwright/test';

export interface NodeFacts {
  name: string;
  role: 'master' | 'slave';
  up: boolean;
  linkState: string;
  masterName: string | null;
  offset: number;
  keys: number;
}

export interface LabFacts {
  originMs: number;
  viewMs: number;
  headMs: number;
  playing: boolean;
  speed: number;
  nodes: NodeFacts[];
}

export interface FlightFacts {
  from: string;
  to: string;
  kind: string;
  text: string;
  sentMs: number;
  deliverMs: number;
}

export interface EventFacts {
  t: string;
  node?: string;
  atMs: number;
  argv?: string[];
  error?: string;
}

export class LabProbe {
  constructor(private readonly page: Page) {}

  async facts(): Promise<LabFacts> {
    return this.page.evaluate(() => {
      const s = window.replicaLab!.state();
      return {
        originMs: s.originMs,
        viewMs: s.viewMs,
        headMs: s.headMs,
        playing: s.playing,
        speed: s.speed,
        nodes: s.nodes.map((n) => ({ name: n.name, role: n.role, up: n.up, linkState: n.linkState, masterName: n.masterName, offset: n.offset, keys: n.keys })),
      };
    });
  }

  async node(name: string): Promise<NodeFacts | undefined> {
    return (await this.facts()).nodes.find((n) => n.name === name);
  }

  /** The messages the canvas should be drawing now: those on the wire at the playback time. */
  async inFlightNow(): Promise<FlightFacts[]> {
    return this.page.evaluate(() => {
      const r = window.replicaLab!;
      return r.traceLog.inFlightAt(r.state().viewMs).map((m) => ({ from: m.from, to: m.to, kind: m.kind, text: m.text, sentMs: m.sentMs, deliverMs: m.deliverMs }));
    });
  }

  /** Every state event of the session of kind `t` (messages excluded). */
  async events(t: string): Promise<EventFacts[]> {
    return this.page.evaluate(
      (kind) =>
        window
          .replicaLab!.traceLog.events.filter((e) => e.t === kind)
          .map((e) => ({ t: e.t, atMs: e.atMs, ...('node' in e ? { node: e.node } : {}), ...('argv' in e ? { argv: e.argv } : {}), ...('error' in e && typeof e.error === 'string' ? { error: e.error } : {}) })),
      t,
    );
  }

  /** Times of the person's commands with the given first word (e.g. SET), from the session's input log. */
  async commandTimes(word: string): Promise<number[]> {
    return this.page.evaluate(
      (w) =>
        window
          .replicaLab!.state()
          .inputs.filter((i) => i.input.t === 'command' && i.input.argv[0]?.toUpperCase() === w.toUpperCase())
          .map((i) => i.atMs),
      word,
    );
  }
}
