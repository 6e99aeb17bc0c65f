// Playback controls: play/pause, step to the next event, speed, the virtual
// time (seconds since the world began) and whether the page shows the newest
// moment (LIVE) or the past. Also owns the page-wide playback shortcuts
// (Space, `.`/→, `[`/`]`), listed in a small help popover.

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { lab, useLab } from '../../state/lab';
import { fasterSpeed, type KeyTarget, SPEED_STOPS, secondsSince, shortcutFor, slowerSpeed, speedLabel } from './playback';
import { timelineText } from './text';
import './timeline.css';

function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return { tag: 'body', editable: false };
  return {
    tag: target.tagName.toLowerCase(),
    inputType: target instanceof HTMLInputElement ? target.type.toLowerCase() : undefined,
    editable: target.isContentEditable,
    role: target.getAttribute('role'),
  };
}

/** Space, `.`/→, `[`/`]` anywhere on the page (see shortcutFor for where they are left alone). */
function usePlaybackShortcuts(): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || useLab.getState().pendingBranch) return;
      const s = shortcutFor(e.key, e, keyTarget(e.target));
      if (s === null || (s === 'toggle-play' && e.repeat)) return;
      e.preventDefault();
      switch (s) {
        case 'toggle-play':
          lab.togglePlay();
          return;
        case 'step':
          lab.step();
          return;
        case 'slower':
          lab.setSpeed(slowerSpeed(useLab.getState().speed));
          return;
        case 'faster':
          lab.setSpeed(fasterSpeed(useLab.getState().speed));
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function PlaybackBar() {
  const t = timelineText[useLab((s) => s.lang)];
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const originMs = useLab((s) => s.originMs);
  // While playing, the time shown is refreshed with the store's details; paused, it is exact.
  const viewMs = useLab((s) => (s.playing ? s.detailMs : s.viewMs));
  const live = useLab((s) => (s.playing ? s.detailMs >= s.detailHeadMs : s.viewMs >= s.headMs));
  const ready = useLab((s) => s.status.kind === 'ready');
  usePlaybackShortcuts();

  const speeds: number[] = SPEED_STOPS.includes(speed as (typeof SPEED_STOPS)[number]) ? [...SPEED_STOPS] : [...SPEED_STOPS, speed].sort((a, b) => a - b);

  return (
    <fieldset className="pb">
      <legend className="visually-hidden">{t.playbackGroup}</legend>
      <button type="button" className="pb-play" onClick={() => lab.togglePlay()} disabled={!ready} aria-keyshortcuts="Space">
        <Icon shape={playing ? 'pause' : 'play'} /> {playing ? t.pause : t.play}
      </button>
      <button type="button" onClick={() => lab.step()} disabled={!ready} title={t.stepTitle} aria-keyshortcuts=". ArrowRight">
        <Icon shape="step" /> {t.step}
      </button>
      <label className="pb-speed">
        {t.speed}
        <select value={String(speed)} onChange={(e) => lab.setSpeed(Number(e.target.value))} aria-keyshortcuts="[ ]">
          {speeds.map((s) => (
            <option key={s} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <span className="pb-time" data-testid="virtual-time">
        <span className="visually-hidden">{t.timeLabel} </span>
        {t.seconds(secondsSince(viewMs, originMs))}
      </span>
      {live ? (
        <span className="pb-live" title={t.liveTitle}>
          {t.live}
        </span>
      ) : (
        <button type="button" className="pb-golive" onClick={() => lab.goLive()}>
          {t.viewingPast} · <strong>{t.goLive}</strong>
        </button>
      )}
      <ShortcutHelp />
    </fieldset>
  );
}

/** Icons drawn as SVG: symbol fonts for ▶/⏭ are missing on many systems. */
function Icon({ shape }: { shape: 'play' | 'pause' | 'step' }) {
  const d = shape === 'play' ? 'M3 1.5v13l11-6.5z' : shape === 'pause' ? 'M3 2h3.5v12H3zM9.5 2H13v12H9.5z' : 'M2 1.5v13l9-6.5zM11.5 2H14v12h-2.5z';
  return (
    <svg className="pb-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

/** A "?" button that opens the list of shortcuts; Escape or a click elsewhere closes it. */
function ShortcutHelp() {
  const t = timelineText[useLab((s) => s.lang)];
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const n = e.target instanceof Node ? e.target : null;
      if (n && !boxRef.current?.contains(n) && !buttonRef.current?.contains(n)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    boxRef.current?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  return (
    <div className="pb-help">
      <button
        ref={buttonRef}
        type="button"
        className="pb-help-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t.shortcuts}
        title={t.shortcuts}
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open && (
        <div ref={boxRef} id={id} className="pb-help-box" role="dialog" aria-label={t.shortcuts} tabIndex={-1} onKeyDown={onKeyDown}>
          <h2>{t.shortcuts}</h2>
          <dl>
            {t.shortcutList.map(([keys, what]) => (
              <div key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={close}>
            {t.close}
          </button>
        </div>
      )}
    </div>
  );
}
