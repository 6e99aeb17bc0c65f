// Every lesson, played in Node on the real engine through the worker host and
// the page's store: each step's solution passes its goal, and each step's
// wrong action does not. Steps run in order, as a learner takes them.

import { describe, expect, it } from 'vitest';
import { goalContext, type StepStart } from '../src/lessons/context';
import { LESSONS } from '../src/lessons/index';
import type { Lesson, LessonAction } from '../src/lessons/types';
import { attachEngine, lab, nextConsoleId, receive, traceLog, useLab } from '../src/state/lab';
import { EngineHost } from '../src/worker/host';
import { PROTOCOL_VERSION } from '../src/worker/protocol';

/** A lab with the lesson's setup loaded, driven like the page drives it. */
function labFor(lesson: Lesson) {
  useLab.setState({ consoles: [], notices: [], pendingBranch: null });
  const host = new EngineHost((m) => receive(m));
  attachEngine({ post: (m) => host.handle(m) });
  host.handle({ type: 'hello', version: PROTOCOL_VERSION, seed: 1 });
  if ('preset' in lesson.setup) lab.loadPreset(lesson.setup.preset);
  else lab.loadScenario(lesson.setup.scenario);
  expect(useLab.getState().notices).toEqual([]);
  const play = (actions: readonly LessonAction[]) => {
    for (const a of actions) {
      if (a.do === 'command') lab.command(a.node, a.line);
      else if (a.do === 'fault') lab.fault(a.fault);
      else host.handle({ type: 'advance', ms: a.ms });
    }
  };
  const start = (): StepStart => ({ atMs: useLab.getState().viewMs, consoleId: nextConsoleId() });
  return { host, play, start, goal: (lessonStep: number, s: StepStart) => lesson.steps[lessonStep].goal(goalContext(useLab.getState(), traceLog, s)) };
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('has its text in English and Korean', () => {
    for (const t of [lesson.title, lesson.summary, lesson.intro, lesson.outro, ...lesson.steps.flatMap((s) => [s.task, s.explain, ...s.hints])]) {
      expect(t.en.trim()).not.toBe('');
      expect(t.ko.trim()).not.toBe('');
      expect(t.ko).not.toBe(t.en);
    }
  });

  it('its solution passes every step, in order, and no step passes before its solution is played', () => {
    const l = labFor(lesson);
    lesson.steps.forEach((step, i) => {
      const s = l.start();
      expect(l.goal(i, s), `step ${step.id} passed before anything was done`).toBe(false);
      l.play(step.solution);
      expect(l.goal(i, s), `step ${step.id} did not pass with its solution`).toBe(true);
    });
  });

  it('the wrong action of each step does not pass it', () => {
    const l = labFor(lesson);
    lesson.steps.forEach((step, i) => {
      const s = l.start();
      l.play(step.wrong);
      expect(l.goal(i, s), `step ${step.id} passed with its wrong action`).toBe(false);
      // Then the learner does it right, and the lesson goes on from there.
      const s2 = l.start();
      l.play(step.solution);
      expect(l.goal(i, s2), `step ${step.id} did not pass with its solution after the wrong action`).toBe(true);
    });
  });
});
