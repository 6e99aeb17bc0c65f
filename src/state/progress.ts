// Lesson progress, kept in localStorage. What is stored is checked when read:
// corrupt, foreign or older data is dropped (and the caller told, to show a
// notice) instead of crashing the page; storage that is off or full is
// survived, progress then lasts for the visit only.

export const PROGRESS_KEY = 'replica-lab:progress';
const VERSION = 1;

export interface LessonProgress {
  /** Ids of the steps whose goal passed. */
  steps: string[];
  /** Every step passed. */
  done: boolean;
}

export interface Progress {
  v: typeof VERSION;
  lessons: Record<string, LessonProgress>;
}

export type ProgressRead = { progress: Progress; reset: 'corrupt' | 'old-version' | null };

export const emptyProgress = (): Progress => ({ v: VERSION, lessons: {} });

/** Parse stored text; anything that is not a progress record of this version is reset. */
export function parseProgress(text: string | null): ProgressRead {
  if (text === null) return { progress: emptyProgress(), reset: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), reset: 'corrupt' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { progress: emptyProgress(), reset: 'corrupt' };
  const d = data as Record<string, unknown>;
  if (d.v !== VERSION) return { progress: emptyProgress(), reset: typeof d.v === 'number' ? 'old-version' : 'corrupt' };
  if (typeof d.lessons !== 'object' || d.lessons === null || Array.isArray(d.lessons)) return { progress: emptyProgress(), reset: 'corrupt' };
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, p] of Object.entries(d.lessons as Record<string, unknown>)) {
    if (typeof p !== 'object' || p === null) return { progress: emptyProgress(), reset: 'corrupt' };
    const lp = p as Record<string, unknown>;
    if (!Array.isArray(lp.steps) || !lp.steps.every((x) => typeof x === 'string') || typeof lp.done !== 'boolean') return { progress: emptyProgress(), reset: 'corrupt' };
    lessons[id] = { steps: [...new Set(lp.steps as string[])], done: lp.done };
  }
  return { progress: { v: VERSION, lessons }, reset: null };
}

export function loadProgress(storage: Pick<Storage, 'getItem'> | null): ProgressRead {
  try {
    return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return { progress: emptyProgress(), reset: null };
  }
}

export function saveProgress(storage: Pick<Storage, 'setItem'> | null, progress: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Storage off or full: progress lasts for this visit.
  }
}

/** Progress with one more step passed (and the lesson done when all its steps are). */
export function withStepPassed(progress: Progress, lessonId: string, stepId: string, allStepIds: readonly string[]): Progress {
  const before = progress.lessons[lessonId] ?? { steps: [], done: false };
  const steps = before.steps.includes(stepId) ? before.steps : [...before.steps, stepId];
  const done = allStepIds.every((s) => steps.includes(s));
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: { steps, done } } };
}
