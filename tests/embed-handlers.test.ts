// What an embedded lab does with accepted messages, on the real store and a
// real engine host (no browser): loads answer once the world is up, a
// command is answered with its console line's reply, the state message
// reports what the page shows, and failures are answered with a reason.

import { beforeEach, describe, expect, it } from 'vitest';
import { handleInbound } from '../src/embed/handlers';
import type { Inbound, Outbound } from '../src/embed/messages';
import { attachEngine, lab, receive, useLab } from '../src/state/lab';
import { lessons, useLesson } from '../src/state/lesson';
import { EngineHost } from '../src/worker/host';
import { PROTOCOL_VERSION } from '../src/worker/protocol';

/** A host answering asynchronously, as the worker does. */
function connect(hello = true) {
  const host = new EngineHost((m) => receive(m));
  attachEngine({ post: (m) => setTimeout(() => host.handle(m), 0) });
  if (hello) host.handle({ type: 'hello', version: PROTOCOL_VERSION, seed: 3 });
  return host;
}

/** Send one message and collect everything answered until `settled` holds (or a short wait passes). */
async function ask(msg: Inbound, settled: (answers: Outbound[]) => boolean = (a) => a.length > 0): Promise<Outbound[]> {
  const answers: Outbound[] = [];
  await handleInbound(msg, (m) => answers.push(m));
  for (let i = 0; i < 1000 && !settled(answers); i++) await new Promise((r) => setTimeout(r, 5));
  return answers;
}

beforeEach(() => {
  lessons.exit();
  useLab.setState({ consoles: [], notices: [], pendingBranch: null, selected: null, status: { kind: 'starting' } });
});

