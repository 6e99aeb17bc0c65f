// The import dialog: paste or choose a docker-compose file or redis.conf
// files, read what the importer found line by line (each finding can show its
// line in the text), preview the topology, and load it into the lab. The
// parsers come in their own chunk, loaded with import() when the dialog opens.

import { type ChangeEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { lab, useLab } from '../state/lab';
import { MAX_IMPORT_BYTES } from './limits';
import { importText } from './text';
import { canLoad, type Finding, type ImportedNode, type ImportResult } from './types';
import './import.css';

type Importer = typeof import('./index');

let importer: Promise<Importer> | null = null;
/** The parsers, loaded once (a failed load is retried next time). */
function loadImporter(): Promise<Importer> {
  importer ??= import('./index').catch((e: unknown) => {
    importer = null;
    throw e;
  });
  return importer;
}

interface Source {
  id: number;
  /** File name; null for pasted text. */
  name: string | null;
  text: string;
}

let nextSourceId = 1;
const READ_DELAY_MS = 250;
const ICON: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };

export function ImportDialog({ onClose }: { onClose(): void }) {
  const lang = useLab((s) => s.lang);
  const engineReady = useLab((s) => s.status.kind === 'ready');
  const t = importText[lang];
  const dialog = useRef<HTMLDialogElement>(null);
  const areas = useRef(new Map<number, HTMLTextAreaElement>());
  const fileInput = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const helpId = useId();
  const [sources, setSources] = useState<Source[]>(() => [{ id: nextSourceId++, name: null, text: '' }]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [reading, setReading] = useState(false);
  const [fileNotes, setFileNotes] = useState<string[]>([]);
  const [loaderFailed, setLoaderFailed] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) {
      // showModal makes the rest of the page inert; fall back to a plain open dialog where it is missing.
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    void loadImporter().catch(() => setLoaderFailed(true));
    return () => {
      if (d?.open) d.close();
      before?.focus();
    };
  }, []);

  // Read again a moment after the last keystroke (the importer is quick, but not per keystroke).
  useEffect(() => {
    const given = sources.filter((s) => s.text.trim() !== '');
    if (given.length === 0) {
      setResult(null);
      setReading(false);
      return;
    }
    let live = true;
    setReading(true);
    const timer = setTimeout(() => {
      loadImporter()
        .then((m) => {
          if (!live) return;
          setResult(m.importSources(given.map(({ name, text }) => ({ name, text }))));
          setLoaderFailed(false);
          setReading(false);
        })
        .catch(() => {
          if (!live) return;
          setLoaderFailed(true);
          setReading(false);
        });
    }, READ_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [sources]);

  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []);
    e.currentTarget.value = '';
    const notes: string[] = [];
    const added: Source[] = [];
    for (const f of files) {
      // Refused by size before reading: a huge file never reaches memory as text.
      if (f.size > MAX_IMPORT_BYTES) {
        notes.push(t.fileTooLarge(f.name, Math.round(f.size / 1024)));
        continue;
      }
      try {
        added.push({ id: nextSourceId++, name: f.name, text: await f.text() });
      } catch {
        notes.push(t.fileUnreadable(f.name));
      }
    }
    setFileNotes(notes);
    if (added.length > 0) setSources((prev) => [...prev.filter((s) => s.text.trim() !== ''), ...added]);
  };

  const setText = (id: number, text: string) => setSources((prev) => prev.map((s) => (s.id === id ? { ...s, text } : s)));
  const removeSource = (id: number) =>
    setSources((prev) => {
      const left = prev.filter((s) => s.id !== id);
      return left.length > 0 ? left : [{ id: nextSourceId++, name: null, text: '' }];
    });
  const addPaste = () => setSources((prev) => [...prev, { id: nextSourceId++, name: null, text: '' }]);

  /** The text area a finding belongs to. */
  const sourceOf = (f: Finding): Source | undefined => {
    if (sources.length === 1) return sources[0];
    const byName = sources.find((s) => s.name !== null && s.name === f.file);
    if (byName) return byName;
    const pasted = sources.filter((s) => s.name === null && s.text.trim() !== '');
    return pasted.length === 1 ? pasted[0] : undefined;
  };

  const showLine = (f: Finding) => {
    const src = sourceOf(f);
    const area = src ? areas.current.get(src.id) : undefined;
    if (!area || f.line < 1) return;
    const lines = area.value.split('\n');
    let start = 0;
    for (let i = 0; i < f.line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    const end = start + (lines[f.line - 1]?.length ?? 0);
    area.focus();
    area.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (f.line - 3) * lineHeight);
  };

  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of result?.findings ?? []) c[f.severity]++;
    return c;
  }, [result]);
  const loadable = result !== null && canLoad(result);

  const load = () => {
    if (!result || !loadable || !engineReady) return;
    lab.loadTopology(result.nodes);
    dialog.current?.close();
  };

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby={titleId} aria-describedby={helpId} onClose={onClose} data-testid="import-dialog">
      <h2 id={titleId}>{t.title}</h2>
      <p id={helpId} className="import-help">
        {t.help}
      </p>
      <div className="import-columns">
        <div className="import-sources">
          <div className="import-actions">
            <input ref={fileInput} id={`${titleId}-files`} className="visually-hidden" type="file" multiple accept=".yml,.yaml,.conf,.txt,text/plain,application/yaml,application/x-yaml" onChange={onFiles} data-testid="import-file" />
            <button type="button" onClick={() => fileInput.current?.click()}>
              {t.chooseFiles}
            </button>
            <button type="button" onClick={addPaste}>
              {t.addPaste}
            </button>
          </div>
          {fileNotes.map((n) => (
            <p key={n} role="alert" className="import-file-note">
              {n}
            </p>
          ))}
          {sources.map((s, k) => {
            const name = s.name ?? t.pasted;
            return (
              <div key={s.id} className="import-source">
                <div className="import-source-head">
                  <label htmlFor={`${titleId}-src-${s.id}`}>{name}</label>
                  {(sources.length > 1 || s.text !== '') && (
                    <button type="button" className="import-remove" aria-label={t.remove(name)} title={t.remove(name)} onClick={() => removeSource(s.id)}>
                      ×
                    </button>
                  )}
                </div>
                <textarea
                  id={`${titleId}-src-${s.id}`}
                  ref={(el) => {
                    if (el) areas.current.set(s.id, el);
                    else areas.current.delete(s.id);
                  }}
                  value={s.text}
                  onChange={(e) => setText(s.id, e.currentTarget.value)}
                  placeholder={k === 0 ? t.placeholder : undefined}
                  rows={sources.length > 1 ? 8 : 16}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  wrap="off"
                  data-testid="import-text"
                  data-source={s.name ?? ''}
                />
              </div>
            );
          })}
        </div>
        <div className="import-results">
          <p role="status" className="import-status" data-testid="import-status">
            {loaderFailed ? t.loaderFailed : reading ? t.reading : result ? `${t.readAs[result.kind]}: ${t.counts(counts.error, counts.warning, counts.info)}` : ''}
          </p>
          <section aria-labelledby={`${titleId}-findings`}>
            <h3 id={`${titleId}-findings`}>{t.findings}</h3>
            {result === null || result.findings.length === 0 ? (
              <p className="import-empty">{result === null ? '' : t.noFindings}</p>
            ) : (
              <ol className="import-findings" data-testid="import-findings">
                {result.findings.map((f) => (
                  <FindingItem key={`${f.file ?? ''}:${f.line}:${f.code}:${f.message.en}`} f={f} lang={lang} canShow={f.line > 0 && sourceOf(f) !== undefined} onShow={() => showLine(f)} />
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby={`${titleId}-preview`}>
            <h3 id={`${titleId}-preview`}>{t.preview}</h3>
            {result && result.nodes.length > 0 ? <TopologyPreview nodes={result.nodes} lang={lang} /> : <p className="import-empty">{t.noNodes}</p>}
          </section>
        </div>
      </div>
      {result && !loadable && result.nodes.length > 0 && <p className="import-blocked">{t.loadBlocked}</p>}
      {loadable && !engineReady && <p className="import-blocked">{t.engineNotReady}</p>}
      <div className="dialog-buttons">
        <button type="button" className="primary" disabled={!loadable || !engineReady || reading} onClick={load} data-testid="import-load">
          {t.load}
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}

function FindingItem({ f, lang, canShow, onShow }: { f: Finding; lang: 'en' | 'ko'; canShow: boolean; onShow(): void }) {
  const t = importText[lang];
  const where = f.line > 0 ? t.line(f.line) : t.wholeFile;
  const label = f.file ? `${f.file}, ${where}` : where;
  return (
    <li className={`import-finding import-${f.severity}`} data-severity={f.severity} data-code={f.code} data-line={f.line}>
      <span className="import-icon" aria-hidden="true">
        {ICON[f.severity]}
      </span>
      <span className="visually-hidden">{t.severity[f.severity]}: </span>
      {canShow ? (
        <button type="button" className="import-where" onClick={onShow} title={t.goToLine(label)}>
          {label}
        </button>
      ) : (
        <span className="import-where">{label}</span>
      )}
      <span className="import-message">
        {f.message[lang]}
        {f.suggestion && <span className="import-suggestion"> → {f.suggestion[lang]}</span>}
      </span>
    </li>
  );
}

/** Masters with their replicas nested under them; nodes in a replication cycle are listed after. */
function TopologyPreview({ nodes, lang }: { nodes: readonly ImportedNode[]; lang: 'en' | 'ko' }) {
  const t = importText[lang];
  const names = new Set(nodes.map((n) => n.name));
  const children = new Map<string, ImportedNode[]>();
  for (const n of nodes) if (n.replicaOf !== null && names.has(n.replicaOf)) children.set(n.replicaOf, [...(children.get(n.replicaOf) ?? []), n]);
  const shown = new Set<string>();
  const item = (n: ImportedNode) => {
    shown.add(n.name);
    const kids = (children.get(n.name) ?? []).filter((c) => !shown.has(c.name));
    return (
      <li key={n.name} data-import-node={n.name} data-role={n.replicaOf === null ? 'master' : 'slave'}>
        <span className="import-node">
          <strong>{n.name}</strong> <span className={n.replicaOf === null ? 'import-role-master' : 'import-role-replica'}>{n.replicaOf === null ? t.master : t.replicaOf(n.replicaOf)}</span>
        </span>
        <code className="import-config">{n.config.length === 0 ? t.defaults : n.config.map(([k, v]) => `${k} ${v === '' ? '""' : v}`).join(' · ')}</code>
        {kids.length > 0 && <ul>{kids.map(item)}</ul>}
      </li>
    );
  };
  const roots = nodes.filter((n) => n.replicaOf === null || !names.has(n.replicaOf)).map(item);
  const rest = nodes.filter((n) => !shown.has(n.name)).map(item);
  return (
    <ul className="import-tree" data-testid="import-preview">
      {roots}
      {rest}
    </ul>
  );
}
