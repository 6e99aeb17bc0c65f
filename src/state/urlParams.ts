// The URL parameters of the page (DESIGN.md, "Contracts"): lang, seed, theme,
// embed, scenario, session. Each bad value becomes a problem the page shows
// in the person's language, next to a working default — never a blank page.

import { PRESETS, type Preset } from '../worker/protocol';
import type { Theme } from './lab';
import { MAX_SESSION_PARAM_CHARS, SESSION_PARAM } from './share';

export const DEFAULT_SEED = 1;
const MAX_SEED = 0xffff_ffff;
/** A scenario given in the URL is a few lines typed by a course author, not a log. */
export const MAX_SCENARIO_PARAM_CHARS = 20_000;

export type UrlProblem =
  | { kind: 'seed'; value: string }
  | { kind: 'theme'; value: string }
  | { kind: 'scenario-too-long'; chars: number }
  | { kind: 'session-too-long'; chars: number };

export interface PageParams {
  seed: number;
  theme: Theme | null;
  embed: boolean;
  preset: Preset | null;
  /** .scn text to load. */
  scenario: string | null;
  /** The still-encoded share parameter (decoded asynchronously, see share.ts). */
  session: string | null;
  problems: UrlProblem[];
}

export function readPageParams(search: string): PageParams {
  const p = new URLSearchParams(search);
  const problems: UrlProblem[] = [];

  let seed = DEFAULT_SEED;
  const rawSeed = p.get('seed');
  if (rawSeed !== null) {
    const n = /^\d+$/.test(rawSeed.trim()) ? Number(rawSeed.trim()) : Number.NaN;
    if (Number.isSafeInteger(n) && n <= MAX_SEED) seed = n;
    else problems.push({ kind: 'seed', value: rawSeed.slice(0, 40) });
  }

  let theme: Theme | null = null;
  const rawTheme = p.get('theme');
  if (rawTheme !== null) {
    const t = rawTheme.trim().toLowerCase();
    if (t === 'light' || t === 'dark') theme = t;
    else problems.push({ kind: 'theme', value: rawTheme.slice(0, 40) });
  }

  // `scenario` is either a preset's name (a topology) or the text of a .scn file.
  let preset: Preset | null = null;
  let scenario: string | null = null;
  const rawScenario = p.get('scenario');
  if (rawScenario !== null) {
    if ((PRESETS as readonly string[]).includes(rawScenario.trim())) preset = rawScenario.trim() as Preset;
    else if (rawScenario.length > MAX_SCENARIO_PARAM_CHARS) problems.push({ kind: 'scenario-too-long', chars: rawScenario.length });
    else scenario = rawScenario;
  }

  let session: string | null = null;
  const rawSession = p.get(SESSION_PARAM);
  if (rawSession !== null) {
    if (rawSession.length > MAX_SESSION_PARAM_CHARS) problems.push({ kind: 'session-too-long', chars: rawSession.length });
    else session = rawSession;
  }

  const embed = p.get('embed') === '1';
  return { seed, theme, embed, preset, scenario, session, problems };
}

/** The page's URL with `key` set (or removed with null), keeping the other parameters. */
export function withParam(href: string, key: string, value: string | null): string {
  const url = new URL(href);
  if (value === null) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  return url.toString();
}
