// Changing the cast of the lab: add a node (a master of its own, or a replica
// of a chosen node, started with REPLICAOF), or start over from a preset.

import { useId, useState } from 'react';
import { lab, useLab } from '../../state/lab';
import { PRESETS } from '../../worker/protocol';
import { panelsText } from './text';
import { addNodeBlock, MAX_NODES, replicaSources } from './topology';
import './panels.css';

export function TopologyBar() {
  const t = panelsText[useLab((s) => s.lang)].topology;
  const nodes = useLab((s) => s.nodes);
  const id = useId();
  const sources = replicaSources(nodes);
  const [chosen, setChosen] = useState<string | null>(null);
  // Keep the choice while that node exists; otherwise the first master (a new replica usually follows the master).
  const source = chosen !== null && sources.includes(chosen) ? chosen : (sources[0] ?? null);
  const full = addNodeBlock(nodes) === 'full';
  const reasonId = `${id}-reason`;

  return (
    <section className="panels-topology" aria-label={t.region}>
      <div className="panels-topology-add">
        <button type="button" disabled={full} aria-describedby={full ? reasonId : `${id}-m`} onClick={() => lab.fault({ kind: 'add-node', replicaOf: null })}>
          + {t.addMaster}
        </button>
        <span id={`${id}-m`} className="visually-hidden">
          {t.addMasterDesc}
        </span>
      </div>
      <div className="panels-topology-add">
        <label htmlFor={`${id}-src`}>{t.replicaOf}</label>
        <select id={`${id}-src`} value={source ?? ''} disabled={sources.length === 0} onChange={(e) => setChosen(e.target.value)}>
          {sources.length === 0 ? <option value="">{t.noMasterNode}</option> : null}
          {sources.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={full || source === null}
          aria-describedby={full ? reasonId : `${id}-r`}
          onClick={() => {
            if (source !== null) lab.fault({ kind: 'add-node', replicaOf: source });
          }}
        >
          + {t.addReplica}
        </button>
        <span id={`${id}-r`} className="visually-hidden">
          {t.addReplicaDesc}
        </span>
      </div>
      {full ? (
        <p id={reasonId} className="panels-desc panels-topology-reason">
          {t.full(MAX_NODES)}
        </p>
      ) : null}
      <fieldset className="panels-topology-presets">
        <legend className="panels-topology-heading">{t.presets}</legend>
        {PRESETS.map((p) => (
          <button key={p} type="button" className="panels-preset" aria-describedby={`${id}-note`} onClick={() => lab.loadPreset(p)}>
            <span className="panels-preset-name">{t.preset[p].label}</span>
            <span className="panels-preset-desc">{t.preset[p].desc}</span>
          </button>
        ))}
        <span id={`${id}-note`} className="visually-hidden">
          {t.presetsNote}
        </span>
      </fieldset>
    </section>
  );
}
