// The Embed dialog: the <iframe> snippet a course author pastes into a page,
// for the lesson being taken or for the lab as it is now (a share link's
// session), with the author's site as the origin allowed to send it
// messages, and the script that keeps the frame as tall as the lab.

import { useEffect, useId, useRef, useState } from 'react';
import { lab, useLab } from '../state/lab';
import { useLesson } from '../state/lesson';
import { encodeSession, MAX_SESSION_PARAM_CHARS } from '../state/share';
import { parseOriginList } from './origins';
import { appBaseUrl, type EmbedTarget, embedSnippet, embedUrl } from './snippet';
import { embedText } from './text';
import './dialog.css';

export const DEFAULT_COURSE_ORIGIN = 'https://your-course.example';

type What = 'lesson' | 'topology';
type SessionParam = { kind: 'working' } | { kind: 'ready'; param: string } | { kind: 'too-long' };

export function EmbedDialog({ onClose }: { onClose(): void }) {
  const lang = useLab((s) => s.lang);
  const t = embedText[lang];
  const lessonId = useLesson((s) => s.active?.lesson.id ?? null);
  const lessonTitle = useLesson((s) => s.active?.lesson.title[lang] ?? null);
  const [what, setWhat] = useState<What>(lessonId !== null ? 'lesson' : 'topology');
  const [originField, setOriginField] = useState(DEFAULT_COURSE_ORIGIN);
  const [session, setSession] = useState<SessionParam>({ kind: 'working' });
  /** The snippet last copied (or tried), so a changed snippet no longer says "Copied". */
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const output = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  // The session is asked for once, when the topology is first chosen (the lab as it was when the dialog opened).
  const wantSession = what === 'topology';
  useEffect(() => {
    if (!wantSession) return;
    let live = true;
    lab
      .exportSession()
      .then(encodeSession)
      .then((param) => {
        if (live) setSession(param.length > MAX_SESSION_PARAM_CHARS ? { kind: 'too-long' } : { kind: 'ready', param });
      });
    return () => {
      live = false;
    };
  }, [wantSession]);

  const { origins, rejected } = parseOriginList([originField]);
  const originProblem = rejected.length > 0 ? t.originBad(rejected[0].value, t.why[rejected[0].reason]) : origins.length === 0 ? t.originNone : null;

  let target: EmbedTarget | null = null;
  if (what === 'lesson' && lessonId !== null) target = { kind: 'lesson', id: lessonId };
  else if (what === 'topology' && session.kind === 'ready') target = { kind: 'session', param: session.param };
  const base = appBaseUrl(window.location.href);
  const snippet = target && originProblem === null ? embedSnippet(base, embedUrl(base, target, origins, lang), t.frameTitle) : null;

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ text, ok: true });
    } catch {
      output.current?.select();
      setCopied({ text, ok: false });
    }
  };

  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onCancel={onClose} data-testid="embed-dialog">
      <h2 id={`${id}-title`}>{t.embedTitle}</h2>
      <p>{t.embedHelp}</p>
      <fieldset className="embed-what">
        <legend>{t.whatLabel}</legend>
        {lessonId !== null && (
          <label>
            <input type="radio" name={`${id}-what`} value="lesson" checked={what === 'lesson'} onChange={() => setWhat('lesson')} />
            {t.whatLesson(lessonTitle ?? lessonId)}
          </label>
        )}
        <label>
          <input type="radio" name={`${id}-what`} value="topology" checked={what === 'topology'} onChange={() => setWhat('topology')} />
          {t.whatTopology}
        </label>
      </fieldset>
      <label className="embed-field" htmlFor={`${id}-origin`}>
        {t.originLabel}
      </label>
      <input
        id={`${id}-origin`}
        className="share-url"
        type="text"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        value={originField}
        onChange={(e) => setOriginField(e.target.value)}
        aria-describedby={`${id}-origin-help`}
        aria-invalid={originProblem !== null}
        aria-errormessage={originProblem !== null ? `${id}-origin-error` : undefined}
        data-testid="embed-origin"
      />
      <p id={`${id}-origin-help`} className="embed-help">
        {t.originHelp}
      </p>
      {originProblem !== null && (
        <p id={`${id}-origin-error`} className="embed-error" role="alert">
          {originProblem}
        </p>
      )}
      {what === 'topology' && session.kind === 'working' && <p role="status">{t.working}</p>}
      {what === 'topology' && session.kind === 'too-long' && <p role="alert">{t.tooLong}</p>}
      {snippet !== null && (
        <>
          <label className="embed-field" htmlFor={`${id}-snippet`}>
            {t.snippetLabel}
          </label>
          <textarea
            ref={output}
            id={`${id}-snippet`}
            className="share-url embed-snippet"
            readOnly
            rows={6}
            value={snippet}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="embed-snippet"
          />
          <p className="embed-help">{t.docsHint}</p>
        </>
      )}
      <p role="status" className="embed-status">
        {copied === null || copied.text !== snippet ? '' : copied.ok ? t.copied : t.copyFailed}
      </p>
      <div className="dialog-buttons">
        {snippet !== null && (
          <button type="button" className="primary" onClick={() => copy(snippet)}>
            {t.copy}
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}
