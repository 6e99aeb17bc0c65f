// A redis-cli-like console attached to each node: one tab per node, the
// scrollback as redis-cli prints it (`127.0.0.1:6379> SET k v` then `OK`),
// an input with per-node history (Up/Down), Tab completion of command names
// and redis-cli's greyed argument hint. Replies come from the engine through
// the store (ConsoleLine.output is already formatted); a node that is down
// still takes commands and answers as redis-cli would ("Could not connect").

import { type FormEvent, type KeyboardEvent, memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type CommandError, type ConsoleLine, lab, useLab } from '../../state/lab';
import { REDIS_COMMANDS, SENTINEL_COMMANDS } from './commands';
import { registerConsoleInput } from './consoleFocus';
import { advanceCycle, type CompletionCycle, cycleText, hintFor, startCycle } from './completion';
import { type HistoryCursor, historyOf, walkHistory } from './history';
import { tabFocusAfter } from './placement';
import { panelsText } from './text';
import './panels.css';

interface Target {
  name: string;
  host: string;
  port: number;
  up: boolean;
  sentinel: boolean;
}

/** The tab row only changes when a node appears, goes, or goes up/down: not on every frame. */
function targetKey(n: { name: string; host: string; port: number; up: boolean; sentinel?: boolean }): string {
  return [n.name, n.host, n.port, n.up ? 1 : 0, n.sentinel ? 1 : 0].join(' ');
}

function parseTarget(key: string): Target {
  const [name, host, port, up, sentinel] = key.split(' ');
  return { name, host, port: Number(port), up: up === '1', sentinel: sentinel === '1' };
}

/** A prompt as redis-cli prints it before a command. */
function prompt(t: Target): string {
  return `${t.host}:${t.port}> `;
}

