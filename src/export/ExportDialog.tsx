// The export dialog: asks the engine for the topology (the nodes as
// configurations), turns it into docker-compose.yml and one redis.conf per
// node (configs.ts), shows each file in a tab and offers it to download or
// copy. The files are made in the page; nothing is sent anywhere.

import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { lab, useLab } from '../state/lab';
import type { TopologyNode } from '../worker/protocol';
import { type ExportBundle, type ExportFile, exportConfigs } from './configs';
import './export.css';
import { type ExportText, exportText } from './text';

/** How long the engine may take to answer export-topology before the dialog says so. */
const ANSWER_TIMEOUT_MS = 5_000;

type Loaded = { kind: 'working' } | { kind: 'ready'; topology: TopologyNode[] } | { kind: 'failed'; message: string } | { kind: 'timeout' };

/** One object URL per file, revoked when the files change or the dialog closes. */
function useDownloadUrls(files: readonly ExportFile[]): string[] {
  const urls = useMemo(
    () =>
      files.map((f) =>
        URL.createObjectURL(new Blob([f.text], { type: f.kind === 'compose' ? 'application/yaml;charset=utf-8' : 'text/plain;charset=utf-8' })),
      ),
    [files],
  );
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );
  return urls;
}

export function ExportDialog({ onClose }: { onClose(): void }) {
  const lang = useLab((s) => s.lang);
  const hasSentinels = useLab((s) => s.nodes.some((n) => n.sentinel));
  const t = exportText[lang];
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'working' });

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    const timer = setTimeout(() => live && setLoaded((l) => (l.kind === 'working' ? { kind: 'timeout' } : l)), ANSWER_TIMEOUT_MS);
    lab
      .exportTopology()
      .then((topology) => live && setLoaded({ kind: 'ready', topology }))
      .catch((e: unknown) => live && setLoaded({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const bundle = useMemo((): ExportBundle | null => {
    if (loaded.kind !== 'ready' || loaded.topology.length === 0) return null;
    return exportConfigs(loaded.topology, { lang });
  }, [loaded, lang]);

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="export-dialog">
      <h2 id={titleId}>{t.title}</h2>
      {loaded.kind === 'working' && <p role="status">{t.working}</p>}
      {loaded.kind === 'timeout' && <p role="alert">{t.timeout}</p>}
      {loaded.kind === 'failed' && <p role="alert">{t.failed(loaded.message)}</p>}
      {loaded.kind === 'ready' && bundle === null && <p role="alert">{t.empty}</p>}
      {bundle && <ExportFiles bundle={bundle} t={t} hasSentinels={hasSentinels} />}
      <div className="export-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}

function ExportFiles({ bundle, t, hasSentinels }: { bundle: ExportBundle; t: ExportText; hasSentinels: boolean }) {
  const id = useId();
  const [current, setCurrent] = useState(0);
  const [copied, setCopied] = useState<{ file: string; ok: boolean } | null>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const pre = useRef<HTMLPreElement>(null);
  const urls = useDownloadUrls(bundle.files);
  const index = Math.min(current, bundle.files.length - 1);
  const file = bundle.files[index];

  const choose = (i: number) => {
    setCurrent(i);
    setCopied(null);
    tabs.current[i]?.focus();
  };

  // The tabs pattern of WAI-ARIA: arrows move between tabs, Home/End to the ends.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const n = bundle.files.length;
    const next = e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowLeft' ? index - 1 + n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (next === null) return;
    e.preventDefault();
    choose(next % n);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(file.text);
      setCopied({ file: file.name, ok: true });
    } catch {
      // No clipboard (an insecure origin, a refused permission): select the text for Ctrl+C.
      if (pre.current) window.getSelection()?.selectAllChildren(pre.current);
      setCopied({ file: file.name, ok: false });
    }
  };

  return (
    <>
      <p>{t.intro}</p>
      <pre className="export-command">
        <code>{t.command}</code>
      </pre>
      {hasSentinels && <p className="export-note">{t.sentinels}</p>}
      <h3 className="export-subtitle">{t.nodesTitle}</h3>
      <ul className="export-nodes" data-testid="export-nodes">
        {bundle.nodes.map((n) => {
          const notes = [n.service !== n.name ? t.renamed(n.name) : null, n.leftOut.length > 0 ? t.leftOut(n.leftOut.map((l) => l.name).join(', ')) : null].filter(
            (x): x is string => x !== null,
          );
          return (
            <li key={n.service} data-service={n.service}>
              <span className="export-node-line">{t.nodeLine(n.service, n.masterService === null ? t.roleMaster : t.roleReplica(n.masterService), n.hostPort)}</span>
              {notes.map((note) => (
                <span key={note} className="export-node-note">
                  {note}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
      <div role="tablist" aria-label={t.filesLabel} className="export-tabs">
        {bundle.files.map((f, i) => (
          <button
            key={f.name}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={i === index}
            aria-controls={`${id}-panel`}
            tabIndex={i === index ? 0 : -1}
            onClick={() => choose(i)}
            onKeyDown={onTabKey}
            data-file={f.name}
          >
            {f.name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${index}`} className="export-panel">
        {/* A scrollable region must be reachable by keyboard. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the file's text scrolls; the keyboard must reach it */}
        <pre ref={pre} className="export-file" tabIndex={0} data-testid="export-file">
          {file.text}
        </pre>
        <div className="export-file-actions">
          <a className="export-download" href={urls[index]} download={file.name} data-testid="export-download">
            {t.download(file.name)}
          </a>
          <button type="button" onClick={copy} data-testid="export-copy">
            {t.copy(file.name)}
          </button>
          <p role="status" className="export-status">
            {copied === null ? '' : copied.ok ? t.copied(copied.file) : t.copyFailed}
          </p>
        </div>
      </div>
    </>
  );
}
