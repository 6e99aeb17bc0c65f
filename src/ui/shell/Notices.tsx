// Messages for the person: URL parameters that were not understood, and
// problems the engine reported. Each can be dismissed; none blocks the lab.

import type { Messages } from '../../i18n';
import { lab, useLab } from '../../state/lab';

export function Notices({ t, notes }: { t: Messages; notes: string[] }) {
  const notices = useLab((s) => s.notices);
  if (notes.length === 0 && notices.length === 0) return null;
  return (
    <div className="notices">
      {notes.map((note) => (
        <p key={note} className="note" role="note">
          {note}
        </p>
      ))}
      {notices.map((n) => (
        <p key={n.id} className={n.kind === 'error' ? 'note note-error' : 'note'} role={n.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{n.kind === 'error' ? t.engineError(n.text) : n.text}</span>
          <button type="button" className="dismiss" aria-label={t.dismiss} onClick={() => lab.dismissNotice(n.id)}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
