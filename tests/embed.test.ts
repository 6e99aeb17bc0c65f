// Embedding, the pure parts: which origins an embedding URL allows, which
// messages the lab understands, what the state message reports, and the
// snippet the Embed dialog produces.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NodeView } from '../src/engine/api';
import { labStatus, MAX_COMMAND_CHARS, MAX_SCENARIO_CHARS, parseInbound } from '../src/embed/messages';
import { MAX_ORIGINS, normalizeOrigin, parseAllowedOrigins, parseOriginList } from '../src/embed/origins';
import { appBaseUrl, embedSnippet, embedUrl, escapeAttribute } from '../src/embed/snippet';
import { embedText } from '../src/embed/text';

describe('allowed origins (?origin=)', () => {
  it('takes origins comma-separated and repeated, normalised as browsers serialise event.origin', () => {
    const r = parseAllowedOrigins('?embed=1&origin=https://Course.Example,http://localhost:8080&origin=https://mirror.example:443/');
    expect(r.origins).toEqual(['https://course.example', 'http://localhost:8080', 'https://mirror.example']);
    expect(r.rejected).toEqual([]);
  });

  it('reads URL-encoded values and IP addresses', () => {
    expect(parseAllowedOrigins('?origin=http%3A%2F%2F127.0.0.1%3A7401').origins).toEqual(['http://127.0.0.1:7401']);
    expect(parseAllowedOrigins('?origin=http://[::1]:8080').origins).toEqual(['http://[::1]:8080']);
  });

  it('refuses what is not an origin, with the reason, and keeps the good ones', () => {
    const r = parseOriginList(['*, null, https://ok.example, https://course.example/lesson1, ftp://files.example, course.example, https://user:pw@x.example, javascript:alert(1), https://ok.example?x=1']);
    expect(r.origins).toEqual(['https://ok.example']);
    expect(r.rejected.map((x) => [x.value, x.reason])).toEqual([
      ['*', 'wildcard'],
      ['null', 'null-origin'],
      ['https://course.example/lesson1', 'has-path'],
      ['ftp://files.example', 'not-http'],
      ['course.example', 'not-a-url'],
      ['https://user:pw@x.example', 'has-credentials'],
      ['javascript:alert(1)', 'not-a-url'],
      ['https://ok.example?x=1', 'has-path'],
    ]);
  });

  it('no ?origin= allows nobody; empty parts and duplicates are skipped; the list is bounded', () => {
    expect(parseAllowedOrigins('?embed=1')).toEqual({ origins: [], rejected: [] });
    expect(parseOriginList([' , https://a.example,,https://a.example/ ']).origins).toEqual(['https://a.example']);
    const many = Array.from({ length: 50 }, (_, i) => `https://s${i}.example`).join(',');
    expect(parseOriginList([many]).origins).toHaveLength(MAX_ORIGINS);
  });

  it('a huge value is refused without being parsed', () => {
    expect(normalizeOrigin(`https://${'a'.repeat(5000)}.example`)).toEqual({ ok: false, reason: 'not-a-url' });
  });

  it('every refusal has a reason in both languages', () => {
    for (const reason of ['wildcard', 'null-origin', 'not-a-url', 'not-http', 'has-path', 'has-credentials'] as const) {
      expect(embedText.en.why[reason]).toBeTruthy();
      expect(embedText.ko.why[reason]).toBeTruthy();
      expect(embedText.ko.why[reason]).not.toBe(embedText.en.why[reason]);
    }
    expect(Object.keys(embedText.ko).sort()).toEqual(Object.keys(embedText.en).sort());
  });
});

describe('incoming messages', () => {
  it('other scripts’ messages are ignored, not answered', () => {
    for (const data of [null, 'replica-lab:state', 42, [], {}, { type: 'resize' }, { type: 'webpackOk' }, { type: 7 }]) expect(parseInbound(data)).toEqual({ kind: 'ignore' });
  });

  it('load takes exactly one of lesson, scenario, preset', () => {
    expect(parseInbound({ type: 'replica-lab:load', lesson: 'what-is-replication', id: 3 })).toEqual({ kind: 'ok', msg: { type: 'replica-lab:load', id: 3, what: { lesson: 'what-is-replication' } } });
    expect(parseInbound({ type: 'replica-lab:load', scenario: 'node m\n' })).toEqual({ kind: 'ok', msg: { type: 'replica-lab:load', what: { scenario: 'node m\n' } } });
    expect(parseInbound({ type: 'replica-lab:load', preset: 'chain', id: 'a' })).toEqual({ kind: 'ok', msg: { type: 'replica-lab:load', id: 'a', what: { preset: 'chain' } } });
    for (const bad of [
      { type: 'replica-lab:load' },
      { type: 'replica-lab:load', lesson: 'x', preset: 'chain' },
      { type: 'replica-lab:load', lesson: '../../etc' },
      { type: 'replica-lab:load', lesson: 12 },
      { type: 'replica-lab:load', preset: 'star' },
      { type: 'replica-lab:load', scenario: '   ' },
      { type: 'replica-lab:load', scenario: 'x'.repeat(MAX_SCENARIO_CHARS + 1) },
    ])
      expect(parseInbound({ ...bad, id: 9 })).toMatchObject({ kind: 'invalid', id: 9, reason: 'bad-message' });
  });

  it('command needs a node name and a non-empty line of bounded length', () => {
    expect(parseInbound({ type: 'replica-lab:command', node: 'r1', command: 'GET k' })).toEqual({ kind: 'ok', msg: { type: 'replica-lab:command', node: 'r1', command: 'GET k' } });
    for (const bad of [
      { node: 'r 1', command: 'GET k' },
      { node: '', command: 'GET k' },
      { node: 'm', command: '' },
      { node: 'm', command: 5 },
      { node: 'm' },
      { node: 'm', command: 'x'.repeat(MAX_COMMAND_CHARS + 1) },
    ])
      expect(parseInbound({ type: 'replica-lab:command', ...bad })).toMatchObject({ kind: 'invalid', reason: 'bad-message' });
  });

  it('hello, step and state carry nothing but an optional id', () => {
    expect(parseInbound({ type: 'replica-lab:step' })).toEqual({ kind: 'ok', msg: { type: 'replica-lab:step' } });
    expect(parseInbound({ type: 'replica-lab:state', id: 'q1', junk: true })).toEqual({ kind: 'ok', msg: { type: 'replica-lab:state', id: 'q1' } });
    expect(parseInbound({ type: 'replica-lab:hello' })).toEqual({ kind: 'ok', msg: { type: 'replica-lab:hello' } });
  });

  it('an unknown replica-lab type or a bad id is answered with the reason', () => {
    expect(parseInbound({ type: 'replica-lab:crash', id: 1 })).toMatchObject({ kind: 'invalid', id: 1, reason: 'unknown-type' });
    expect(parseInbound({ type: 'replica-lab:state', id: { x: 1 } })).toMatchObject({ kind: 'invalid', reason: 'bad-message' });
    expect(parseInbound({ type: 'replica-lab:state', id: Number.NaN })).toMatchObject({ kind: 'invalid', reason: 'bad-message' });
    expect(parseInbound({ type: 'replica-lab:state', id: 'x'.repeat(101) })).toMatchObject({ kind: 'invalid', reason: 'bad-message' });
  });
});

