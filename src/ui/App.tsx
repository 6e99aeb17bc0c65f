// The first page of Replica Lab: the three nodes with their role and offset as
// the engine reports them, and a redis-cli-like form to send a command to one
// of them. The page never computes replication; it shows the worker's frames.

import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { NodeView } from '../engine/api';
import { LANGUAGE_NAMES, LANGUAGES, type Lang, type Messages } from '../i18n';
import { TokenizeError, tokenize } from '../scenario/tokenize';
import { type EngineToUi, PROTOCOL_VERSION, type UiToEngine } from '../worker/protocol';
import { formatReply } from './redisCli';

/** Names shown in the node picker before the engine's first frame arrives. */
const DEFAULT_NODE_NAMES = ['m', 'r1', 'r2'];
/** A worker that says nothing for this long is reported as failed, not left spinning. */
const STARTUP_TIMEOUT_MS = 20_000;
/** The reply log keeps the most recent entries, like a terminal's scrollback. */
const MAX_ENTRIES = 50;

export interface AppProps {
  lang: Lang;
  messages: Messages;
  /** The page's query string, so language links keep the other parameters. */
  search: string;
  seed: number;
  /** Notes about URL parameters that were not understood (already in the page's language). */
  notes: string[];
}

interface Entry {
  id: number;
  node: string;
  text: string;
  /** null while the reply is on its way. */
  output: string | null;
  isError: boolean;
}

type EngineStatus = { kind: 'starting' } | { kind: 'ready' } | { kind: 'failed'; detail: string };

function useEngine(seed: number, messages: Messages) {
  const workerRef = useRef<Worker | null>(null);
  const argvById = useRef(new Map<number, string[]>());
  const nextId = useRef(1);
  const [status, setStatus] = useState<EngineStatus>({ kind: 'starting' });
  const [nodes, setNodes] = useState<NodeView[]>([]);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const settle = useCallback((id: number, output: string, isError: boolean) => {
    argvById.current.delete(id);
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, output, isError } : e)));
  }, []);

  useEffect(() => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      setStatus({ kind: 'failed', detail: e instanceof Error ? e.message : String(e) });
      return;
    }
    workerRef.current = worker;
    let started = false;
    const fail = (detail: string) => {
      setStatus({ kind: 'failed', detail });
      worker.terminate();
    };
    const timer = setTimeout(() => {
      if (!started) fail(messages.noAnswer);
    }, STARTUP_TIMEOUT_MS);

    worker.onmessage = (event: MessageEvent<EngineToUi>) => {
      const msg = event.data;
      switch (msg.type) {
        case 'ready':
          started = true;
          setStatus({ kind: 'ready' });
          setNodes(msg.nodes);
          return;
        case 'frame':
          setNodes(msg.nodes);
          return;
        case 'reply':
          settle(msg.requestId, formatReply(msg.reply, argvById.current.get(msg.requestId)), msg.reply.t === 'error');
          return;
        case 'error':
          if (msg.requestId !== undefined) settle(msg.requestId, msg.message, true);
          else if (!started) fail(msg.message);
          else setNotice(msg.message);
          return;
      }
    };
    // A worker script that fails to load or throws outside a message handler
    // ends up here; the page must say so instead of waiting forever.
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      fail(event.message || messages.scriptFailed);
    };
    worker.onmessageerror = () => fail(messages.scriptFailed);

    const hello: UiToEngine = { type: 'hello', version: PROTOCOL_VERSION, seed };
    worker.postMessage(hello);
    worker.postMessage({ type: 'play', speed: 1 } satisfies UiToEngine);
    return () => {
      clearTimeout(timer);
      worker.terminate();
      workerRef.current = null;
    };
  }, [seed, messages, settle]);

  const send = useCallback((node: string, text: string, argv: string[]) => {
    const id = nextId.current++;
    argvById.current.set(id, argv);
    // Newest first: the latest reply sits right under the form, on any screen size.
    setEntries((list) => [{ id, node, text, output: null, isError: false }, ...list].slice(0, MAX_ENTRIES));
    workerRef.current?.postMessage({ type: 'command', requestId: id, node, argv } satisfies UiToEngine);
  }, []);

  return { status, nodes, entries, notice, send };
}

