// EVAL and SCRIPT (src/engine/commands/scripting.ts, src/engine/scripting/).
// Every expected reply was written down from redis-server 7.0.15 (Debian)
// with a RESP client, the replication streams from a raw replica attached
// with PSYNC ? -1 to a real master.

import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/engine/resp/reply';
import { World } from '../src/engine/world';

type Shown = string | number | bigint | null | { s: string } | { e: string } | { nullarray: true } | Shown[];

function show(r: Reply | undefined): Shown | undefined {
  if (!r) return undefined;
  switch (r.t) {
    case 'status':
      return { s: r.s };
    case 'error':
      return { e: r.s };
    case 'int':
      return r.n;
    case 'bulk':
      return r.s;
    case 'nullbulk':
      return null;
    case 'nullarray':
      return { nullarray: true };
    case 'array':
      return r.a.map((x) => show(x) as Shown);
  }
}

function master(): { w: World; c: number; run: (...argv: (string | number)[]) => Shown | undefined } {
  const w = new World({ seed: 1 });
  w.addNode('m', []);
  const c = w.connect('m');
  return { w, c, run: (...argv) => show(w.command('m', c, argv.map(String))) };
}

const BUSY = 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.';

describe('EVAL replies (Lua -> RESP as redis-server 7.0.15)', () => {
  const cases: [(string | number)[], Shown][] = [
    [['eval', 'return 1.9', 0], 1],
    [['eval', 'return -1.9', 0], -1],
    [['eval', "return {1,2,3,'ciao',{1,2}}", 0], [1, 2, 3, 'ciao', [1, 2]]],
    [['eval', 'return {1,2,nil,4}', 0], [1, 2]],
    [['eval', 'return true', 0], 1],
    [['eval', 'return false', 0], null],
    [['eval', 'return nil', 0], null],
    [['eval', "return {err='My Error'}", 0], { e: 'My Error' }],
    [['eval', "return {ok='fine'}", 0], { s: 'fine' }],
    [['eval', "return {ok='a\\r\\nb'}", 0], { s: 'a  b' }],
    [['eval', "return {1,2,err='x'}", 0], { e: 'x' }],
    [['eval', 'return {ok=1}', 0], []],
    [['eval', "return redis.error_reply('boom')", 0], { e: 'ERR boom' }],
    [['eval', "return redis.error_reply('-boom x')", 0], { e: 'boom x' }],
    [['eval', 'return redis.error_reply(1)', 0], { e: 'ERR wrong number or type of arguments' }],
    [['eval', "return redis.status_reply('yes')", 0], { s: 'yes' }],
    [['eval', 'return 1e20', 0], -9223372036854775808n],
    [['eval', 'return 2^53', 0], 9007199254740992n],
    [['eval', 'return 0/0', 0], -9223372036854775808n],
    [['eval', 'return 7/2', 0], 3],
    [['eval', 'return tostring(10/2)', 0], '5'],
    [['eval', "return 'v' .. 10/2", 0], 'v5'],
    [['eval', 'return tostring(1e20)', 0], '1e+20'],
    [['eval', 'return tostring(0/0)', 0], '-nan'],
    [['eval', 'return tostring(2^31)', 0], '2147483648'],
    [['eval', 'return 100000*100000', 0], 10000000000],
    [['eval', "return string.format('%d', 3.7)", 0], '3'],
    [['eval', "return ('%d'):format(2^31)", 0], '2147483648'],
    [['eval', "return string.rep('ab', 3, ',')", 0], 'ababab'],
    [['eval', 'return _VERSION', 0], 'Lua 5.1'],
    [['eval', 'return redis.REDIS_VERSION', 0], '7.0.15'],
    [['eval', "return redis.sha1hex('')", 0], 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    [['eval', 'return KEYS[1]..ARGV[1]', 1, 'k', 'a'], 'ka'],
    [['eval', "return {double=1.5}", 0], '1.5'],
    [['eval', "return {map={a=1}}", 0], ['a', 1]],
    [['eval', "return table.getn({1,2,3})", 0], 3],
    [['eval', 'return math.mod(7,3)', 0], 1],
    [['eval', "return cjson.encode({1,'x',true,false})", 0], '[1,"x",true,false]'],
    [['eval', "return cjson.encode({[1]=1,[3]=3})", 0], '[1,null,3]'],
    [['eval', "return cjson.encode('a\"b/c')", 0], '"a\\"b\\/c"'],
    [['eval', 'return bit.tohex(-1, -4)', 0], 'FFFF'],
    [['eval', 'return bit.rshift(-1,1)', 0], 2147483647],
    [['eval', 'return bit.band(2^32+3, 1)', 0], 1],
    [['eval', 'return {pcall(function() error(\'x\') end)}', 0], [null, 'user_script:1: x']],
    [['eval', "return {pcall(function() redis.call('nosuch') end)}", 0], [null, 'ERR Unknown Redis command called from script']],
    [['eval', "return {redis.pcall('incr','nokey'), type(redis.pcall('nosuch'))}", 0], [1, 'table']],
    [['eval', "return redis.call('hgetall','nokey')", 0], []],
    [['eval', "return redis.call('get','nokey')", 0], null],
  ];
  it.each(cases)('%j', (argv, want) => {
    expect(master().run(...argv)).toEqual(want);
  });

  it('errors carry the script sha and the line, as 7.0 words them', () => {
    const { run } = master();
    expect(run('eval', 'return x', 0)).toEqual({ e: "ERR user_script:1: Script attempted to access nonexistent global variable 'x' script: 03c387736bb5cc009ff35151572cee04677aa374, on @user_script:1." });
    expect(run('eval', 'x = 1', 0)).toEqual({ e: 'ERR user_script:1: Attempt to modify a readonly table script: 34bce5f775de97f557a34088509c8bfe1ea17e52, on @user_script:1.' });
    expect(run('eval', "rawset(_G,'x',1)", 0)).toEqual({ e: 'ERR Attempt to modify a readonly table script: 90860ee597073785c7a12c667667abc4495e2c78, on @user_script:1.' });
    expect(run('eval', "getmetatable('').__index = {}", 0)).toEqual({ e: 'ERR user_script:1: Attempt to modify a readonly table script: 600bbd8170b33df355d1857b51be5ad60f77ab7b, on @user_script:1.' });
    expect(run('eval', "error('hey')", 0)).toEqual({ e: 'ERR user_script:1: hey script: f67652c1d2631292b32195760725eef6edfaf761, on @user_script:1.' });
    expect(run('eval', "error({err='XX custom'})", 0)).toEqual({ e: 'XX custom script: 00adaba071fa898b4dc35df3c79160a798a083fb, on @user_script:1.' });
    expect(run('eval', "return redis.call('nosuch')", 0)).toEqual({ e: 'ERR Unknown Redis command called from script script: 206396248e12c6e742fd7296250433c8d7343b74, on @user_script:1.' });
    expect(run('eval', "return redis.call('get')", 0)).toEqual({ e: 'ERR Wrong number of args calling Redis command from script script: f187dee77f607f7cff00bbabc9df38507582c78d, on @user_script:1.' });
    expect(run('eval', "return redis.call('get',{})", 0)).toEqual({ e: 'ERR Lua redis lib command arguments must be strings or integers script: 4deb073a545207f215b56dcef5ca825f9f406808, on @user_script:1.' });
    expect(run('eval', 'return redis.call()', 0)).toEqual({ e: 'ERR Please specify at least one argument for this redis lib call script: 0a907e1429221a4d85516cab7fd219a82a9439d8, on @user_script:1.' });
    expect(run('eval', "return redis.call('eval','return 1',0)", 0)).toEqual({ e: 'ERR This Redis command is not allowed from script script: 595931feb16e9cba240a2e4c6a852627761118e3, on @user_script:1.' });
    expect(run('eval', "return redis.call('blpop','l',0)", 0)).toEqual({ e: 'ERR This Redis command is not allowed from script script: 121bfe1768bf66b7a31f0b044f99b2ef97079112, on @user_script:1.' });
    expect(run('eval', 'local t = nil; return t.x', 0)).toEqual({ e: "ERR user_script:1: attempt to index local 't' (a nil value) script: e62b17c4a64e9b74a6f9be57909ea9e2d0e66784, on @user_script:1." });
    expect(run('eval', 'return redis.setresp(4)', 0)).toEqual({ e: 'ERR RESP version must be 2 or 3. script: 921c0a48021d97dfd5884aeea41875972c7804d9, on @user_script:1.' });
    expect(run('eval', 'return redis.set_repl(99)', 0)).toEqual({ e: 'ERR Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE. script: fae934173b6296d6836d5d5f52e192640f8897d9, on @user_script:1.' });
    expect(run('eval', "return cjson.decode('x')", 0)).toEqual({ e: 'ERR user_script:1: Expected value but found invalid token at character 1 script: 5f58dd5cefb3eb0313af3534f36be4b83e79ae80, on @user_script:1.' });
    expect(run('eval', 'return os', 0)).toEqual({ e: "ERR user_script:1: Script attempted to access nonexistent global variable 'os' script: f03b5ad6e7d58786b6a5e879efbea4a4408f5c2f, on @user_script:1." });
    expect(run('eval', '#!lua\n\nreturn x', 0)).toEqual({ e: "ERR user_script:3: Script attempted to access nonexistent global variable 'x' script: 7c521c4c51e4c231cd844277c8da7c5de00bcf1c, on @user_script:3." });
    expect(run('set', 'str', 'abc')).toEqual({ s: 'OK' });
    expect(run('eval', "return redis.call('incr','str')", 0)).toEqual({ e: 'ERR value is not an integer or out of range script: 851ab5c4815573433b8c8eed0a889f947a2e885a, on @user_script:1.' });
    expect(run('eval', "return redis.pcall('incr','str')", 0)).toEqual({ e: 'ERR value is not an integer or out of range' });
  });

  it('argument errors, compile errors, NOSCRIPT and shebangs', () => {
    const { run } = master();
    expect(run('eval', 'return 1', -1)).toEqual({ e: "ERR Number of keys can't be negative" });
    expect(run('eval', 'return 1', 2, 'a')).toEqual({ e: "ERR Number of keys can't be greater than number of args" });
    expect(run('eval', 'return 1', 'x')).toEqual({ e: 'ERR value is not an integer or out of range' });
    expect(run('eval', 'return 1')).toEqual({ e: "ERR wrong number of arguments for 'eval' command" });
    expect(run('evalsha', 'ffffffffffffffffffffffffffffffffffffffff', 0)).toEqual({ e: 'NOSCRIPT No matching script. Please use EVAL.' });
    expect(run('evalsha', 'fff', 'x')).toEqual({ e: 'NOSCRIPT No matching script. Please use EVAL.' });
    expect(run('eval', "return 'x", 0)).toEqual({ e: "ERR Error compiling script (new function): user_script:1: unfinished string near '<eof>'" });
    expect(run('eval', '#!lua flags=bad\nreturn 2', 0)).toEqual({ e: 'ERR Unexpected flag in script shebang: bad' });
    expect(run('eval', '#!lua x=1\nreturn 2', 0)).toEqual({ e: 'ERR Unknown lua shebang option: x=1' });
    expect(run('eval', '#!python\nreturn 2', 0)).toEqual({ e: 'ERR Unexpected engine in script shebang: #!python' });
    expect(run('eval', '#!lua', 0)).toEqual({ e: 'ERR Invalid script shebang' });
    expect(run('eval', "#!lua flags=no-writes\nreturn redis.call('set','a','b')", 0)).toEqual({ e: 'ERR Write commands are not allowed from read-only scripts. script: 6acb400a50fe96e33eca4e0af6e9dcfb21193726, on @user_script:2.' });
    expect(run('eval_ro', "return redis.call('set','a','b')", 0)).toEqual({ e: 'ERR Write commands are not allowed from read-only scripts. script: ff967d0ae0e68b4f9e360fa91c54598bc25ad9b6, on @user_script:1.' });
    expect(run('eval_ro', "return redis.call('publish','c','m')", 0)).toEqual({ e: 'ERR Write commands are not allowed from read-only scripts. script: 3a955b6d325623c001913b7b9046420fd9d06fc8, on @user_script:1.' });
    expect(run('eval_ro', '#!lua\nreturn 1', 0)).toEqual({ e: 'ERR Can not execute a script with write flag using *_ro command.' });
    expect(run('eval', "return redis.call('publish','c','m')", 0)).toEqual(0);
  });

  it('SCRIPT LOAD / EXISTS / FLUSH / KILL / HELP', () => {
    const { run } = master();
    expect(run('script', 'load', 'return 1')).toBe('e0e1f9fabfc9d4800c877a703b823ac0578ff8db');
    expect(run('script', 'exists', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', 'E0E1F9FABFC9D4800C877A703B823AC0578FF8DB', 'x')).toEqual([1, 1, 0]);
    expect(run('evalsha', 'E0E1F9FABFC9D4800C877A703B823AC0578FF8DB', 0)).toBe(1);
    expect(run('script', 'load', "return 'x")).toEqual({ e: "ERR Error compiling script (new function): user_script:1: unfinished string near '<eof>'" });
    expect(run('script', 'load')).toEqual({ e: "ERR wrong number of arguments for 'script|load' command" });
    expect(run('script', 'flush', 'x')).toEqual({ e: 'ERR SCRIPT FLUSH only support SYNC|ASYNC option' });
    expect(run('script', 'flush', 'sync', 'x')).toEqual({ e: 'ERR SCRIPT FLUSH only support SYNC|ASYNC option' });
    expect(run('script', 'flush', 'SYNC')).toEqual({ s: 'OK' });
    expect(run('script', 'exists', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db')).toEqual([0]);
    expect(run('script', 'kill')).toEqual({ e: 'NOTBUSY No scripts in execution right now.' });
    expect(run('script', 'kill', 'x')).toEqual({ e: "ERR wrong number of arguments for 'script|kill' command" });
    expect(run('script', 'blah')).toEqual({ e: "ERR unknown subcommand 'blah'. Try SCRIPT HELP." });
    expect(run('script', 'debug', 'x')).toEqual({ e: 'ERR Use SCRIPT DEBUG YES/SYNC/NO' });
    const help = run('script', 'help') as { s: string }[];
    expect(help[0]).toEqual({ s: 'SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:' });
    expect(help.length).toBe(17);
    // EVAL caches the script too.
    run('eval', 'return 2', 0);
    expect(run('script', 'exists', '7f923f79fe76194c868d7e1d0820de36700eb649')).toEqual([1]);
  });

  it('math.random is the process-wide drand48 of rand.c, not reset per script', () => {
    const { run } = master();
    expect(run('eval', 'return tostring(math.random())', 0)).toBe('0.39646477363839');
    expect(run('eval', 'return {tostring(math.random()), math.random(10), math.random(5,8)}', 0)).toEqual(['0.84048536971234', 4, 6]);
  });

  it('numbers given to redis.call are formatted with %.17g', () => {
    const { run } = master();
    const got: Shown[] = [];
    for (const v of ['0.1', '1e20', '-0.0', '123456789012345678', '1e-5', '0/0', '1/0', '3']) {
      run('eval', `return redis.call('set','k',${v})`, 0);
      got.push(run('get', 'k') as Shown);
    }
    expect(got).toEqual(['0.10000000000000001', '1e+20', '-0', '1.2345678901234568e+17', '1.0000000000000001e-05', '-nan', 'inf', '3']);
  });
});

/** The commands the master fed its replication stream (PING and REPLCONF left out). */
function streamOf(w: World, node: string): string[][] {
  const b = w.node(node).repl.backlog;
  if (!b) return [];
  return b.items
    .slice(b.itemHead)
    .map((i) => i.argv)
    .filter((a) => !/^(ping|replconf)$/i.test(a[0]));
}

function replicated(): { w: World; c: number; r: number; run: (...argv: (string | number)[]) => Shown | undefined; onReplica: (...argv: (string | number)[]) => Shown | undefined } {
  const w = new World({ seed: 1 });
  w.addNode('m', []);
  w.addNode('r1', [['replicaof', '127.0.0.1 6379']]);
  w.advance(8_000);
  const c = w.connect('m');
  const r = w.connect('r1');
  return { w, c, r, run: (...argv) => show(w.command('m', c, argv.map(String))), onReplica: (...argv) => show(w.command('r1', r, argv.map(String))) };
}

describe('effects replication (Redis 7.0)', () => {
  it('a script replicates the commands it ran, wrapped in MULTI/EXEC when more than one; never EVAL, SCRIPT LOAD or SCRIPT FLUSH', () => {
    const { w, run, onReplica } = replicated();
    const before = streamOf(w, 'm').length;
    run('set', 'a', '1');
    run('eval', "redis.call('set','x','1'); redis.call('incr','x'); return 1", 0);
    run('eval', "redis.call('set','y','1')", 0);
    run('eval', "return redis.call('get','x')", 0);
    run('script', 'load', 'return 1');
    run('script', 'flush');
    run('eval', 'return 1', 0);
    run('eval', "redis.set_repl(redis.REPL_NONE); redis.call('set','q',1); redis.set_repl(redis.REPL_ALL); redis.call('set','q2',1)", 0);
    run('eval', "redis.call('set','e2',1); redis.call('get','nokey'); redis.call('del','nokey')", 0);
    const stream = streamOf(w, 'm').slice(before);
    // The first write after the replica attached carries a SELECT.
    expect(stream).toEqual([['SELECT', '0'], ['set', 'a', '1'], ['MULTI'], ['set', 'x', '1'], ['incr', 'x'], ['EXEC'], ['set', 'y', '1'], ['set', 'q2', '1'], ['set', 'e2', '1']]);
    w.advance(1_000);
    expect(onReplica('get', 'x')).toBe('2');
    expect(onReplica('get', 'q')).toBe(null);
    expect(onReplica('get', 'q2')).toBe('1');
  });

  it('writes in another db go out after a SELECT, expirations as absolute times', () => {
    const { w, c, run } = replicated();
    const before = streamOf(w, 'm').length;
    w.command('m', c, ['select', '3']);
    run('eval', "redis.call('set','z',1); redis.call('set','z2',2)", 0);
    w.command('m', c, ['select', '0']);
    run('eval', "redis.call('set','e1',1,'ex',100); redis.call('expire','e1', 50)", 0);
    const stream = streamOf(w, 'm').slice(before);
    expect(stream.slice(0, 5)).toEqual([['SELECT', '3'], ['MULTI'], ['set', 'z', '1'], ['set', 'z2', '2'], ['EXEC']]);
    expect(stream[5]).toEqual(['SELECT', '0']);
    expect(stream[6]).toEqual(['MULTI']);
    expect(stream[7].slice(0, 4)).toEqual(['SET', 'e1', '1', 'PXAT']);
    expect(stream[8][0]).toBe('PEXPIREAT');
    expect(stream[9]).toEqual(['EXEC']);
  });

  it('on a read-only replica a script may read but not write', () => {
    const { onReplica } = replicated();
    expect(onReplica('eval', "return redis.call('set','a','b')", 0)).toEqual({ e: "READONLY You can't write against a read only replica. script: ff967d0ae0e68b4f9e360fa91c54598bc25ad9b6, on @user_script:1." });
    expect(onReplica('eval', "return redis.call('get','a')", 0)).toBe(null);
    expect(onReplica('eval', '#!lua\nreturn 1', 0)).toEqual({ e: "READONLY You can't write against a read only replica." });
    expect(onReplica('eval', '#!lua flags=no-writes\nreturn 1', 0)).toBe(1);
    expect(onReplica('eval', "return redis.pcall('set','a','b')", 0)).toEqual({ e: "READONLY You can't write against a read only replica." });
    expect(onReplica('multi')).toEqual({ s: 'OK' });
    expect(onReplica('eval', '#!lua\nreturn 1', 0)).toEqual({ e: "READONLY You can't write against a read only replica." });
    expect(onReplica('exec')).toEqual({ e: 'EXECABORT Transaction discarded because of previous errors.' });
    expect(onReplica('exec', 'foo')).toEqual({ e: "EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command" });
  });
});

describe('busy scripts in virtual time', () => {
  it('a script past lua-time-limit makes the node answer BUSY; MULTI is allowed, EXEC aborts; SCRIPT KILL stops it', () => {
    const { w, c, run } = master();
    expect(run('config', 'set', 'lua-time-limit', '10')).toEqual({ s: 'OK' });
    const b = w.connect('m');
    const t0 = w.nowMs;
    w.send('m', c, ['eval', 'while true do end', '0']);
    expect(w.takeReply('m', c)).toBeUndefined();
    // Before the time limit the node does nothing else: a command waits.
    w.advance(5);
    w.send('m', b, ['get', 'x']);
    expect(w.takeReply('m', b)).toBeUndefined();
    w.advance(5);
    expect(show(w.takeReply('m', b))).toEqual({ e: BUSY });
    expect(w.nowMs - t0).toBe(10);
    const onB = (...argv: string[]) => show(w.command('m', b, argv));
    expect(onB('ping')).toEqual({ e: BUSY });
    expect(onB('multi')).toEqual({ s: 'OK' });
    expect(onB('incr', 'x')).toEqual({ e: BUSY });
    expect(onB('exec')).toEqual({ e: `EXECABORT Transaction discarded because of: ${BUSY}` });
    expect(onB('watch', 'x')).toEqual({ s: 'OK' });
    expect(onB('script', 'flush')).toEqual({ e: BUSY });
    expect(onB('eval', 'return 1', '0')).toEqual({ e: BUSY });
    expect(onB('script', 'kill')).toEqual({ s: 'OK' });
    expect(onB('script', 'kill')).toEqual({ s: 'OK' });
    w.advance(2);
    expect(show(w.takeReply('m', c))).toEqual({ e: 'ERR Script killed by user with SCRIPT KILL... script: 694a5fe1ddb97a4c6a1bf299d9537c7d3d0f84e7, on @user_script:1.' });
    expect(onB('ping')).toEqual({ s: 'PONG' });
  });

  it('a script that wrote cannot be killed, and its effects replicate when it ends', () => {
    const { w, c, run } = replicated();
    run('config', 'set', 'lua-time-limit', '10');
    const b = w.connect('m');
    const before = streamOf(w, 'm').length;
    w.send('m', c, ['eval', "redis.call('set','w','1') local i = 0 while i < 300000 do i = i + 1 end redis.call('set','w2','2') return i", '0']);
    w.advance(20);
    expect(show(w.command('m', b, ['script', 'kill']))).toEqual({
      e: 'UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.',
    });
    expect(streamOf(w, 'm').length).toBe(before);
    expect(w.runUntil(() => w.node('m').clients[c].replies.length > 0, 10_000)).toBe(true);
    expect(show(w.takeReply('m', c))).toBe(300000);
    expect(streamOf(w, 'm').slice(before)).toEqual([['SELECT', '0'], ['MULTI'], ['set', 'w', '1'], ['set', 'w2', '2'], ['EXEC']]);
  });

  it('a script shorter than the limit holds other clients, which then run normally', () => {
    const { w, c, run } = master();
    run('config', 'set', 'lua-time-limit', '1000');
    const b = w.connect('m');
    w.send('m', c, ['eval', "redis.call('set','x','done') local i = 0 while i < 30000 do i = i + 1 end return i", '0']);
    w.advance(1);
    w.send('m', b, ['get', 'x']);
    expect(w.takeReply('m', b)).toBeUndefined();
    expect(w.runUntil(() => w.node('m').clients[b].replies.length > 0, 1_000)).toBe(true);
    expect(show(w.takeReply('m', c))).toBe(30000);
    expect(show(w.takeReply('m', b))).toBe('done');
  });

  it('a snapshot taken during a busy script restores to a world that replays it (redis.call answered from the record) and goes on', () => {
    const { w, c, run } = master();
    run('config', 'set', 'lua-time-limit', '10');
    const script = "local n = redis.call('incr','c') local i = 0 while i < 200000 do i = i + 1 end return {n, i, redis.call('get','c')}";
    w.send('m', c, ['eval', script, '0']);
    w.advance(30);
    const snap = w.snapshot();
    const finish = (x: World): { reply: Shown | undefined; at: number } => {
      x.runUntil(() => x.node('m').clients[c].replies.length > 0, 10_000);
      return { reply: show(x.takeReply('m', c)), at: x.nowMs };
    };
    const original = finish(w);
    const restored = World.restore(snap);
    const again = finish(restored);
    expect(original.reply).toEqual([1, 200000, '1']);
    expect(again).toEqual(original);
    // The restored world did not run INCR twice.
    expect(show(restored.command('m', c, ['get', 'c']))).toBe('1');
  });

  it('a busy script killed in a restored world dies there', () => {
    const { w, c, run } = master();
    run('config', 'set', 'lua-time-limit', '10');
    w.send('m', c, ['eval', 'local i = 0 while true do i = i + 1 end', '0']);
    w.advance(50);
    const restored = World.restore(w.snapshot());
    const b = restored.connect('m');
    expect(show(restored.command('m', b, ['ping']))).toEqual({ e: BUSY });
    expect(show(restored.command('m', b, ['script', 'kill']))).toEqual({ s: 'OK' });
    restored.runUntil(() => restored.node('m').clients[c].replies.length > 0, 1_000);
    expect(show(restored.takeReply('m', c))).toEqual({ e: 'ERR Script killed by user with SCRIPT KILL... script: 3fcf51a9b854b8f66cb8685600b0d7df968f4398, on @user_script:1.' });
  });

  it('a replica running a long read-only script applies its master stream only when the script ends', () => {
    const { w, run, r, onReplica } = replicated();
    onReplica('config', 'set', 'lua-time-limit', '10');
    w.send('r1', r, ['eval_ro', 'local i = 0 while i < 2000000 do i = i + 1 end return i', '0']);
    run('set', 'k', 'v');
    const q = w.connect('r1');
    w.advance(100);
    expect(show(w.command('r1', q, ['get', 'k']))).toEqual({ e: BUSY });
    w.runUntil(() => w.node('r1').clients[r].replies.length > 0, 10_000);
    expect(show(w.takeReply('r1', r))).toBe(2000000);
    w.advance(50);
    expect(show(w.command('r1', q, ['get', 'k']))).toBe('v');
  });
});
