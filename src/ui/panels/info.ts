// INFO as the panel shows it: the text Redis returns, split into its
// sections (`# Replication`) and `field:value` lines, put in the order that
// matters for replication, filtered by a search box, and compared with the
// previous INFO so changed values can be highlighted.

export interface InfoField {
  name: string;
  value: string;
}

export interface InfoSection {
  /** As Redis prints it after "# " (Replication, Server, Keyspace...). */
  title: string;
  fields: InfoField[];
}

/** Parses INFO text (CRLF or LF lines). Lines outside any section (there are none in Redis' output) go to a section titled "". */
export function parseInfo(text: string): InfoSection[] {
  const sections: InfoSection[] = [];
  let current: InfoSection | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === '') continue;
    if (line.startsWith('#')) {
      current = { title: line.replace(/^#\s*/, ''), fields: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { title: '', fields: [] };
      sections.push(current);
    }
    const colon = line.indexOf(':');
    current.fields.push(colon < 0 ? { name: line, value: '' } : { name: line.slice(0, colon), value: line.slice(colon + 1) });
  }
  return sections;
}

/** Replication first (this lab is about it), then the sections a learner checks next; the rest keep Redis' order. */
export const SECTION_ORDER = ['Replication', 'Sentinel', 'Server', 'Clients', 'Persistence', 'Stats', 'Keyspace'];

/** Sections open until the person closes them. */
export const DEFAULT_OPEN = ['Replication', 'Sentinel'];

export function orderSections(sections: readonly InfoSection[]): InfoSection[] {
  const rank = (s: InfoSection) => {
    const i = SECTION_ORDER.indexOf(s.title);
    return i < 0 ? SECTION_ORDER.length : i;
  };
  // Array.prototype.sort is stable, so sections of equal rank keep Redis' order.
  return [...sections].sort((x, y) => rank(x) - rank(y));
}

/** Identifies a field across two INFO texts. */
export function fieldKey(section: string, name: string): string {
  return `${section}/${name}`;
}

/**
 * Fields that move with the clock alone (every INFO differs in them):
 * highlighting them would make the panel flicker without saying anything
 * about replication.
 */
export const CLOCK_FIELDS: ReadonlySet<string> = new Set([
  'server_time_usec',
  'uptime_in_seconds',
  'uptime_in_days',
  'lru_clock',
  'used_cpu_sys',
  'used_cpu_user',
  'used_cpu_sys_children',
  'used_cpu_user_children',
  'used_cpu_sys_main_thread',
  'used_cpu_user_main_thread',
]);

/**
 * Keys (fieldKey) of the fields whose value differs from `previous`, or that
 * are new in it (slave1 appearing). Nothing is "changed" without a previous
 * INFO (a node just selected), and clock-driven fields never are.
 */
export function changedFields(current: readonly InfoSection[], previous: readonly InfoSection[] | null): Set<string> {
  const out = new Set<string>();
  if (!previous) return out;
  const before = new Map<string, string>();
  for (const s of previous) for (const f of s.fields) before.set(fieldKey(s.title, f.name), f.value);
  for (const s of current) {
    for (const f of s.fields) {
      const key = fieldKey(s.title, f.name);
      if (!CLOCK_FIELDS.has(f.name) && before.get(key) !== f.value) out.add(key);
    }
  }
  return out;
}

/**
 * The fields matching the search box (case-insensitive, in the name or the
 * value; a matching section title keeps the whole section). Sections left
 * with nothing to show are dropped. An empty query keeps everything.
 */
export function filterSections(sections: readonly InfoSection[], query: string): InfoSection[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...sections];
  const out: InfoSection[] = [];
  for (const s of sections) {
    if (s.title.toLowerCase().includes(q)) {
      out.push(s);
      continue;
    }
    const fields = s.fields.filter((f) => f.name.toLowerCase().includes(q) || f.value.toLowerCase().includes(q));
    if (fields.length > 0) out.push({ title: s.title, fields });
  }
  return out;
}

/**
 * When each field last changed (wall-clock ms), so a highlight outlives the
 * next INFO: while playing, INFO arrives with nearly every frame, and a
 * highlight that only lasted until the next one would never be seen.
 * Entries older than `holdMs` are dropped.
 */
export function updateRecent(recent: ReadonlyMap<string, number>, changed: Iterable<string>, nowMs: number, holdMs: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, at] of recent) if (nowMs - at < holdMs) out.set(key, at);
  for (const key of changed) out.set(key, nowMs);
  return out;
}
