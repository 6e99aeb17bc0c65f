// Splitting text into arguments the two ways an imported file needs: a
// redis.conf line as Redis reads it (sdssplitargs), and a compose `command:`
// string as Compose splits it (shell words, without running a shell).

const isCSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
const isHex = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);

/**
 * sdssplitargs (sds.c): words separated by blanks; "double quotes" take the
 * escapes \n \r \t \b \a \xHH and \<any>; 'single quotes' take only \'. A
 * closing quote must be followed by a blank or the end. Null on unbalanced
 * quotes (Redis: "Unbalanced quotes in configuration line").
 */
export function sdssplitargs(line: string): string[] | null {
  const out: string[] = [];
  const at = (i: number): string => (i < line.length ? line[i] : '\0');
  let p = 0;
  for (;;) {
    while (p < line.length && isCSpace(line[p])) p++;
    if (p >= line.length) return out;
    let cur = '';
    let inq = false;
    let insq = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inq) {
        if (c === '\\' && at(p + 1) === 'x' && isHex(at(p + 2)) && isHex(at(p + 3))) {
          cur += String.fromCharCode(Number.parseInt(at(p + 2) + at(p + 3), 16));
          p += 3;
        } else if (c === '\\' && p + 1 < line.length) {
          p++;
          const e = line[p];
          cur += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === '"') {
          if (p + 1 < line.length && !isCSpace(line[p + 1])) return null;
          done = true;
        } else if (p >= line.length) {
          return null;
        } else {
          cur += c;
        }
      } else if (insq) {
        if (c === '\\' && at(p + 1) === "'") {
          p++;
          cur += "'";
        } else if (c === "'") {
          if (p + 1 < line.length && !isCSpace(line[p + 1])) return null;
          done = true;
        } else if (p >= line.length) {
          return null;
        } else {
          cur += c;
        }
      } else if (p >= line.length || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\0') {
        done = true;
      } else if (c === '"') {
        inq = true;
      } else if (c === "'") {
        insq = true;
      } else {
        cur += c;
      }
      if (p < line.length) p++;
    }
    out.push(cur);
  }
}

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
