// The share dialog: asks the engine for the session (seed + inputs), packs it
// into the page's URL and offers it to copy. A session too long for a link
// is said so plainly instead of producing a link that breaks.

import { useEffect, useRef, useState } from 'react';
import type { Messages } from '../../i18n';
import { lab } from '../../state/lab';
import { MAX_SESSION_PARAM_CHARS, SESSION_PARAM, encodeSession } from '../../state/share';
import { withParam } from '../../state/urlParams';

type ShareState = { kind: 'working' } | { kind: 'ready'; url: string } | { kind: 'too-long' };

export function ShareDialog({ t, onClose }: { t: Messages; onClose(): void }) {
  const [state, setState] = useState<ShareState>({ kind: 'working' });
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    lab
      .exportSession()
      .then((session) => encodeSession(session))
      .then((param) => {
        if (!live) return;
        if (param.length > MAX_SESSION_PARAM_CHARS) setState({ kind: 'too-long' });
        else {
          // The shared link opens the session itself; a scenario or preset in the current URL would fight it.
          const url = withParam(withParam(window.location.href, 'scenario', null), SESSION_PARAM, param);
          setState({ kind: 'ready', url });
        }
      });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (state.kind === 'ready') field.current?.select();
  }, [state]);

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied('failed');
    }
  };

  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onClose={onClose} onCancel={onClose}>
      <h2 id="share-title">{t.shareTitle}</h2>
      {state.kind === 'working' && <p role="status">{t.shareWorking}</p>}
      {state.kind === 'too-long' && <p role="alert">{t.shareTooLong}</p>}
      {state.kind === 'ready' && (
        <>
          <p>{t.shareHelp}</p>
          <input ref={field} className="share-url" readOnly value={state.url} aria-label={t.shareTitle} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
          <p role="status" className="share-status">
            {copied === 'yes' ? t.shareCopied : copied === 'failed' ? t.shareCopyFailed : ''}
          </p>
        </>
      )}
      <div className="dialog-buttons">
        {state.kind === 'ready' && (
          <button type="button" className="primary" onClick={() => copy(state.url)}>
            {t.shareCopy}
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}
