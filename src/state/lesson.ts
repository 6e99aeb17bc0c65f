// The lesson being taken: which lesson and step, where the step began, and
// whether its goal passed — checked against every update of the lab store.
// Lessons are loaded lazily (they are text in two languages, not needed for
// the sandbox). Progress is saved in localStorage (progress.ts).

import { create } from 'zustand';
import { goalContext, type StepStart } from '../lessons/context';
import type { Lesson, LessonAction } from '../lessons/types';
import { lab, nextConsoleId, traceLog, useLab } from './lab';
import { loadProgress, type Progress, saveProgress, withStepPassed } from './progress';

export interface ActiveLesson {
  lesson: Lesson;
  step: number;
  /** Null until the lesson's world is up (then the step's clock starts). */
  start: StepStart | null;
  /** The world generation the lesson waits for (its setup), before starting the step. */
  worldAfter: number;
  passed: boolean;
  /** How many of the step's hints are shown. */
  hints: number;
}

export interface LessonState {
  catalogue: Lesson[] | null;
  active: ActiveLesson | null;
  progress: Progress;
  /** Stored progress was unreadable and was reset (the page says so once). */
  progressReset: 'corrupt' | 'old-version' | null;
  /** "Show me" is playing the step's solution. */
  showing: boolean;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const initialProgress = loadProgress(storage());

export const useLesson = create<LessonState>(() => ({
  catalogue: null,
  active: null,
  progress: initialProgress.progress,
  progressReset: initialProgress.reset,
  showing: false,
}));

let loading: Promise<Lesson[]> | null = null;

/** The course (a lazily loaded chunk). */
export function loadCatalogue(): Promise<Lesson[]> {
  loading ??= import('../lessons/index').then((m) => {
    useLesson.setState({ catalogue: m.LESSONS });
    return m.LESSONS;
  });
  return loading;
}

function setUp(lesson: Lesson): number {
  const generation = useLab.getState().worldGeneration;
  if ('preset' in lesson.setup) lab.loadPreset(lesson.setup.preset);
  else lab.loadScenario(lesson.setup.scenario);
  return generation + 1;
}

function stepStartNow(): StepStart {
  return { atMs: useLab.getState().viewMs, consoleId: nextConsoleId() };
}

/** Check the current step's goal against the lab (called on every store update). */
export function checkGoal(): void {
  const { active, progress } = useLesson.getState();
  if (!active) return;
  const s = useLab.getState();
  if (active.start === null) {
    if (s.status.kind === 'ready' && s.worldGeneration >= active.worldAfter) useLesson.setState({ active: { ...active, start: stepStartNow() } });
    return;
  }
  if (active.passed) return;
  const step = active.lesson.steps[active.step];
  let ok = false;
  try {
    ok = step.goal(goalContext(s, traceLog, active.start));
  } catch {
    ok = false;
  }
  if (!ok) return;
  const next = withStepPassed(
    progress,
    active.lesson.id,
    step.id,
    active.lesson.steps.map((x) => x.id),
  );
  saveProgress(storage(), next);
  useLesson.setState({ active: { ...active, passed: true }, progress: next });
}

let watching = false;

function watch(): void {
  if (watching) return;
  watching = true;
  useLab.subscribe(checkGoal);
}

export const lessons = {
  /** Start a lesson from its first step (sets up its world). */
  async open(id: string): Promise<boolean> {
    const all = await loadCatalogue();
    const lesson = all.find((l) => l.id === id);
    if (!lesson) return false;
    watch();
    useLesson.setState({ active: { lesson, step: 0, start: null, worldAfter: setUp(lesson), passed: false, hints: 0 }, showing: false });
    return true;
  },
  goTo(step: number): void {
    const { active } = useLesson.getState();
    if (!active || step < 0 || step >= active.lesson.steps.length) return;
    useLesson.setState({ active: { ...active, step, start: stepStartNow(), passed: false, hints: 0 }, showing: false });
    checkGoal();
  },
  next(): void {
    const a = useLesson.getState().active;
    if (a) lessons.goTo(a.step + 1);
  },
  previous(): void {
    const a = useLesson.getState().active;
    if (a) lessons.goTo(a.step - 1);
  },
  /** The lesson from the start, with a fresh world. */
  restart(): void {
    const a = useLesson.getState().active;
    if (a) void lessons.open(a.lesson.id);
  },
  hint(): void {
    const a = useLesson.getState().active;
    if (a) useLesson.setState({ active: { ...a, hints: Math.min(a.hints + 1, a.lesson.steps[a.step].hints.length) } });
  },
  /** Leave the lesson; the world stays, to keep playing in the sandbox. */
  exit(): void {
    useLesson.setState({ active: null, showing: false });
  },
  /** Play the step's solution in the lab, as a person would (typed commands, clicks, waiting). */
  async showMe(): Promise<void> {
    const a = useLesson.getState().active;
    if (!a || useLesson.getState().showing) return;
    useLesson.setState({ showing: true });
    try {
      await playActions(a.lesson.steps[a.step].solution, uiDriver);
    } finally {
      useLesson.setState({ showing: false });
    }
  },
  dismissProgressReset(): void {
    useLesson.setState({ progressReset: null });
  },
};

export interface ActionDriver {
  command(node: string, line: string): void;
  fault(f: Extract<LessonAction, { do: 'fault' }>['fault']): void;
  wait(ms: number): Promise<void>;
}

export async function playActions(actions: readonly LessonAction[], driver: ActionDriver): Promise<void> {
  for (const a of actions) {
    if (useLesson.getState().active === null && driver === uiDriver) return;
    if (a.do === 'command') driver.command(a.node, a.line);
    else if (a.do === 'fault') driver.fault(a.fault);
    else await driver.wait(a.ms);
  }
}

/** In the page: commands and faults through the lab, waiting = playing until that much virtual time has passed. */
const uiDriver: ActionDriver = {
  command: (node, line) => {
    lab.select(node);
    lab.command(node, line);
  },
  fault: (f) => lab.fault(f),
  wait: (ms) =>
    new Promise((resolve) => {
      const until = useLab.getState().viewMs + ms;
      if (!useLab.getState().playing) lab.play();
      const stop = useLab.subscribe((s) => {
        if (s.viewMs >= until || useLesson.getState().active === null) {
          stop();
          resolve();
        }
      });
    }),
};
