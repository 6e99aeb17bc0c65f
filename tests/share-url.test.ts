// Share links and URL parameters: a session survives the trip through a URL
// exactly; anything else in the parameter is refused with a reason, fast.

import { describe, expect, it } from 'vitest';
import type { TimedInput } from '../src/engine/api';
import { MAX_SESSION_PARAM_CHARS, decodeSession, encodeSession } from '../src/state/share';
import { readPageParams, withParam } from '../src/state/urlParams';
import { EngineHost } from '../src/worker/host';
import { type EngineToUi, type FrameMsg, PROTOCOL_VERSION } from '../src/worker/protocol';

async function deflated(text: string): Promise<string> {
  const cs = new CompressionStream('deflate-raw');
  const w = cs.writable.getWriter();
  w.write(new TextEncoder().encode(text));
  w.close();
  const bytes = new Uint8Array(await new Response(cs.readable).arrayBuffer());
  return `v1.${Buffer.from(bytes).toString('base64url')}`;
}

describe('share links', () => {
  it('a session from the engine goes through the URL and comes back identical', async () => {
    const out: EngineToUi[] = [];
    const host = new EngineHost((m) => out.push(m));
    host.handle({ type: 'hello', version: PROTOCOL_VERSION, seed: 42 });
    host.handle({ type: 'command', requestId: 1, node: 'm', argv: ['SET', 'k', 'v with spaces and 한글'] });
    host.handle({ type: 'fault', fault: { kind: 'crash', node: 'r1' } });
    host.handle({ type: 'advance', ms: 1500 });
    out.length = 0;
    host.handle({ type: 'export-session', requestId: 2 });
    const msg = out[0];
    if (msg.type !== 'session') throw new Error('no session');
    const param = await encodeSession(msg.session);
    expect(param.startsWith('v1.')).toBe(true);
    expect(encodeURIComponent(param)).toBe(param);
    const back = await decodeSession(param);
    expect(back).toEqual({ ok: true, session: msg.session });

    // And it reproduces the same nodes in a fresh engine.
    const out2: EngineToUi[] = [];
    const other = new EngineHost((m) => out2.push(m));
    if (!back.ok) return;
    other.handle({ type: 'hello', version: PROTOCOL_VERSION, seed: 1, session: back.session });
    host.handle({ type: 'advance', ms: 0 });
    const a = out.filter((m): m is FrameMsg => m.type === 'frame').at(-1)!;
    const b = out2.filter((m): m is FrameMsg => m.type === 'frame').at(-1)!;
    expect(b.nodes).toEqual(a.nodes);
  });

  it('refuses a parameter that is too long, not base64url, not deflate, or not a session', async () => {
    expect(await decodeSession('v1.' + 'A'.repeat(MAX_SESSION_PARAM_CHARS))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(await decodeSession('v9.abc')).toMatchObject({ ok: false, reason: 'bad-version' });
    expect(await decodeSession('v1.@@@')).toMatchObject({ ok: false, reason: 'bad-encoding' });
    expect(await decodeSession('v1.AAAAAAAA')).toMatchObject({ ok: false, reason: 'bad-encoding' });
    expect(await decodeSession(await deflated('not json'))).toMatchObject({ ok: false, reason: 'bad-data' });
    expect(await decodeSession(await deflated('{"v":1,"seed":-1,"viewMs":0,"headMs":0,"inputs":[]}'))).toMatchObject({ ok: false, detail: 'bad seed' });
    const bad: [number, unknown][] = [[5, { t: 'crash', node: 'm' }], [3, { t: 'heal' }]];
    expect(await decodeSession(await deflated(JSON.stringify({ v: 1, seed: 1, viewMs: 0, headMs: 9, inputs: bad })))).toMatchObject({ ok: false, detail: 'input 2: out of time order' });
    const evil = [[1, { t: 'eval', code: 'x' }]];
    expect(await decodeSession(await deflated(JSON.stringify({ v: 1, seed: 1, viewMs: 0, headMs: 9, inputs: evil })))).toMatchObject({ ok: false, detail: 'input 1: unknown input "eval"' });
  });

  it('a deflate bomb is stopped once it inflates past the limit', async () => {
    const bomb = await deflated(`{"v":1,"seed":1,"viewMs":0,"headMs":0,"inputs":[],"pad":"${'x'.repeat(8_000_000)}"}`);
    expect(bomb.length).toBeLessThan(MAX_SESSION_PARAM_CHARS);
    const started = Date.now();
    expect(await decodeSession(bomb)).toMatchObject({ ok: false, reason: 'bad-encoding' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an input list the engine checks keeps its types', async () => {
    const inputs: TimedInput[] = [
      { atMs: 1, input: { t: 'node', name: 'm', config: [['save', '']] } },
      { atMs: 2, input: { t: 'link', a: 'm', b: 'r1', props: { latencyMs: 5, cut: true } } },
      { atMs: 3, input: { t: 'command', node: 'm', argv: ['SET', 'a', ''], client: 3 } },
    ];
    const back = await decodeSession(await encodeSession({ seed: 3, viewMs: 2, headMs: 4, inputs }));
    expect(back).toEqual({ ok: true, session: { seed: 3, viewMs: 2, headMs: 4, inputs } });
  });
});

describe('page parameters', () => {
  it('reads seed, theme, embed, a preset or a scenario, and the session', () => {
    expect(readPageParams('?seed=9&theme=DARK&embed=1&scenario=chain')).toMatchObject({ seed: 9, theme: 'dark', embed: true, preset: 'chain', scenario: null, problems: [] });
    expect(readPageParams('?scenario=' + encodeURIComponent('node a\nnode b replicaof $a\n'))).toMatchObject({ preset: null, scenario: 'node a\nnode b replicaof $a\n' });
    expect(readPageParams('')).toMatchObject({ seed: 1, theme: null, embed: false, preset: null, scenario: null, session: null, problems: [] });
  });

  it('reports each bad value and keeps a working default', () => {
    const p = readPageParams(`?seed=abc&theme=purple&scenario=${'x'.repeat(30_000)}&session=${'y'.repeat(70_000)}`);
    expect(p.seed).toBe(1);
    expect(p.theme).toBeNull();
    expect(p.scenario).toBeNull();
    expect(p.session).toBeNull();
    expect(p.problems.map((x) => x.kind)).toEqual(['seed', 'theme', 'scenario-too-long', 'session-too-long']);
    expect(readPageParams('?seed=4294967296').problems).toEqual([{ kind: 'seed', value: '4294967296' }]);
  });

  it('withParam sets or removes one parameter and keeps the others', () => {
    expect(withParam('http://x/app/?lang=ko&seed=2', 'session', 'v1.abc')).toBe('http://x/app/?lang=ko&seed=2&session=v1.abc');
    expect(withParam('http://x/?scenario=chain&lang=en', 'scenario', null)).toBe('http://x/?lang=en');
  });
});
