// The popover for the network between two nodes: cut or heal it, and set its
// latency, bandwidth and loss with sliders. A slider sends one fault when it
// is released (the native `change` event), not one per pixel of dragging, so
// the session's input log stays short and readable.

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { lab, linkBetween, useLab } from '../../state/lab';
import { BANDWIDTH_STEPS, bandwidthIndex, formatBandwidth, formatLatency, LATENCY_STEPS_MS, latencyIndex, lossPercent, MAX_LOSS_PERCENT } from './linkScales';
import { Popover, useOpener } from './Popover';
import { panelsText } from './text';

export interface LinkMenuProps {
  a: string;
  b: string;
  anchor: DOMRect | null;
  onClose(): void;
}

export function LinkMenu({ a, b, anchor, onClose }: LinkMenuProps) {
  const t = panelsText[useLab((s) => s.lang)].linkMenu;
  const links = useLab((s) => s.links);
  const link = useMemo(() => linkBetween(links, a, b), [links, a, b]);
  const returnFocus = useOpener();
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const setProps = (props: { latencyMs?: number; bytesPerMs?: number; loss?: number }) => lab.fault({ kind: 'link', a, b, props });

  return (
    <Popover anchor={anchor} onClose={onClose} returnFocus={returnFocus} trapFocus role="dialog" labelledBy={`${id}-title`} className="panels-linkmenu">
      <h2 id={`${id}-title`} className="panels-popover-title">
        {t.label(a, b)} <span className={link.cut ? 'panels-state panels-state-cut' : 'panels-state'}>{link.cut ? t.stateCut : t.stateOpen}</span>
      </h2>
      <button ref={first} type="button" className="panels-primary" aria-describedby={`${id}-cut`} onClick={() => lab.fault({ kind: 'cut', a, b, cut: !link.cut })}>
        {link.cut ? t.heal : t.cut}
      </button>
      <p id={`${id}-cut`} className="panels-desc">
        {link.cut ? t.healDesc : t.cutDesc}
      </p>
      <StepSlider
        label={t.latency}
        max={LATENCY_STEPS_MS.length - 1}
        value={latencyIndex(link.latencyMs)}
        format={(i) => formatLatency(LATENCY_STEPS_MS[i])}
        onCommit={(i) => setProps({ latencyMs: LATENCY_STEPS_MS[i] })}
      />
      <StepSlider
        label={t.bandwidth}
        max={BANDWIDTH_STEPS.length - 1}
        value={bandwidthIndex(link.bytesPerMs)}
        format={(i) => formatBandwidth(BANDWIDTH_STEPS[i]) ?? t.unlimited}
        onCommit={(i) => setProps({ bytesPerMs: BANDWIDTH_STEPS[i] })}
      />
      <StepSlider label={t.loss} max={MAX_LOSS_PERCENT} value={lossPercent(link.loss)} format={(p) => `${p} %`} onCommit={(p) => setProps({ loss: p / 100 })} desc={t.lossDesc} />
      <p className="panels-desc">{t.applies}</p>
      <div className="panels-form-buttons">
        <button
          type="button"
          onClick={() => {
            onClose();
            returnFocus();
          }}
        >
          {t.close}
        </button>
      </div>
    </Popover>
  );
}

interface StepSliderProps {
  label: string;
  max: number;
  /** The step the engine reports now. */
  value: number;
  format(step: number): string;
  /** Called once per release with the chosen step, only when it differs from `value`. */
  onCommit(step: number): void;
  desc?: string;
}

/** A range input over steps 0…max that shows its value and commits on release. */
function StepSlider({ label, max, value, format, onCommit, desc }: StepSliderProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  // What was sent, shown until the engine's next report moves `value` (so the
  // thumb does not jump back for the frame in between).
  const [sent, setSent] = useState<{ step: number; valueThen: number } | null>(null);
  const shown = dragging ?? (sent && sent.valueThen === value ? sent.step : value);

  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    // React's onChange is the `input` event (every pixel); `change` fires on release.
    const commit = () => {
      const step = Number(el.value);
      setDragging(null);
      if (step === latest.current.value) return;
      setSent({ step, valueThen: latest.current.value });
      latest.current.onCommit(step);
    };
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, []);

  return (
    <div className="panels-slider">
      <label htmlFor={id}>{label}</label>
      <output htmlFor={id} className="panels-slider-value">
        {format(shown)}
      </output>
      <input
        ref={input}
        id={id}
        type="range"
        min={0}
        max={max}
        step={1}
        value={shown}
        aria-valuetext={format(shown)}
        aria-describedby={desc ? `${id}-d` : undefined}
        onChange={(e) => setDragging(Number(e.target.value))}
      />
      {desc ? (
        <p id={`${id}-d`} className="panels-desc">
          {desc}
        </p>
      ) : null}
    </div>
  );
}
