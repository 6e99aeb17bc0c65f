// Splitting text into arguments the two ways an imported file needs: a
// redis.conf line as Redis reads it (sdssplitargs), and a compose `command:`
// string as Compose splits it (shell words, without running a shell).

// A redis.conf line is split exactly as the engine splits config values.
export { sdssplitargs } from '../engine/server/config';

/**
 * sdscatrepr (sds.c): an argument as a quoted word that sdssplitargs reads
 * back unchanged. redis-server builds its command-line options this way.
 */
export function reprArg(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === '"') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\x07') out += '\\a';
    else if (c === '\b') out += '\\b';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/**
 * A command string split into words like a POSIX shell would (no expansion):
 * blanks separate, 'single quotes' are literal, "double quotes" take \" \\ \$
 * \` escapes, a backslash outside quotes escapes the next character. Null on
 * an unterminated quote.
 */
export function shellWords(text: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
      i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return null;
      cur += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) {
          cur += text[i + 1];
          i += 2;
        } else {
          cur += d;
          i++;
        }
      }
      if (!closed) return null;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[i + 1];
      inWord = true;
      i += 2;
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) out.push(cur);
  return out;
}