export function Console() {
  const t = panelsText[useLab((s) => s.lang)].console;
  const keys = useLab(useShallow((s) => s.nodes.map(targetKey)));
  const targets = useMemo(() => keys.map(parseTarget), [keys]);
  const selected = useLab((s) => s.selected);
  const consoles = useLab((s) => s.consoles);
  const active = targets.find((n) => n.name === selected) ?? targets[0] ?? null;
  const id = useId();

  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [cursor, setCursor] = useState<HistoryCursor | null>(null);
  const [cycle, setCycle] = useState<CompletionCycle | null>(null);
  const [message, setMessage] = useState<{ node: string; error: CommandError } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const ghost = useRef<HTMLDivElement>(null);
  const scrollback = useRef<HTMLDivElement>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const stick = useRef(true);

  const name = active?.name ?? '';
  const text = drafts[name] ?? '';
  const lines = useMemo(() => consoles.filter((l) => l.node === name), [consoles, name]);
  const history = useMemo(() => historyOf(consoles, name), [consoles, name]);
  const table = active?.sentinel ? SENTINEL_COMMANDS : REDIS_COMMANDS;
  const hint = cycle ? null : hintFor(text, table);
  const lastReply = [...lines].reverse().find((l) => l.output !== null);

  useEffect(() => registerConsoleInput(() => input.current?.focus()), []);

  // A new tab starts a new walk through history and a new completion.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the node changes
  useEffect(() => {
    setCursor(null);
    setCycle(null);
  }, [name]);

  // Follow the newest line unless the person scrolled up to read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when lines change
  useLayoutEffect(() => {
    const el = scrollback.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines, name]);

  // A recalled or completed line puts the caret at its end, as in a terminal.
  const caretToEnd = useRef(false);
  useLayoutEffect(() => {
    const el = input.current;
    if (!el || !caretToEnd.current) return;
    caretToEnd.current = false;
    el.setSelectionRange(text.length, text.length);
    el.scrollLeft = el.scrollWidth;
    if (ghost.current) ghost.current.scrollLeft = el.scrollLeft;
  }, [text]);

  const setText = (value: string, toEnd = false) => {
    setDrafts((d) => ({ ...d, [name]: value }));
    if (message?.node === name) setMessage(null);
    caretToEnd.current = toEnd;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!active) return;
    const node = active.name;
    // Cleared once really sent: acting in the past asks first, and Cancel keeps what was typed.
    const result = lab.command(node, text, () => {
      stick.current = true;
      setDrafts((d) => ({ ...d, [node]: '' }));
      setCursor(null);
      setCycle(null);
    });
    if (result) {
      setMessage({ node, error: result });
      return;
    }
    setMessage(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const step = walkHistory(history, cursor, text, e.key === 'ArrowUp' ? 'up' : 'down');
      e.preventDefault();
      if (!step) return;
      setCursor(step.cursor);
      setCycle(null);
      setText(step.text, true);
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey) {
      const next = cycle ? advanceCycle(cycle) : startCycle(text, table);
      // Nothing to complete: Tab moves focus as everywhere else on the page.
      if (!next) return;
      e.preventDefault();
      setCycle(next);
      setText(cycleText(next), true);
      return;
    }
    if (e.key === 'Escape' && cycle) {
      e.preventDefault();
      setText(cycle.original, true);
      setCycle(null);
    }
  };

  const syncGhost = () => {
    if (ghost.current && input.current) ghost.current.scrollLeft = input.current.scrollLeft;
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = tabFocusAfter(e.key, index, targets.length);
    if (next === null) return;
    e.preventDefault();
    const to = targets[next];
    lab.select(to.name);
    tabRefs.current.get(to.name)?.focus();
  };

  if (!active) {
    return (
      <section className="panels-console" aria-label={t.region}>
        <p className="panels-desc">{t.noNodes}</p>
      </section>
    );
  }

  const shownMessage = message?.node === name ? (message.error === 'empty' ? t.empty : t.badArguments) : null;
  const hintId = `${id}-hint`;
  const messageId = `${id}-msg`;

  return (
    <section className="panels-console" aria-label={t.region}>
      <div role="tablist" aria-label={t.tabs} className="panels-console-tabs">
        {targets.map((n, i) => (
          <button
            key={n.name}
            ref={(el) => {
              if (el) tabRefs.current.set(n.name, el);
              else tabRefs.current.delete(n.name);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${n.name}`}
            aria-selected={n.name === name}
            aria-controls={`${id}-panel`}
            tabIndex={n.name === name ? 0 : -1}
            className={`panels-console-tab${n.up ? '' : ' panels-console-tab-down'}`}
            onClick={() => lab.select(n.name)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {n.name}
            {n.up ? null : <span className="panels-console-down"> ({t.down})</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${name}`} className="panels-console-panel">
        <div
          ref={scrollback}
          className="panels-console-scrollback"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollback scrolls, and has to be reachable by keyboard to be read
          tabIndex={0}
          role="log"
          aria-live="off"
          aria-label={t.scrollback(name)}
          onScroll={(e) => {
            const el = e.currentTarget;
            stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
        >
          {lines.length === 0 ? <p className="panels-console-empty">{t.noLines(name)}</p> : null}
          {lines.map((l) => (
            <Entry key={l.id} line={l} prompt={prompt(active)} waiting={t.waiting} waitingLabel={t.waitingLabel} />
          ))}
        </div>
        {/* Replies are announced here, once each, rather than re-reading the whole log. */}
        <div className="visually-hidden" aria-live="polite">
          {lastReply?.output ? t.replyFrom(name, lastReply.output) : ''}
        </div>
        <form className="panels-console-form" onSubmit={submit}>
          <label htmlFor={`${id}-input`} className="panels-console-prompt">
            <span aria-hidden="true">{active.up ? prompt(active).trimEnd() : 'not connected>'}</span>
            <span className="visually-hidden">{t.input(name)}</span>
          </label>
          <div className="panels-console-field">
            <div ref={ghost} className="panels-console-ghost" aria-hidden="true">
              <span className="panels-console-ghost-typed">{text}</span>
              {hint ? <span className="panels-console-hint">{hint}</span> : null}
            </div>
            <input
              ref={input}
              id={`${id}-input`}
              className="panels-console-input"
              value={text}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="send"
              aria-describedby={`${hintId} ${messageId}`}
              aria-invalid={shownMessage ? true : undefined}
              onChange={(e) => {
                setCycle(null);
                setText(e.target.value);
              }}
              onKeyDown={onKeyDown}
              onScroll={syncGhost}
              onSelect={syncGhost}
            />
          </div>
          <button type="submit" className="panels-console-send">
            {t.send}
          </button>
        </form>
        <p id={hintId} className="panels-console-keys">
          {hint ? <span className="visually-hidden">{hint.trim()}. </span> : null}
          {cycle ? (
            <span className="panels-console-candidates">
              <span className="visually-hidden">{t.completions}: </span>
              {cycle.candidates.map((c, i) => (
                <span key={c} className={i === cycle.index ? 'panels-console-candidate panels-console-candidate-now' : 'panels-console-candidate'}>
                  {c}
                </span>
              ))}
            </span>
          ) : (
            t.keys
          )}
        </p>
        <p id={messageId} className="panels-error" role="status">
          {shownMessage}
        </p>
      </div>
    </section>
  );
}

interface EntryProps {
  line: ConsoleLine;
  prompt: string;
  waiting: string;
  waitingLabel: string;
}

/** One command and its reply; memoised so a reply settling re-renders only its own entry. */
const Entry = memo(function Entry({ line, prompt, waiting, waitingLabel }: EntryProps) {
  return (
    <div className="panels-console-entry">
      <div className="panels-console-cmd">
        <span className="panels-console-cmdprompt">{prompt}</span>
        {line.input}
      </div>
      {line.output === null ? (
        <div className="panels-console-out panels-console-waiting">
          <span aria-hidden="true">{waiting}</span>
          <span className="visually-hidden">{waitingLabel}</span>
        </div>
      ) : (
        <div className={line.error ? 'panels-console-out panels-console-error' : 'panels-console-out'}>{line.output}</div>
      )}
    </div>
  );
});
