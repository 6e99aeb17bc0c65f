// The console prints replies as redis-cli 7.0 does in a terminal.

import { describe, expect, it } from 'vitest';
import { array, bulk, bulks, err, int, NULL_ARRAY, NULL_BULK, OK } from '../src/engine/resp/reply';
import { formatReply, quoteRepr } from '../src/ui/redisCli';

describe('replies look like redis-cli output', () => {
  it('status replies print bare', () => {
    expect(formatReply(OK)).toBe('OK');
    expect(formatReply({ t: 'status', s: 'PONG' })).toBe('PONG');
  });

  it('errors are prefixed with (error)', () => {
    expect(formatReply(err("READONLY You can't write against a read only replica."))).toBe(
      "(error) READONLY You can't write against a read only replica.",
    );
  });

  it('integers, including ones beyond 2^53', () => {
    expect(formatReply(int(1))).toBe('(integer) 1');
    expect(formatReply(int(9223372036854775807n))).toBe('(integer) 9223372036854775807');
  });

  it('bulk strings are quoted, null bulk and null array are (nil)', () => {
    expect(formatReply(bulk('hello'))).toBe('"hello"');
    expect(formatReply(NULL_BULK)).toBe('(nil)');
    expect(formatReply(NULL_ARRAY)).toBe('(nil)');
  });

  it('escapes quotes, backslashes, control bytes and non-ASCII bytes like sdscatrepr', () => {
    expect(quoteRepr('a"b\\c\n\r\t\x07\x08\x01')).toBe('"a\\"b\\\\c\\n\\r\\t\\a\\b\\x01"');
    expect(quoteRepr('안')).toBe('"\\xec\\x95\\x88"');
    expect(quoteRepr('')).toBe('""');
  });

  it('arrays are numbered, with the index width of the longest number', () => {
    expect(formatReply(bulks(['a', 'b']))).toBe('1) "a"\n2) "b"');
    const ten = bulks(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(formatReply(ten).split('\n').slice(8)).toEqual([' 9) "8"', '10) "9"']);
    expect(formatReply(array([]))).toBe('(empty array)');
  });

  it('nested arrays are indented under their parent index', () => {
    const role = array([bulk('master'), int(42), array([bulks(['127.0.0.1', '6380', '42'])])]);
    expect(formatReply(role)).toBe(['1) "master"', '2) (integer) 42', '3) 1) 1) "127.0.0.1"', '      2) "6380"', '      3) "42"'].join('\n'));
  });

  it('INFO prints raw lines, not one quoted string', () => {
    const info = bulk('# Replication\r\nrole:master\r\nconnected_slaves:0\r\n');
    expect(formatReply(info, ['INFO', 'replication'])).toBe('# Replication\nrole:master\nconnected_slaves:0');
    expect(formatReply(info, ['GET', 'k'])).toBe('"# Replication\\r\\nrole:master\\r\\nconnected_slaves:0\\r\\n"');
  });
});
