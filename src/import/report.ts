// Collects findings while a file is read. Past MAX_FINDINGS only the count
// grows, so a file with thousands of problems cannot flood the page; the
// last finding then says how many were left out.

import { nearest } from './suggest';
import type { Finding, Severity, Text } from './types';

export const MAX_FINDINGS = 300;
/** Suggestions looked for per input: a file with more unknown names than this is not a matter of typos. */
export const MAX_SUGGESTIONS = 50;

export class Report {
  readonly findings: Finding[] = [];
  private dropped = 0;
  private suggestionsLeft = MAX_SUGGESTIONS;

  /** The file the next findings belong to (null: the only input). */
  file: string | null = null;

  add(line: number, severity: Severity, code: string, message: Text, suggestion?: Text): void {
    if (this.findings.length >= MAX_FINDINGS) {
      this.dropped++;
      return;
    }
    // The same thing said twice about one line (a variable used twice in it) is said once.
    const file = this.file ?? undefined;
    if (this.findings.some((f) => f.line === line && f.code === code && f.file === file && f.message.en === message.en)) return;
    const f: Finding = { line, severity, code, message };
    if (suggestion) f.suggestion = suggestion;
    if (this.file !== null) f.file = this.file;
    this.findings.push(f);
  }

  error(line: number, code: string, message: Text, suggestion?: Text): void {
    this.add(line, 'error', code, message, suggestion);
  }

  warn(line: number, code: string, message: Text, suggestion?: Text): void {
    this.add(line, 'warning', code, message, suggestion);
  }

  info(line: number, code: string, message: Text, suggestion?: Text): void {
    this.add(line, 'info', code, message, suggestion);
  }

  /** The known name nearest to a misspelled one (see suggest.ts), within this input's budget of suggestions. */
  nearest(name: string, candidates: Iterable<string>): string | null {
    if (this.suggestionsLeft <= 0 || this.findings.length >= MAX_FINDINGS) return null;
    this.suggestionsLeft--;
    return nearest(name, candidates);
  }

  hasErrors(): boolean {
    return this.findings.some((f) => f.severity === 'error');
  }

  /** The findings in input order (files as first seen, then lines), with a closing note when some were left out. */
  done(): Finding[] {
    const rank = new Map<string, number>();
    for (const f of this.findings) if (!rank.has(f.file ?? '')) rank.set(f.file ?? '', rank.size);
    const out = this.findings.slice().sort((a, b) => rank.get(a.file ?? '')! - rank.get(b.file ?? '')! || a.line - b.line);
    if (this.dropped > 0) {
      const n = this.dropped;
      out.push({
        line: 0,
        severity: 'info',
        code: 'findings-truncated',
        message: { en: `${n} more findings are not shown.`, ko: `표시하지 않은 항목이 ${n}개 더 있습니다.` },
      });
    }
    return out;
  }
}
