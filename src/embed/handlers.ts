// What an embedded lab does with each accepted `replica-lab:*` message
// (docs/embedding.md): it acts through the same store actions as the page's
// own buttons and console, and answers the sender once the outcome is known —
// the lesson's world is up, the console line has its reply. No DOM here: the
// window, the origins and postMessage are api.ts's business.

import { lab, useLab } from '../state/lab';
import { lessons, useLesson } from '../state/lesson';
import { type Inbound, type LoadWhat, labStatus, type Outbound, type RequestId } from './messages';

/** How long a load may take before the sender is told it timed out (a lesson's world is up in well under a second). */
export const LOAD_TIMEOUT_MS = 20_000;

export type Answer = (msg: Outbound) => void;

/** Act on `msg` once the engine is up, and answer through `answer`. */
export function handleInbound(msg: Inbound, answer: Answer): Promise<void> {
  return whenEngineReady().then(() => handle(msg, answer));
}

export function idOf(id: RequestId | undefined): { id?: RequestId } {
  return id === undefined ? {} : { id };
}

function whenEngineReady(): Promise<void> {
  return waitFor(() => useLab.getState().status.kind === 'ready', Number.POSITIVE_INFINITY).then(() => undefined);
}

/** Resolves true once `done()` holds (checked on every change of the lab or the lesson), false after `timeoutMs`. */
function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const check = () => {
      if (!done()) return;
      finish(true);
    };
    const stopLab = useLab.subscribe(check);
    const stopLesson = useLesson.subscribe(check);
    const timer = Number.isFinite(timeoutMs) ? setTimeout(() => finish(false), timeoutMs) : null;
    function finish(ok: boolean) {
      stopLab();
      stopLesson();
      if (timer !== null) clearTimeout(timer);
      resolve(ok);
    }
  });
}

function handle(msg: Inbound, answer: Answer): void {
  const id = idOf(msg.id);
  switch (msg.type) {
    case 'replica-lab:hello':
      return;
    case 'replica-lab:load':
      load(msg.what, id, answer);
      return;
    case 'replica-lab:command':
      command(msg.node, msg.command, id, answer);
      return;
    case 'replica-lab:step':
      lab.step();
      return;
    case 'replica-lab:state':
      answer({ type: 'replica-lab:state', ...id, ...labStatus(useLab.getState(), useLesson.getState().active) });
      return;
  }
}

function load(what: LoadWhat, id: { id?: RequestId }, answer: Answer): void {
  const timedOut = () => answer({ type: 'replica-lab:error', ...id, reason: 'timeout', message: `the lab was not ready within ${LOAD_TIMEOUT_MS / 1000} s` });
  if ('lesson' in what) {
    lessons.open(what.lesson).then(
      async (found) => {
        if (!found) {
          answer({ type: 'replica-lab:error', ...id, reason: 'unknown-lesson', message: `no lesson ${JSON.stringify(what.lesson)}` });
          return;
        }
        // The lesson is running once its world is up and its first step has started.
        const ok = await waitFor(() => {
          const a = useLesson.getState().active;
          return a?.lesson.id === what.lesson && a.start !== null;
        }, LOAD_TIMEOUT_MS);
        if (ok) answer({ type: 'replica-lab:loaded', ...id, lesson: what.lesson });
        else timedOut();
      },
      (e: unknown) => answer({ type: 'replica-lab:error', ...id, reason: 'load-failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  // A scenario or a preset is a world of the sender's choosing, not the lesson's: leave the lesson.
  if (useLesson.getState().active) lessons.exit();
  const before = useLab.getState();
  const generation = before.worldGeneration;
  const noticesBefore = new Set(before.notices.map((n) => n.id));
  let failure: string | null = null;
  if ('scenario' in what) lab.loadScenario(what.scenario);
  else lab.loadPreset(what.preset);
  waitFor(() => {
    const s = useLab.getState();
    // A scenario that does not run is reported by the engine as an error notice (its line and reason).
    const problem = s.notices.find((n) => n.kind === 'error' && !noticesBefore.has(n.id));
    if (problem) failure = problem.text;
    return failure !== null || (s.worldGeneration > generation && s.status.kind === 'ready');
  }, LOAD_TIMEOUT_MS).then((ok) => {
    if (!ok) timedOut();
    else if (failure !== null) answer({ type: 'replica-lab:error', ...id, reason: 'load-failed', message: failure });
    else answer({ type: 'replica-lab:loaded', ...id, ...what });
  });
}

/**
 * Type `line` into `node`'s console, as a person would, and answer with the
 * reply once the console line settles. When the lab shows the past, the
 * person is asked first whether to branch (as for their own typing); if they
 * cancel, the sender is told so.
 */
function command(node: string, line: string, id: { id?: RequestId }, answer: Answer): void {
  const fail = (reason: 'unknown-node' | 'bad-command' | 'cancelled' | 'lost', message: string) => answer({ type: 'replica-lab:error', ...id, reason, message });
  const names = useLab.getState().nodes.map((n) => n.name);
  if (!names.includes(node)) {
    fail('unknown-node', `no node ${JSON.stringify(node)}; the lab has ${names.join(', ') || 'no nodes'}`);
    return;
  }
  let lineId: number | null = null;
  const onSent = () => {
    // The console line was appended just now, before the command went to the engine.
    const mine = [...useLab.getState().consoles].reverse().find((l) => l.node === node && l.input === line.trim());
    lineId = mine?.id ?? null;
    if (lineId === null) {
      fail('lost', 'the console line of the command was not found');
      return;
    }
    const sent = lineId;
    waitFor(() => {
      const l = useLab.getState().consoles.find((c) => c.id === sent);
      return l === undefined || l.output !== null;
    }, Number.POSITIVE_INFINITY).then(() => {
      const l = useLab.getState().consoles.find((c) => c.id === sent);
      if (!l || l.output === null) fail('lost', 'the console dropped the line before its reply arrived');
      else answer({ type: 'replica-lab:reply', ...id, node, command: l.input, output: l.output, error: l.error });
    });
  };
  // Show it where a person would look: the node's console tab, with its reply.
  lab.select(node);
  const why = lab.command(node, line, onSent);
  if (why !== null) {
    fail('bad-command', why === 'empty' ? 'the command is empty' : 'the command has an unbalanced quote or a bad escape');
    return;
  }
  if (lineId !== null || useLab.getState().pendingBranch === null) return;
  // Waiting for the person to confirm branching: confirmBranch clears the question and then sends (onSent), cancel only clears it.
  const stop = useLab.subscribe((s) => {
    if (s.pendingBranch !== null) return;
    stop();
    queueMicrotask(() => {
      if (lineId === null) fail('cancelled', 'the lab shows the past and the learner chose not to branch from there');
    });
  });
}
