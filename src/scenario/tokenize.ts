// Splits one scenario line into arguments, as conformance/FORMAT.md describes:
// arguments are separated by whitespace; a "double quoted" argument may hold
// spaces and the escapes \n \r \t \" \\ \xHH. This mirrors what redis-cli's
// sdssplitargs accepts, so a line can be pasted from a redis-cli session.

export class TokenizeError extends Error {
  /** 0-based character position in the line where the problem was found. */
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.name = 'TokenizeError';
    this.column = column;
  }
}

const isSpace = (c: string): boolean => /\s/.test(c);
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

/**
 * Returns the arguments of `line`. Throws a TokenizeError for an unterminated
 * quote, a `\x` escape not followed by two hex digits, or a closing quote glued
 * to the next argument (`"a"b` is ambiguous; redis-cli rejects it as well).
 *
 * `\xHH` gives the character U+00HH; it reaches Redis as its UTF-8 encoding,
 * which is what the real-Redis recorder and the engine both do with every
 * JavaScript string, so both sides see the same bytes.
 * Any other escaped character stands for itself (`\q` is `q`), as in redis-cli.
 */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && isSpace(line[i])) i++;
    if (i >= line.length) break;
    if (line[i] === '"') {
      const start = i;
      let s = '';
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i];
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\') {
          if (i + 1 >= line.length) break; // a lone backslash before the end: unterminated
          const e = line[i + 1];
          if (e === 'n') s += '\n';
          else if (e === 'r') s += '\r';
          else if (e === 't') s += '\t';
          else if (e === 'x') {
            const h1 = line[i + 2];
            const h2 = line[i + 3];
            if (!isHex(h1) || !isHex(h2)) {
              throw new TokenizeError(`bad escape \\x${(h1 ?? '') + (h2 ?? '')}: \\x needs two hex digits`, i);
            }
            s += String.fromCharCode(Number.parseInt(h1 + h2, 16));
            i += 2;
          } else s += e;
          i += 2;
          continue;
        }
        s += c;
        i++;
      }
      if (!closed) throw new TokenizeError('unterminated quoted argument', start);
      if (i < line.length && !isSpace(line[i])) {
        throw new TokenizeError('a closing quote must be followed by a space or the end of the line', i);
      }
      out.push(s);
    } else {
      let s = '';
      while (i < line.length && !isSpace(line[i])) s += line[i++];
      out.push(s);
    }
  }
  return out;
}
