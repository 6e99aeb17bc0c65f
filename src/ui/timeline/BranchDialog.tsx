// Asks before acting in the past: a command or fault while the page shows an
// earlier moment starts a new history from there, and the inputs after it are
// discarded (the worker's `branch`). A modal dialog: focus stays inside,
// Escape cancels, focus returns to where it was.

import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { lab, useLab } from '../../state/lab';
import { inputsAfter } from './markers';
import { secondsSince } from './playback';
import { timelineText } from './text';
import './timeline.css';

export function BranchDialog() {
  const pending = useLab((s) => s.pendingBranch);
  if (!pending) return null;
  return <BranchDialogOpen atMs={pending.atMs} />;
}

function BranchDialogOpen({ atMs }: { atMs: number }) {
  const t = timelineText[useLab((s) => s.lang)];
  const originMs = useLab((s) => s.originMs);
  const discarded = useLab((s) => inputsAfter(s.inputs, atMs));
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Opened after the event that asked for it: an Enter keydown in a console
    // would otherwise go on to "press" whichever dialog button got the focus.
    const timer = setTimeout(() => {
      // showModal makes the rest of the page inert; fall back to a plain open dialog where it is missing.
      if (dialog && !dialog.open) {
        if (typeof dialog.showModal === 'function') dialog.showModal();
        else dialog.setAttribute('open', '');
      }
      // Cancel is the safe choice, so it gets the focus (Enter does not discard history by accident).
      cancelRef.current?.focus();
    }, 0);
    return () => {
      clearTimeout(timer);
      if (dialog?.open) dialog.close();
      before?.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      lab.cancelBranch();
      return;
    }
    if (e.key !== 'Tab') return;
    // Keep Tab inside the dialog (also where showModal is not available).
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled])'));
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="branch-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onKeyDown={onKeyDown}
      // The browser's own Escape handling: cancel through the store instead, so the state stays the truth.
      onCancel={(e) => {
        e.preventDefault();
        lab.cancelBranch();
      }}
    >
      <h2 id={titleId}>{t.branchTitle}</h2>
      <p id={bodyId}>{t.branchBody(t.seconds(secondsSince(atMs, originMs)), discarded)}</p>
      <div className="branch-actions">
        <button type="button" className="branch-continue" onClick={() => lab.confirmBranch()}>
          {t.branchContinue}
        </button>
        <button type="button" ref={cancelRef} onClick={() => lab.cancelBranch()}>
          {t.branchCancel}
        </button>
      </div>
    </dialog>
  );
}
