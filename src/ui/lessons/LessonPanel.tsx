// The lesson being taken: where you are in it, what to do now, hints,
// "Show me", and — once the step's goal passed in the simulation — what just
// happened and the way on. Previous/next, restart, and continuing in the
// sandbox (the lab stays as it is) are always at hand.

import { useEffect, useRef } from 'react';
import { useLab } from '../../state/lab';
import { lessons, useLesson } from '../../state/lesson';
import { RichText } from './RichText';
import { lessonText } from './text';
import './lessons.css';

export function LessonPanel() {
  const lang = useLab((s) => s.lang);
  const t = lessonText[lang];
  const active = useLesson((s) => s.active);
  const catalogue = useLesson((s) => s.catalogue);
  const showing = useLesson((s) => s.showing);
  const nextButton = useRef<HTMLButtonElement>(null);
  const passed = active?.passed ?? false;

  useEffect(() => {
    if (passed) nextButton.current?.focus();
  }, [passed]);

  if (!active) return null;
  const { lesson, step, start, hints } = active;
  const s = lesson.steps[step];
  const last = step === lesson.steps.length - 1;
  const index = catalogue?.findIndex((l) => l.id === lesson.id) ?? -1;
  const nextLesson = catalogue && index >= 0 ? catalogue[index + 1] : undefined;

  return (
    <section className="lesson-panel" aria-labelledby="lesson-title" data-testid="lesson-panel" data-lesson={lesson.id} data-step={s.id} data-passed={String(passed)}>
      <p className="lesson-kicker">{catalogue && index >= 0 ? t.lessonOf(index + 1, catalogue.length) : t.panel}</p>
      <h2 id="lesson-title">{lesson.title[lang]}</h2>
      {step === 0 && !passed && <RichText className="lesson-intro" text={lesson.intro[lang]} />}
      <ol className="lesson-steps" aria-label={t.stepOf(step + 1, lesson.steps.length)}>
        {lesson.steps.map((x, i) => (
          <li key={x.id} className={i < step || (i === step && passed) ? 'step-done' : i === step ? 'step-now' : ''} aria-current={i === step ? 'step' : undefined}>
            <span className="visually-hidden">{t.stepOf(i + 1, lesson.steps.length)}</span>
          </li>
        ))}
      </ol>
      <p className="lesson-step-of">{t.stepOf(step + 1, lesson.steps.length)}</p>
      {start === null ? (
        <p role="status">{t.settingUp}</p>
      ) : (
        <RichText className="lesson-task" text={s.task[lang]} />
      )}
      {hints > 0 && (
        <div className="lesson-hints">
          {s.hints.slice(0, hints).map((h) => (
            <RichText key={h.en} className="lesson-hint" text={`💡 ${h[lang]}`} />
          ))}
        </div>
      )}
      <div role="status" aria-live="polite">
        {passed && (
          <div className="lesson-passed">
            <strong>✓ {t.passed}</strong>
            <RichText text={s.explain[lang]} />
            {last && (
              <>
                <strong>{t.lessonDone}</strong>
                <RichText text={lesson.outro[lang]} />
              </>
            )}
          </div>
        )}
      </div>
      <div className="lesson-actions">
        {!passed && (
          <>
            <button type="button" onClick={lessons.hint} disabled={hints >= s.hints.length} title={hints >= s.hints.length ? t.noMoreHints : undefined}>
              {hints === 0 ? t.hint : t.moreHint}
            </button>
            <button type="button" onClick={() => void lessons.showMe()} disabled={showing || start === null}>
              {showing ? t.showing : t.showMe}
            </button>
          </>
        )}
        {passed && !last && (
          <button ref={nextButton} type="button" className="primary" onClick={lessons.next}>
            {t.next}
          </button>
        )}
        {passed && last && nextLesson && (
          <button ref={nextButton} type="button" className="primary" onClick={() => void lessons.open(nextLesson.id)}>
            {t.nextLesson}: {nextLesson.title[lang]}
          </button>
        )}
      </div>
      <div className="lesson-nav">
        <button type="button" onClick={lessons.previous} disabled={step === 0}>
          ← {t.previous}
        </button>
        {!passed && !last && (
          <button type="button" onClick={lessons.next}>
            {t.next} →
          </button>
        )}
        <button type="button" onClick={lessons.restart}>
          ↺ {t.restart}
        </button>
        <button type="button" onClick={lessons.exit}>
          {t.toSandbox}
        </button>
      </div>
    </section>
  );
}
