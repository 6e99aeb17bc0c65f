// What an import produces: the nodes to start in the lab, and everything the
// importer noticed on the way, each tied to the line it came from. Nothing in
// an imported file is dropped without a finding that says so.

import type { Lang } from '../i18n';

/** Text in every language the lab speaks. */
export type Text = Record<Lang, string>;

/**
 * - error: Docker or Redis would refuse this file as it is (the container
 *   exits, redis-server stops with a fatal config error), or the lab cannot
 *   build a topology from it. The lab does not load a topology with errors.
 * - warning: it starts, but not as the file seems to intend (a misspelled
 *   variable the image ignores, a password the replica lacks), or the image
 *   itself is a risk (unpinned, no longer maintained).
 * - info: understood, and not needed in the lab (ports, volumes, log files).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** 1-based line in the input; 0 for the input as a whole. */
  line: number;
  severity: Severity;
  /** Stable identifier of the kind of finding (tests, documentation). */
  code: string;
  message: Text;
  /** What to write instead ("did you mean REDIS_REPLICATION_MODE?"). */
  suggestion?: Text;
  /** The file the line belongs to, when several were imported. */
  file?: string;
}

/** A node as the lab's `load-topology` takes it. */
export interface ImportedNode {
  name: string;
  /** The node it replicates from (a name among `nodes`), or null for a master. */
  replicaOf: string | null;
  /** Settings that differ from Redis 7.0's defaults, canonical names, values as CONFIG GET prints them. */
  config: [string, string][];
}

export interface ImportResult {
  /** What the input was read as. */
  kind: 'compose' | 'redis-conf' | 'unknown';
  nodes: ImportedNode[];
  findings: Finding[];
}

/** One pasted text or uploaded file. */
export interface ImportSource {
  /** The file name, or null for pasted text. */
  name: string | null;
  text: string;
}

/** The lab can start the topology: there are nodes and nothing that makes them unusable. */
export function canLoad(result: ImportResult): boolean {
  return result.nodes.length > 0 && !result.findings.some((f) => f.severity === 'error');
}