describe('embedded lab: answering messages', () => {
  it('state reports the nodes, the clock since the world began, and no lesson', async () => {
    connect();
    const [answer] = await ask({ type: 'replica-lab:state', id: 7 });
    const s = useLab.getState();
    expect(answer).toMatchObject({ type: 'replica-lab:state', id: 7, viewMs: s.viewMs - s.originMs, headMs: s.headMs - s.originMs, playing: false, lesson: null });
    if (answer.type !== 'replica-lab:state') throw new Error(answer.type);
    expect(answer.nodes.map((n) => [n.name, n.role, n.master])).toEqual([
      ['m', 'master', null],
      ['r1', 'replica', 'm'],
      ['r2', 'replica', 'm'],
    ]);
  });

  it('a command is typed into the node’s console and answered with the reply as the console prints it', async () => {
    connect();
    expect(await ask({ type: 'replica-lab:command', id: 'a', node: 'm', command: 'SET k v' })).toEqual([{ type: 'replica-lab:reply', id: 'a', node: 'm', command: 'SET k v', output: 'OK', error: false }]);
    expect(useLab.getState().selected).toBe('m');
    expect(useLab.getState().consoles.map((l) => [l.node, l.input, l.output])).toEqual([['m', 'SET k v', 'OK']]);
    const [readonly] = await ask({ type: 'replica-lab:command', node: 'r1', command: '  SET k w ' });
    expect(readonly).toMatchObject({ type: 'replica-lab:reply', node: 'r1', command: 'SET k w', error: true });
    expect(readonly.type === 'replica-lab:reply' && readonly.output).toMatch(/READONLY/);
    expect(useLab.getState().selected).toBe('r1');
  });

  it('a command to a node the lab does not have, or a line that cannot be sent, is an error', async () => {
    connect();
    expect(await ask({ type: 'replica-lab:command', id: 1, node: 'r9', command: 'PING' })).toEqual([{ type: 'replica-lab:error', id: 1, reason: 'unknown-node', message: 'no node "r9"; the lab has m, r1, r2' }]);
    expect(await ask({ type: 'replica-lab:command', id: 2, node: 'm', command: 'SET k "open' })).toMatchObject([{ type: 'replica-lab:error', id: 2, reason: 'bad-command' }]);
    expect(useLab.getState().consoles).toEqual([]);
  });

  it('messages that arrive before the engine is up wait for it', async () => {
    const host = connect(false);
    const answers: Outbound[] = [];
    const done = handleInbound({ type: 'replica-lab:state', id: 'early' }, (m) => answers.push(m));
    await new Promise((r) => setTimeout(r, 10));
    expect(answers).toEqual([]);
    host.handle({ type: 'hello', version: PROTOCOL_VERSION, seed: 3 });
    await done;
    expect(answers).toMatchObject([{ type: 'replica-lab:state', id: 'early' }]);
  });

  it('loading a preset answers once its world is up', async () => {
    connect();
    const answers = await ask({ type: 'replica-lab:load', id: 'p', what: { preset: 'chain' } });
    expect(answers).toEqual([{ type: 'replica-lab:loaded', id: 'p', preset: 'chain' }]);
    expect(useLab.getState().nodes.map((n) => [n.name, n.masterName])).toEqual([
      ['m', null],
      ['r1', 'm'],
      ['r2', 'r1'],
    ]);
  });

  it('loading a scenario answers when it ran, and with the engine’s reason when it did not', async () => {
    connect();
    expect(await ask({ type: 'replica-lab:load', what: { scenario: 'node a\na> SET x 1\nnode b\nb> REPLICAOF 127.0.0.1 6379\n' } })).toEqual([
      { type: 'replica-lab:loaded', scenario: 'node a\na> SET x 1\nnode b\nb> REPLICAOF 127.0.0.1 6379\n' },
    ]);
    expect(useLab.getState().nodes.map((n) => n.name)).toEqual(['a', 'b']);
    const [failed] = await ask({ type: 'replica-lab:load', id: 'bad', what: { scenario: 'node a\nfrobnicate everything\n' } });
    expect(failed).toMatchObject({ type: 'replica-lab:error', id: 'bad', reason: 'load-failed' });
    expect(failed.type === 'replica-lab:error' && failed.message).toMatch(/line 2/);
  });

  it('loading a lesson answers once its first step started; state then names the lesson', async () => {
    connect();
    expect(await ask({ type: 'replica-lab:load', id: 'l', what: { lesson: 'replicas-are-read-only' } })).toEqual([{ type: 'replica-lab:loaded', id: 'l', lesson: 'replicas-are-read-only' }]);
    expect(useLesson.getState().active?.lesson.id).toBe('replicas-are-read-only');
    const [state] = await ask({ type: 'replica-lab:state' });
    expect(state).toMatchObject({ lesson: { id: 'replicas-are-read-only', step: 0, passed: false } });
    // A preset is the sender's world, not the lesson's: the lesson is left.
    await ask({ type: 'replica-lab:load', what: { preset: 'default' } });
    expect(useLesson.getState().active).toBeNull();
  });

  it('an unknown lesson is said so, and the lab stays as it was', async () => {
    connect();
    const generation = useLab.getState().worldGeneration;
    expect(await ask({ type: 'replica-lab:load', id: 4, what: { lesson: 'no-such-lesson' } })).toEqual([{ type: 'replica-lab:error', id: 4, reason: 'unknown-lesson', message: 'no lesson "no-such-lesson"' }]);
    expect(useLab.getState().worldGeneration).toBe(generation);
  });

  it('step moves the lab to its next moment', async () => {
    connect();
    const before = useLab.getState().viewMs;
    expect(await ask({ type: 'replica-lab:step' }, () => useLab.getState().viewMs > before)).toEqual([]);
    expect(useLab.getState().viewMs).toBeGreaterThan(before);
  });

  it('a command while the lab shows the past waits for the learner: cancelled is said so, confirmed is answered', async () => {
    const host = connect();
    host.handle({ type: 'advance', ms: 2000 });
    lab.seek(useLab.getState().originMs + 500);
    await new Promise((r) => setTimeout(r, 10));
    expect(useLab.getState().viewMs).toBeLessThan(useLab.getState().headMs);

    const cancelled: Outbound[] = [];
    await handleInbound({ type: 'replica-lab:command', id: 'c', node: 'm', command: 'SET k 1' }, (m) => cancelled.push(m));
    expect(useLab.getState().pendingBranch).not.toBeNull();
    expect(cancelled).toEqual([]);
    lab.cancelBranch();
    await Promise.resolve();
    expect(cancelled).toEqual([{ type: 'replica-lab:error', id: 'c', reason: 'cancelled', message: 'the lab shows the past and the learner chose not to branch from there' }]);

    const confirmed: Outbound[] = [];
    await handleInbound({ type: 'replica-lab:command', id: 'd', node: 'm', command: 'SET k 2' }, (m) => confirmed.push(m));
    lab.confirmBranch();
    for (let i = 0; i < 50 && confirmed.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(confirmed).toEqual([{ type: 'replica-lab:reply', id: 'd', node: 'm', command: 'SET k 2', output: 'OK', error: false }]);
  });
});