describe('the state message', () => {
  const view = (over: Partial<NodeView>): NodeView => ({
    name: 'm',
    host: '127.0.0.1',
    port: 6379,
    up: true,
    role: 'master',
    linkState: 'none',
    masterName: null,
    replid: 'x',
    offset: 0,
    keys: 0,
    persistence: 'rdb',
    replicas: [],
    syncProgress: null,
    ...over,
  });

  it('reports times since the world began, roles in the diagram’s words, and the lesson step', () => {
    const s = labStatus(
      {
        originMs: 1_000_000,
        viewMs: 1_002_500,
        headMs: 1_003_000,
        playing: true,
        nodes: [view({ offset: 41, keys: 2 }), view({ name: 'r1', role: 'slave', linkState: 'connected', masterName: 'm', offset: 41 }), view({ name: 's1', sentinel: true, up: false })],
      },
      { lesson: { id: 'link-drops', steps: [{ id: 'a' }, { id: 'b' }] }, step: 1, passed: true },
    );
    expect(s).toEqual({
      viewMs: 2500,
      headMs: 3000,
      playing: true,
      nodes: [
        { name: 'm', role: 'master', up: true, linkState: 'none', master: null, offset: 41, keys: 2 },
        { name: 'r1', role: 'replica', up: true, linkState: 'connected', master: 'm', offset: 41, keys: 0 },
        { name: 's1', role: 'sentinel', up: false, linkState: 'none', master: null, offset: 0, keys: 0 },
      ],
      lesson: { id: 'link-drops', step: 1, stepId: 'b', steps: 2, passed: true },
    });
    expect(labStatus({ originMs: 0, viewMs: 0, headMs: 0, playing: false, nodes: [] }, null).lesson).toBeNull();
  });
});

describe('the embed snippet', () => {
  it('the app’s folder is the page’s URL without file, query or hash, from any sub-path', () => {
    expect(appBaseUrl('https://labs.example/courses/redis/?lesson=x#y')).toBe('https://labs.example/courses/redis/');
    expect(appBaseUrl('https://labs.example/courses/redis/index.html?x')).toBe('https://labs.example/courses/redis/');
    expect(appBaseUrl('http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173/');
  });

  it('the frame URL says embed, what to open, the language and each origin, readably', () => {
    const base = 'https://labs.example/redis/';
    expect(embedUrl(base, { kind: 'lesson', id: 'link-drops' }, ['https://course.example', 'http://localhost:8080'], 'ko')).toBe(
      'https://labs.example/redis/?embed=1&lesson=link-drops&lang=ko&origin=https://course.example&origin=http://localhost:8080',
    );
    const url = new URL(embedUrl(base, { kind: 'session', param: 'v1.AbC-_9' }, ['https://course.example'], 'en'));
    expect(url.searchParams.get('session')).toBe('v1.AbC-_9');
    expect(parseAllowedOrigins(url.search).origins).toEqual(['https://course.example']);
  });

  it('the snippet is an iframe marked for the resize script, then the script from the same folder', () => {
    const base = 'https://labs.example/redis/';
    const html = embedSnippet(base, `${base}?embed=1&lesson=a&origin=https://c.example`, 'Replica Lab "demo"');
    expect(html).toBe(
      '<iframe src="https://labs.example/redis/?embed=1&amp;lesson=a&amp;origin=https://c.example" title="Replica Lab &quot;demo&quot;" width="100%" height="720" loading="lazy" data-replica-lab></iframe>\n' +
        '<script src="https://labs.example/redis/replica-lab-embed.js" defer></script>',
    );
    expect(escapeAttribute('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('static hosting', () => {
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0], d.slice(1)] as const),
  );

  it('index.html carries a strict Content-Security-Policy before anything loads', () => {
    expect(html.indexOf('Content-Security-Policy')).toBeGreaterThan(-1);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('every asset in index.html is relative, so the build works from any sub-path', () => {
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^\.\//);
  });
});
