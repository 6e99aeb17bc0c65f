// The INFO of the selected node, live: every section Redis prints, as
// collapsible groups with Replication first and open, a filter over field
// names and values, and a brief highlight on the values that just changed
// (a static marker when the person prefers reduced motion). Field names and
// values are shown exactly as Redis prints them.

import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLab } from '../../state/lab';
import { changedFields, DEFAULT_OPEN, fieldKey, filterSections, type InfoSection, orderSections, parseInfo, updateRecent } from './info';
import { panelsText } from './text';
import './panels.css';

/** How long a changed value stays marked (the fade in panels.css lasts as long). */
const HIGHLIGHT_MS = 1500;
const OPEN_KEY = 'replica-lab.info.open';

function loadOpen(): Set<string> {
  try {
    const saved = localStorage.getItem(OPEN_KEY);
    if (saved) {
      const list: unknown = JSON.parse(saved);
      if (Array.isArray(list)) return new Set(list.filter((x): x is string => typeof x === 'string'));
    }
  } catch {
    // No storage (private mode, embedded without it): the defaults will do.
  }
  return new Set(DEFAULT_OPEN);
}

function saveOpen(open: ReadonlySet<string>): void {
  try {
    localStorage.setItem(OPEN_KEY, JSON.stringify([...open]));
  } catch {
    // Remembering is a convenience; without storage it lasts for the page.
  }
}

export function InfoPanel() {
  const t = panelsText[useLab((s) => s.lang)].info;
  const info = useLab((s) => s.info);
  const selected = useLab((s) => s.selected);
  const reducedMotion = useLab((s) => s.reducedMotion);
  const [open, setOpen] = useState(loadOpen);
  const [query, setQuery] = useState('');
  const id = useId();

  const current = info && info.node === selected ? info : null;
  const sections = useMemo(() => (current ? orderSections(parseInfo(current.text)) : []), [current]);

  // When each field last changed, kept across INFO updates (see updateRecent).
  const recent = useRef<{ node: string | null; info: typeof info; at: Map<string, number> }>({ node: null, info: null, at: new Map() });
  if (recent.current.info !== current) {
    const r = recent.current;
    const sameNode = r.node === current?.node;
    const changed = current && current.previous !== null ? changedFields(parseInfo(current.text), parseInfo(current.previous)) : new Set<string>();
    recent.current = { node: current?.node ?? null, info: current, at: updateRecent(sameNode ? r.at : new Map(), changed, performance.now(), HIGHLIGHT_MS) };
  }
  const changedAt = recent.current.at;

  // While paused no new INFO arrives to age the marks out: wake up once when they expire.
  const [, setPruned] = useState(0);
  useEffect(() => {
    if (changedAt.size === 0) return;
    const timer = setTimeout(() => {
      recent.current = { ...recent.current, at: updateRecent(recent.current.at, [], performance.now(), HIGHLIGHT_MS) };
      setPruned((n) => n + 1);
    }, HIGHLIGHT_MS + 50);
    return () => clearTimeout(timer);
  }, [changedAt]);

  const shown = useMemo(() => filterSections(sections, query), [sections, query]);
  const filtering = query.trim() !== '';

  const toggle = (title: string) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(title)) next.delete(title);
      else next.add(title);
      saveOpen(next);
      return next;
    });
  };

  return (
    <section className="panels-info" aria-labelledby={`${id}-title`}>
      <div className="panels-info-head">
        <h2 id={`${id}-title`} className="panels-info-title">
          {selected ? t.title(selected) : t.region}
        </h2>
        <label className="visually-hidden" htmlFor={`${id}-filter`}>
          {t.filter}
        </label>
        <input id={`${id}-filter`} className="panels-info-filter" type="search" placeholder={t.filterPlaceholder} value={query} onChange={(e) => setQuery(e.target.value)} disabled={!current} />
      </div>
      {!selected ? <p className="panels-desc">{t.none}</p> : null}
      {selected && !current ? <p className="panels-desc">{t.waiting(selected)}</p> : null}
      {current && filtering && shown.length === 0 ? (
        <p className="panels-desc" role="status">
          {t.noMatch(query.trim())}
        </p>
      ) : null}
      {shown.map((s) => {
        const isOpen = filtering || open.has(s.title);
        return <Section key={s.title} section={s} open={isOpen} filtering={filtering} onToggle={toggle} changedAt={changedAt} reducedMotion={reducedMotion} />;
      })}
    </section>
  );
}

interface SectionProps {
  section: InfoSection;
  open: boolean;
  filtering: boolean;
  onToggle(title: string): void;
  changedAt: ReadonlyMap<string, number>;
  reducedMotion: boolean;
}

const Section = memo(function Section({ section, open, filtering, onToggle, changedAt, reducedMotion }: SectionProps) {
  const t = panelsText[useLab((s) => s.lang)].info;
  const id = useId();
  const changedHere = section.fields.some((f) => changedAt.has(fieldKey(section.title, f.name)));
  return (
    <div className="panels-info-section">
      <h3 className="panels-info-section-head">
        <button type="button" aria-expanded={open} aria-controls={`${id}-body`} disabled={filtering} onClick={() => onToggle(section.title)}>
          <span aria-hidden="true" className="panels-info-caret">
            {open ? '▾' : '▸'}
          </span>
          # {section.title}
          <span className="panels-info-count">
            {t.fields(section.fields.length)}
            {!open && changedHere ? <span className="panels-info-dot" title={t.changed} /> : null}
          </span>
        </button>
      </h3>
      {open ? (
        <div id={`${id}-body`} className="panels-info-body">
          {section.fields.length === 0 ? <p className="panels-desc">{t.emptySection}</p> : null}
          {section.fields.map((f) => {
            const at = changedAt.get(fieldKey(section.title, f.name));
            const cls = at === undefined ? 'panels-info-value' : reducedMotion ? 'panels-info-value panels-changed-static' : 'panels-info-value panels-changed';
            return (
              <div key={f.name} className="panels-info-row">
                <span className="panels-info-name">{f.name}</span>:
                {/* A new key per change restarts the fade for each new value. */}
                <span key={at ?? 'same'} className={cls}>
                  {f.value}
                  {at !== undefined ? <span className="visually-hidden"> {t.changed}</span> : null}
                </span>
              </div>
            );
          })}
        </div>
      ) : (
        <div id={`${id}-body`} hidden />
      )}
    </div>
  );
});
