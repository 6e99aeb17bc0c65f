// Replies printed the way redis-cli 7.0 prints them in a terminal
// (cliFormatReplyTTY in redis-cli.c), so what a learner sees here is what they
// will see against a real server:
//
//   SET k v       -> OK
//   GET k         -> "v"            (quoted, escaped like sdscatrepr)
//   INCR n        -> (integer) 1
//   GET missing   -> (nil)
//   SET k v on r1 -> (error) READONLY You can't write against a read only replica.
//   ROLE on m     -> 1) "master"
//                    2) (integer) 0
//                    3) (empty array)
//
// Nested arrays are indented by the width of the parent's index plus two, as
// redis-cli does:
//   1) 1) "a"
//      2) "b"

import { utf8Encode } from '../engine/resp/bytes';
import { type Reply, toResp2 } from '../engine/resp/reply';

/** Formats `reply` to the command `argv`; the result has no trailing newline. */
export function formatReply(reply: Reply, argv: readonly string[] = []): string {
  const text = isRawOutputCommand(argv) && reply.t === 'bulk' ? reply.s.replace(/\r\n/g, '\n') : formatTty(reply, '');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/**
 * redis-cli switches to raw output for commands whose reply is a report meant
 * to be read as lines (INFO, CLIENT LIST, ...), instead of one quoted string.
 */
export function isRawOutputCommand(argv: readonly string[]): boolean {
  const cmd = (argv[0] ?? '').toLowerCase();
  const sub = (argv[1] ?? '').toLowerCase();
  if (cmd === 'info' || cmd === 'lolwut') return true;
  if (cmd === 'client' && (sub === 'list' || sub === 'info')) return true;
  if (cmd === 'memory' && (sub === 'malloc-stats' || sub === 'doctor')) return true;
  if (cmd === 'latency' && sub === 'doctor' && argv.length === 2) return true;
  if (cmd === 'cluster' && (sub === 'nodes' || sub === 'info') && argv.length === 2) return true;
  return false;
}

function formatTty(r: Reply, prefix: string): string {
  switch (r.t) {
    case 'status':
      return `${r.s}\n`;
    case 'error':
      return `(error) ${r.s}\n`;
    case 'int':
      return `(integer) ${String(r.n)}\n`;
    case 'bulk':
      return `${quoteRepr(r.s)}\n`;
    case 'nullbulk':
    case 'nullarray':
      return '(nil)\n';
    case 'array': {
      if (r.a.length === 0) return '(empty array)\n';
      const width = String(r.a.length).length;
      const nested = prefix + ' '.repeat(width + 2);
      let out = '';
      r.a.forEach((item, i) => {
        // The first element follows the parent's own "N) " on the same line.
        out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ${formatTty(item, nested)}`;
      });
      return out;
    }
    default:
      return formatTty(toResp2(r), prefix);
  }
}

/**
 * sdscatrepr: the string's bytes (as the server stores them: UTF-8, raw bytes kept, see engine/resp/bytes.ts) in double
 * quotes, with \\ \" \n \r \t \a \b escaped and every other non-printable
 * byte as \xhh. So "안녕" prints as "\xec\x95\x88\xeb\x85\x95", as redis-cli
 * does in a terminal unless it is started with --raw.
 */
export function quoteRepr(s: string): string {
  let out = '"';
  for (const byte of utf8Encode(s)) {
    switch (byte) {
      case 0x5c:
        out += '\\\\';
        break;
      case 0x22:
        out += '\\"';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x07:
        out += '\\a';
        break;
      case 0x08:
        out += '\\b';
        break;
      default:
        out += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
    }
  }
  return `${out}"`;
}
