// The lesson list: the course in order with each lesson's progress, and the
// sandbox one click away. A modal dialog (Escape closes it).

import { useEffect, useRef } from 'react';
import { useLab } from '../../state/lab';
import { lessons, loadCatalogue, useLesson } from '../../state/lesson';
import { lessonText } from './text';

export function LessonList({ onClose }: { onClose(): void }) {
  const t = lessonText[useLab((s) => s.lang)];
  const lang = useLab((s) => s.lang);
  const catalogue = useLesson((s) => s.catalogue);
  const progress = useLesson((s) => s.progress);
  const active = useLesson((s) => s.active);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void loadCatalogue();
  }, []);

  const pick = (id: string | null) => {
    if (id === null) lessons.exit();
    else void lessons.open(id);
    dialog.current?.close();
  };

  return (
    <dialog ref={dialog} className="lesson-list" aria-labelledby="lesson-list-title" onClose={onClose} onCancel={onClose} data-testid="lesson-list">
      <h2 id="lesson-list-title">{t.course}</h2>
      <p className="lesson-list-help">{t.courseHelp}</p>
      {catalogue === null ? (
        <p role="status">{t.loading}</p>
      ) : (
        <ol className="lesson-items">
          {catalogue.map((l, i) => {
            const p = progress.lessons[l.id];
            const k = p ? l.steps.filter((s) => p.steps.includes(s.id)).length : 0;
            return (
              <li key={l.id} data-lesson={l.id} data-done={String(!!p?.done)} aria-current={active?.lesson.id === l.id ? 'step' : undefined}>
                <span className="lesson-number">{i + 1}</span>
                <span className="lesson-item-text">
                  <strong>{l.title[lang]}</strong>
                  <span className="lesson-summary">{l.summary[lang]}</span>
                  <span className="lesson-progress">{p?.done ? `✓ ${t.done}` : t.stepsDone(k, l.steps.length)}</span>
                </span>
                <button type="button" onClick={() => pick(l.id)} aria-label={`${p?.done ? t.again : t.open}: ${l.title[lang]}`}>
                  {p?.done ? t.again : t.open}
                </button>
              </li>
            );
          })}
          <li className="lesson-sandbox">
            <span className="lesson-number">∞</span>
            <span className="lesson-item-text">
              <strong>{t.sandbox}</strong>
              <span className="lesson-summary">{t.sandboxHelp}</span>
            </span>
            <button type="button" onClick={() => pick(null)}>
              {t.sandbox}
            </button>
          </li>
        </ol>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}