export function App({ lang, messages: t, search, seed, notes }: AppProps) {
  const { status, nodes, entries, notice, send } = useEngine(seed, t);
  const [node, setNode] = useState('m');
  const [command, setCommand] = useState('PING');
  const [formError, setFormError] = useState<string | null>(null);
  const names = nodes.length ? nodes.map((n) => n.name) : DEFAULT_NODE_NAMES;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let argv: string[];
    try {
      argv = tokenize(command);
    } catch (e) {
      if (!(e instanceof TokenizeError)) throw e;
      setFormError(t.badArguments);
      return;
    }
    if (argv.length === 0) {
      setFormError(t.emptyCommand);
      return;
    }
    setFormError(null);
    send(node, command.trim(), argv);
    setCommand('');
  };

  return (
    <main className="lab">
      <header>
        <h1>{t.title}</h1>
        <p className="tagline">{t.tagline}</p>
        <nav aria-label={t.languageNav} className="languages">
          {LANGUAGES.map((l) => (
            <a key={l} href={withParam(search, 'lang', l)} lang={l} hrefLang={l} aria-current={l === lang ? 'true' : undefined}>
              {LANGUAGE_NAMES[l]}
            </a>
          ))}
        </nav>
      </header>

      {notes.map((note) => (
        <p key={note} className="note" role="note">
          {note}
        </p>
      ))}
      {status.kind === 'failed' && (
        <p className="failure" role="alert" data-testid="engine-failure">
          {t.engineFailed(status.detail)}
        </p>
      )}
      {notice && (
        <p className="note" role="status">
          {t.engineError(notice)}
        </p>
      )}

      <section aria-labelledby="nodes-heading">
        <h2 id="nodes-heading">{t.nodesHeading}</h2>
        {status.kind === 'starting' && <p role="status">{t.starting}</p>}
        <ul className="nodes">
          {nodes.map((n) => (
            <li key={n.name} className="node" data-node={n.name} data-role={n.role} data-up={String(n.up)}>
              <span className="node-name">{n.name}</span>
              <span className={`node-role role-${n.role}`}>{n.role === 'master' ? t.roleMaster : t.roleReplica}</span>
              <span className="node-offset">
                {t.offsetLabel} <span data-offset>{n.offset}</span>
              </span>
              {n.role === 'slave' && n.up && (
                <span className="node-link">
                  {t.linkLabel}: {n.linkState}
                </span>
              )}
              {!n.up && <span className="node-down">{t.nodeDown}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="console-heading">
        <h2 id="console-heading">{t.consoleHeading}</h2>
        <form className="console" onSubmit={onSubmit}>
          <label>
            {t.nodeField}
            <select name="node" value={node} onChange={(e) => setNode(e.target.value)}>
              {names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="command">
            {t.commandField}
            <input
              name="command"
              value={command}
              onChange={(e) => setCommand(e.target.value)}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-describedby="command-hint"
              aria-invalid={formError ? true : undefined}
            />
          </label>
          <button type="submit" disabled={status.kind === 'failed'}>
            {t.send}
          </button>
        </form>
        <p id="command-hint" className="hint">
          {formError ? <span role="alert">{formError}</span> : t.commandHint}
        </p>
      </section>

      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">{t.repliesHeading}</h2>
        {entries.length === 0 && <p>{t.noReplies}</p>}
        <ol className="replies" aria-live="polite">
          {entries.map((e) => (
            <li key={e.id} data-testid="reply-entry" data-request-id={e.id} data-to-node={e.node} data-pending={String(e.output === null)}>
              <div className="prompt">
                {e.node}&gt; {e.text}
              </div>
              <pre className={e.isError ? 'reply reply-error' : 'reply'} data-testid="reply">
                {e.output ?? t.waiting}
              </pre>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

function withParam(search: string, key: string, value: string): string {
  const params = new URLSearchParams(search);
  params.set(key, value);
  return `?${params.toString()}`;
}
