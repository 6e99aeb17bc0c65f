// RESP3 in serve mode, byte for byte: the same requests went to a real
// redis-server 7.0.15 over a raw socket and every reply below is the bytes it
// answered (a HELLO's client id aside, shown as `?`). A connection that says
// HELLO 3 gets maps, sets, doubles, nulls, verbatim strings and pushes; one
// that stays on RESP2 (or says HELLO 2) gets exactly what it got before.
// When a redis-server is installed the sequences are also played against it.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeReply } from '../src/engine/resp/encode';
import { type Reply, toResp2 } from '../src/engine/resp/reply';
import { World } from '../src/engine/world';
import { ServeLab } from '../src/serve/lab';
import { freePorts } from './helpers/ports';
import { type RealRedis, startRealRedis } from './helpers/real-redis';

const HOST = '127.0.0.1';

/** One request, then the replies expected on some connections: [connection, number of top-level frames, their bytes]. */
interface Step {
  on: string;
  argv: string[];
  expect: [string, number, string][];
}

/** Commands on one connection that switches to RESP3 and back (HELLO 2 at the end). */
const DATA: Step[] = [
  { on: "a", argv: ["FLUSHALL"], expect: [["a", 1, "+OK\r\n"]] },
  { on: "a", argv: ["HELLO", "3"], expect: [["a", 1, "%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n$2\r\nid\r\n:?\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n"]] },
  { on: "a", argv: ["PING"], expect: [["a", 1, "+PONG\r\n"]] },
  { on: "a", argv: ["PING", "hi"], expect: [["a", 1, "$2\r\nhi\r\n"]] },
  { on: "a", argv: ["SET", "k", "v"], expect: [["a", 1, "+OK\r\n"]] },
  { on: "a", argv: ["GET", "k"], expect: [["a", 1, "$1\r\nv\r\n"]] },
  { on: "a", argv: ["GET", "nokey"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["INCRBYFLOAT", "f", "1.5"], expect: [["a", 1, "$3\r\n1.5\r\n"]] },
  { on: "a", argv: ["EXISTS", "k"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["ZADD", "z", "1", "a", "2.5", "b", "3", "c"], expect: [["a", 1, ":3\r\n"]] },
  { on: "a", argv: ["ZRANGE", "z", "0", "-1"], expect: [["a", 1, "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n"]] },
  { on: "a", argv: ["ZRANGE", "z", "0", "-1", "WITHSCORES"], expect: [["a", 1, "*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2.5\r\n*2\r\n$1\r\nc\r\n,3\r\n"]] },
  { on: "a", argv: ["ZRANGEBYSCORE", "z", "-inf", "+inf", "WITHSCORES"], expect: [["a", 1, "*3\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2.5\r\n*2\r\n$1\r\nc\r\n,3\r\n"]] },
  { on: "a", argv: ["ZREVRANGE", "z", "0", "0", "WITHSCORES"], expect: [["a", 1, "*1\r\n*2\r\n$1\r\nc\r\n,3\r\n"]] },
  { on: "a", argv: ["ZRANGE", "z", "(1", "+inf", "BYSCORE", "LIMIT", "0", "1", "WITHSCORES"], expect: [["a", 1, "*1\r\n*2\r\n$1\r\nb\r\n,2.5\r\n"]] },
  { on: "a", argv: ["ZSCORE", "z", "b"], expect: [["a", 1, ",2.5\r\n"]] },
  { on: "a", argv: ["ZSCORE", "z", "nope"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["ZMSCORE", "z", "a", "nope"], expect: [["a", 1, "*2\r\n,1\r\n_\r\n"]] },
  { on: "a", argv: ["ZINCRBY", "z", "0.1", "a"], expect: [["a", 1, ",1.1000000000000001\r\n"]] },
  { on: "a", argv: ["ZADD", "z", "INCR", "1", "c"], expect: [["a", 1, ",4\r\n"]] },
  { on: "a", argv: ["ZADD", "z", "NX", "INCR", "1", "c"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["ZADD", "z", "1e300", "big"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["ZSCORE", "z", "big"], expect: [["a", 1, ",1.0000000000000001e+300\r\n"]] },
  { on: "a", argv: ["ZADD", "z", "inf", "i", "-inf", "j"], expect: [["a", 1, ":2\r\n"]] },
  { on: "a", argv: ["ZSCORE", "z", "i"], expect: [["a", 1, ",inf\r\n"]] },
  { on: "a", argv: ["ZSCORE", "z", "j"], expect: [["a", 1, ",-inf\r\n"]] },
  { on: "a", argv: ["ZADD", "z", "0.1", "p"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["ZSCORE", "z", "p"], expect: [["a", 1, ",0.10000000000000001\r\n"]] },
  { on: "a", argv: ["ZUNION", "2", "z", "z", "WITHSCORES"], expect: [["a", 1, "*7\r\n*2\r\n$1\r\nj\r\n,-inf\r\n*2\r\n$1\r\np\r\n,0.20000000000000001\r\n*2\r\n$1\r\na\r\n,2.2000000000000002\r\n*2\r\n$1\r\nb\r\n,5\r\n*2\r\n$1\r\nc\r\n,8\r\n*2\r\n$3\r\nbig\r\n,2.0000000000000001e+300\r\n*2\r\n$1\r\ni\r\n,inf\r\n"]] },
  { on: "a", argv: ["ZINTER", "1", "z", "WITHSCORES"], expect: [["a", 1, "*7\r\n*2\r\n$1\r\nj\r\n,-inf\r\n*2\r\n$1\r\np\r\n,0.10000000000000001\r\n*2\r\n$1\r\na\r\n,1.1000000000000001\r\n*2\r\n$1\r\nb\r\n,2.5\r\n*2\r\n$1\r\nc\r\n,4\r\n*2\r\n$3\r\nbig\r\n,1.0000000000000001e+300\r\n*2\r\n$1\r\ni\r\n,inf\r\n"]] },
  { on: "a", argv: ["ZDIFF", "1", "z", "WITHSCORES"], expect: [["a", 1, "*7\r\n*2\r\n$1\r\nj\r\n,-inf\r\n*2\r\n$1\r\np\r\n,0.10000000000000001\r\n*2\r\n$1\r\na\r\n,1.1000000000000001\r\n*2\r\n$1\r\nb\r\n,2.5\r\n*2\r\n$1\r\nc\r\n,4\r\n*2\r\n$3\r\nbig\r\n,1.0000000000000001e+300\r\n*2\r\n$1\r\ni\r\n,inf\r\n"]] },
  { on: "a", argv: ["ZDIFF", "1", "z"], expect: [["a", 1, "*7\r\n$1\r\nj\r\n$1\r\np\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$3\r\nbig\r\n$1\r\ni\r\n"]] },
  { on: "a", argv: ["ZPOPMIN", "z"], expect: [["a", 1, "*2\r\n$1\r\nj\r\n,-inf\r\n"]] },
  { on: "a", argv: ["ZPOPMAX", "z", "2"], expect: [["a", 1, "*2\r\n*2\r\n$1\r\ni\r\n,inf\r\n*2\r\n$3\r\nbig\r\n,1.0000000000000001e+300\r\n"]] },
  { on: "a", argv: ["ZPOPMIN", "z", "0"], expect: [["a", 1, "*0\r\n"]] },
  { on: "a", argv: ["ZPOPMIN", "nokey"], expect: [["a", 1, "*0\r\n"]] },
  { on: "a", argv: ["ZPOPMIN", "nokey", "3"], expect: [["a", 1, "*0\r\n"]] },
  { on: "a", argv: ["ZMPOP", "1", "z", "MIN", "COUNT", "2"], expect: [["a", 1, "*2\r\n$1\r\nz\r\n*2\r\n*2\r\n$1\r\np\r\n,0.10000000000000001\r\n*2\r\n$1\r\na\r\n,1.1000000000000001\r\n"]] },
  { on: "a", argv: ["ZMPOP", "1", "nokey", "MIN"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["BZPOPMIN", "z", "0"], expect: [["a", 1, "*3\r\n$1\r\nz\r\n$1\r\nb\r\n,2.5\r\n"]] },
  { on: "a", argv: ["BZPOPMAX", "nokey", "0.01"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["BZMPOP", "0", "1", "z", "MAX"], expect: [["a", 1, "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nc\r\n,4\r\n"]] },
  { on: "a", argv: ["BZMPOP", "0.01", "1", "nokey", "MAX"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["ZADD", "zr", "7", "only"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["ZRANDMEMBER", "zr"], expect: [["a", 1, "$4\r\nonly\r\n"]] },
  { on: "a", argv: ["ZRANDMEMBER", "zr", "1", "WITHSCORES"], expect: [["a", 1, "*1\r\n*2\r\n$4\r\nonly\r\n,7\r\n"]] },
  { on: "a", argv: ["ZRANDMEMBER", "zr", "-2", "WITHSCORES"], expect: [["a", 1, "*2\r\n*2\r\n$4\r\nonly\r\n,7\r\n*2\r\n$4\r\nonly\r\n,7\r\n"]] },
  { on: "a", argv: ["ZRANDMEMBER", "zr", "-2"], expect: [["a", 1, "*2\r\n$4\r\nonly\r\n$4\r\nonly\r\n"]] },
  { on: "a", argv: ["ZRANDMEMBER", "nokey", "2", "WITHSCORES"], expect: [["a", 1, "*0\r\n"]] },
  { on: "a", argv: ["HSET", "h", "f", "v", "g", "w"], expect: [["a", 1, ":2\r\n"]] },
  { on: "a", argv: ["HGETALL", "h"], expect: [["a", 1, "%2\r\n$1\r\nf\r\n$1\r\nv\r\n$1\r\ng\r\n$1\r\nw\r\n"]] },
  { on: "a", argv: ["HGETALL", "nokey"], expect: [["a", 1, "%0\r\n"]] },
  { on: "a", argv: ["HKEYS", "h"], expect: [["a", 1, "*2\r\n$1\r\nf\r\n$1\r\ng\r\n"]] },
  { on: "a", argv: ["HVALS", "nokey"], expect: [["a", 1, "*0\r\n"]] },
  { on: "a", argv: ["HSET", "h1", "f", "v"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["HRANDFIELD", "h1", "1", "WITHVALUES"], expect: [["a", 1, "*1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n"]] },
  { on: "a", argv: ["HRANDFIELD", "h1", "-2", "WITHVALUES"], expect: [["a", 1, "*2\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n"]] },
  { on: "a", argv: ["HRANDFIELD", "h1", "-2"], expect: [["a", 1, "*2\r\n$1\r\nf\r\n$1\r\nf\r\n"]] },
  { on: "a", argv: ["HRANDFIELD", "nokey", "2", "WITHVALUES"], expect: [["a", 1, "*0\r\n"]] },
  { on: "a", argv: ["HINCRBYFLOAT", "h", "n", "2.5"], expect: [["a", 1, "$3\r\n2.5\r\n"]] },
  { on: "a", argv: ["SADD", "s", "x"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["SMEMBERS", "s"], expect: [["a", 1, "~1\r\n$1\r\nx\r\n"]] },
  { on: "a", argv: ["SMEMBERS", "nokey"], expect: [["a", 1, "~0\r\n"]] },
  { on: "a", argv: ["SINTER", "s", "s"], expect: [["a", 1, "~1\r\n$1\r\nx\r\n"]] },
  { on: "a", argv: ["SINTER", "s", "nokey"], expect: [["a", 1, "~0\r\n"]] },
  { on: "a", argv: ["SUNION", "s", "nokey"], expect: [["a", 1, "~1\r\n$1\r\nx\r\n"]] },
  { on: "a", argv: ["SDIFF", "s", "nokey"], expect: [["a", 1, "~1\r\n$1\r\nx\r\n"]] },
  { on: "a", argv: ["SDIFF", "nokey", "s"], expect: [["a", 1, "~0\r\n"]] },
  { on: "a", argv: ["SRANDMEMBER", "s", "1"], expect: [["a", 1, "*1\r\n$1\r\nx\r\n"]] },
  { on: "a", argv: ["SPOP", "s", "0"], expect: [["a", 1, "~0\r\n"]] },
  { on: "a", argv: ["SPOP", "nokey", "1"], expect: [["a", 1, "~0\r\n"]] },
  { on: "a", argv: ["SISMEMBER", "s", "x"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["SMISMEMBER", "s", "x", "y"], expect: [["a", 1, "*2\r\n:1\r\n:0\r\n"]] },
  { on: "a", argv: ["SPOP", "s", "5"], expect: [["a", 1, "~1\r\n$1\r\nx\r\n"]] },
  { on: "a", argv: ["LPOP", "nokey"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["LPOP", "nokey", "2"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["LRANGE", "nokey", "0", "-1"], expect: [["a", 1, "*0\r\n"]] },
  { on: "a", argv: ["BLPOP", "nokey", "0.01"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["LPOS", "nokey", "x"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["CONFIG", "GET", "maxmemory"], expect: [["a", 1, "%1\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n"]] },
  { on: "a", argv: ["CONFIG", "GET", "nomatch*"], expect: [["a", 1, "%0\r\n"]] },
  { on: "a", argv: ["SET", "a1", "ohmytext"], expect: [["a", 1, "+OK\r\n"]] },
  { on: "a", argv: ["SET", "a2", "mynewtext"], expect: [["a", 1, "+OK\r\n"]] },
  { on: "a", argv: ["LCS", "a1", "a2", "IDX"], expect: [["a", 1, "%2\r\n$7\r\nmatches\r\n*2\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n$3\r\nlen\r\n:6\r\n"]] },
  { on: "a", argv: ["LCS", "a1", "a2", "IDX", "WITHMATCHLEN", "MINMATCHLEN", "4"], expect: [["a", 1, "%2\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n"]] },
  { on: "a", argv: ["LCS", "a1", "a2", "LEN"], expect: [["a", 1, ":6\r\n"]] },
  { on: "a", argv: ["MULTI"], expect: [["a", 1, "+OK\r\n"]] },
  { on: "a", argv: ["ZSCORE", "zr", "only"], expect: [["a", 1, "+QUEUED\r\n"]] },
  { on: "a", argv: ["HGETALL", "h1"], expect: [["a", 1, "+QUEUED\r\n"]] },
  { on: "a", argv: ["SMEMBERS", "nokey"], expect: [["a", 1, "+QUEUED\r\n"]] },
  { on: "a", argv: ["GET", "nokey"], expect: [["a", 1, "+QUEUED\r\n"]] },
  { on: "a", argv: ["EXEC"], expect: [["a", 1, "*4\r\n,7\r\n%1\r\n$1\r\nf\r\n$1\r\nv\r\n~0\r\n_\r\n"]] },
  { on: "a", argv: ["EVAL", "return redis.call('zscore', KEYS[1], 'only')", "1", "zr"], expect: [["a", 1, "$1\r\n7\r\n"]] },
  { on: "a", argv: ["EVAL", "return redis.call('hgetall', KEYS[1])", "1", "h1"], expect: [["a", 1, "*2\r\n$1\r\nf\r\n$1\r\nv\r\n"]] },
  { on: "a", argv: ["EVAL", "return false", "0"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["EVAL", "return nil", "0"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["INFO", "keyspace"], expect: [["a", 1, "=48\r\ntxt:# Keyspace\r\ndb0:keys=7,expires=0,avg_ttl=0\r\n\r\n"]] },
  { on: "a", argv: ["OBJECT", "ENCODING", "nokey"], expect: [["a", 1, "_\r\n"]] },
  { on: "a", argv: ["TYPE", "zr"], expect: [["a", 1, "+zset\r\n"]] },
  { on: "a", argv: ["HELLO", "2"], expect: [["a", 1, "*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:2\r\n$2\r\nid\r\n:?\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n"]] },
  { on: "a", argv: ["ZRANGE", "zr", "0", "-1", "WITHSCORES"], expect: [["a", 1, "*2\r\n$4\r\nonly\r\n$1\r\n7\r\n"]] },
  { on: "a", argv: ["HGETALL", "h1"], expect: [["a", 1, "*2\r\n$1\r\nf\r\n$1\r\nv\r\n"]] },
  { on: "a", argv: ["ZSCORE", "zr", "only"], expect: [["a", 1, "$1\r\n7\r\n"]] },
  { on: "a", argv: ["INFO", "keyspace"], expect: [["a", 1, "$44\r\n# Keyspace\r\ndb0:keys=7,expires=0,avg_ttl=0\r\n\r\n"]] },
  { on: "a", argv: ["GET", "nokey"], expect: [["a", 1, "$-1\r\n"]] },
];

/** Pub/Sub: a RESP3 subscriber (`sub`), a RESP2 one (`old`) and a publisher (`pub`). */
const PUBSUB: Step[] = [
  { on: "sub", argv: ["HELLO", "3"], expect: [["sub", 1, "%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n$2\r\nid\r\n:?\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n"]] },
  { on: "sub", argv: ["SUBSCRIBE", "ch1", "ch2"], expect: [["sub", 2, ">3\r\n$9\r\nsubscribe\r\n$3\r\nch1\r\n:1\r\n>3\r\n$9\r\nsubscribe\r\n$3\r\nch2\r\n:2\r\n"]] },
  { on: "sub", argv: ["PSUBSCRIBE", "ch*"], expect: [["sub", 1, ">3\r\n$10\r\npsubscribe\r\n$3\r\nch*\r\n:3\r\n"]] },
  { on: "pub", argv: ["PUBLISH", "ch1", "hello"], expect: [["pub", 1, ":2\r\n"], ["sub", 2, ">3\r\n$7\r\nmessage\r\n$3\r\nch1\r\n$5\r\nhello\r\n>4\r\n$8\r\npmessage\r\n$3\r\nch*\r\n$3\r\nch1\r\n$5\r\nhello\r\n"]] },
  { on: "sub", argv: ["PING"], expect: [["sub", 1, "+PONG\r\n"]] },
  { on: "sub", argv: ["PING", "x"], expect: [["sub", 1, "$1\r\nx\r\n"]] },
  { on: "sub", argv: ["GET", "k"], expect: [["sub", 1, "$1\r\nv\r\n"]] },
  { on: "pub", argv: ["PUBSUB", "NUMSUB", "ch1", "ch3"], expect: [["pub", 1, "*4\r\n$3\r\nch1\r\n:1\r\n$3\r\nch3\r\n:0\r\n"]] },
  { on: "pub", argv: ["PUBSUB", "NUMPAT"], expect: [["pub", 1, ":1\r\n"]] },
  { on: "sub", argv: ["UNSUBSCRIBE", "ch1"], expect: [["sub", 1, ">3\r\n$11\r\nunsubscribe\r\n$3\r\nch1\r\n:2\r\n"]] },
  { on: "sub", argv: ["PUNSUBSCRIBE"], expect: [["sub", 1, ">3\r\n$12\r\npunsubscribe\r\n$3\r\nch*\r\n:1\r\n"]] },
  { on: "sub", argv: ["UNSUBSCRIBE"], expect: [["sub", 1, ">3\r\n$11\r\nunsubscribe\r\n$3\r\nch2\r\n:0\r\n"]] },
  { on: "sub", argv: ["UNSUBSCRIBE"], expect: [["sub", 1, ">3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n"]] },
  { on: "sub", argv: ["PUNSUBSCRIBE", "nope"], expect: [["sub", 1, ">3\r\n$12\r\npunsubscribe\r\n$4\r\nnope\r\n:0\r\n"]] },
  { on: "old", argv: ["SUBSCRIBE", "ch1"], expect: [["old", 1, "*3\r\n$9\r\nsubscribe\r\n$3\r\nch1\r\n:1\r\n"]] },
  { on: "old", argv: ["PING"], expect: [["old", 1, "*2\r\n$4\r\npong\r\n$0\r\n\r\n"]] },
  { on: "old", argv: ["PING", "x"], expect: [["old", 1, "*2\r\n$4\r\npong\r\n$1\r\nx\r\n"]] },
  { on: "old", argv: ["GET", "k"], expect: [["old", 1, "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n"]] },
  { on: "old", argv: ["CONFIG", "GET", "maxmemory"], expect: [["old", 1, "-ERR Can't execute 'config|get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n"]] },
  { on: "old", argv: ["PSUBSCRIBE", "c?1"], expect: [["old", 1, "*3\r\n$10\r\npsubscribe\r\n$3\r\nc?1\r\n:2\r\n"]] },
  { on: "pub", argv: ["PUBLISH", "ch1", "again"], expect: [["pub", 1, ":2\r\n"], ["old", 2, "*3\r\n$7\r\nmessage\r\n$3\r\nch1\r\n$5\r\nagain\r\n*4\r\n$8\r\npmessage\r\n$3\r\nc?1\r\n$3\r\nch1\r\n$5\r\nagain\r\n"]] },
  { on: "old", argv: ["PUNSUBSCRIBE", "c?1"], expect: [["old", 1, "*3\r\n$12\r\npunsubscribe\r\n$3\r\nc?1\r\n:1\r\n"]] },
  { on: "old", argv: ["UNSUBSCRIBE"], expect: [["old", 1, "*3\r\n$11\r\nunsubscribe\r\n$3\r\nch1\r\n:0\r\n"]] },
  { on: "old", argv: ["PING"], expect: [["old", 1, "+PONG\r\n"]] },
  { on: "old", argv: ["SUBSCRIBE", "z"], expect: [["old", 1, "*3\r\n$9\r\nsubscribe\r\n$1\r\nz\r\n:1\r\n"]] },
  { on: "old", argv: ["RESET"], expect: [["old", 1, "+RESET\r\n"]] },
  { on: "old", argv: ["GET", "k"], expect: [["old", 1, "$1\r\nv\r\n"]] },
  { on: "sub", argv: ["HELLO", "3"], expect: [["sub", 1, "%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n$2\r\nid\r\n:?\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n"]] },
  { on: "sub", argv: ["CLIENT", "REPLY", "OFF"], expect: [["sub", 0, ""]] },
  { on: "sub", argv: ["SUBSCRIBE", "q"], expect: [["sub", 1, ">3\r\n$9\r\nsubscribe\r\n$1\r\nq\r\n:1\r\n"]] },
  { on: "sub", argv: ["GET", "k"], expect: [["sub", 0, ""]] },
  { on: "pub", argv: ["PUBLISH", "q", "quiet"], expect: [["pub", 1, ":1\r\n"], ["sub", 1, ">3\r\n$7\r\nmessage\r\n$1\r\nq\r\n$5\r\nquiet\r\n"]] },
  { on: "sub", argv: ["CLIENT", "REPLY", "ON"], expect: [["sub", 1, "+OK\r\n"]] },
  { on: "sub", argv: ["CLIENT", "REPLY", "SKIP"], expect: [["sub", 0, ""]] },
  { on: "sub", argv: ["PING", "skipped"], expect: [["sub", 0, ""]] },
  { on: "sub", argv: ["PING", "shown"], expect: [["sub", 1, "$5\r\nshown\r\n"]] },
];

/** Scripts: RESP3 tables returned by Lua, and redis.setresp(3) inside the script. */
const SCRIPTS: Step[] = [
  { on: "a", argv: ["FLUSHALL"], expect: [["a", 1, "+OK\r\n"]] },
  { on: "a", argv: ["ZADD", "z", "1.5", "a", "2", "b"], expect: [["a", 1, ":2\r\n"]] },
  { on: "a", argv: ["HSET", "h", "f", "v"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["SADD", "s", "x"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["HELLO", "3"], expect: [["a", 1, "%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n$2\r\nid\r\n:?\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n"]] },
  { on: "a", argv: ["EVAL", "return {double=3.14}", "0"], expect: [["a", 1, ",3.1400000000000001\r\n"]] },
  { on: "a", argv: ["EVAL", "return {big_number='123456789012345678901234567890'}", "0"], expect: [["a", 1, "(123456789012345678901234567890\r\n"]] },
  { on: "a", argv: ["EVAL", "return {verbatim_string={format='txt',string='hi'}}", "0"], expect: [["a", 1, "=6\r\ntxt:hi\r\n"]] },
  { on: "a", argv: ["EVAL", "return {map={a=1}}", "0"], expect: [["a", 1, "%1\r\n$1\r\na\r\n:1\r\n"]] },
  { on: "a", argv: ["EVAL", "return {set={a=true}}", "0"], expect: [["a", 1, "~1\r\n$1\r\na\r\n"]] },
  { on: "a", argv: ["EVAL", "return true", "0"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return true", "0"], expect: [["a", 1, "#t\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return false", "0"], expect: [["a", 1, "#f\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return redis.call('zrange','z','0','-1','withscores')", "0"], expect: [["a", 1, "*2\r\n*2\r\n$1\r\na\r\n,1.5\r\n*2\r\n$1\r\nb\r\n,2\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return tostring(redis.call('zscore','z','a').double)", "0"], expect: [["a", 1, "$3\r\n1.5\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return redis.call('hgetall','h')", "0"], expect: [["a", 1, "%1\r\n$1\r\nf\r\n$1\r\nv\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return redis.call('smembers','s')", "0"], expect: [["a", 1, "~1\r\n$1\r\nx\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return redis.call('get','nokey') == nil", "0"], expect: [["a", 1, "#t\r\n"]] },
  { on: "a", argv: ["EVAL", "return redis.call('get','nokey') == false", "0"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["HELLO", "2"], expect: [["a", 1, "*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:2\r\n$2\r\nid\r\n:?\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n"]] },
  { on: "a", argv: ["EVAL", "return {double=3.14}", "0"], expect: [["a", 1, "$18\r\n3.1400000000000001\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return redis.call('hgetall','h')", "0"], expect: [["a", 1, "*2\r\n$1\r\nf\r\n$1\r\nv\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return true", "0"], expect: [["a", 1, ":1\r\n"]] },
  { on: "a", argv: ["EVAL", "redis.setresp(3); return redis.call('zscore','z','a')", "0"], expect: [["a", 1, "$3\r\n1.5\r\n"]] },
];

/** Where one whole RESP2 / RESP3 frame starting at i ends, or -1 when more bytes are needed. */
function frameEnd(buf: Buffer, i: number): number {
  const nl = buf.indexOf('\r\n', i);
  if (nl < 0) return -1;
  const type = String.fromCharCode(buf[i]);
  const head = buf.toString('latin1', i + 1, nl);
  let pos = nl + 2;
  if ('+-:,#_('.includes(type)) return pos;
  if ('$=!'.includes(type)) {
    const n = Number(head);
    if (n < 0) return pos;
    return buf.length >= pos + n + 2 ? pos + n + 2 : -1;
  }
  if ('*~>%|'.includes(type)) {
    let n = Number(head);
    if (n < 0) return pos;
    if (type === '%' || type === '|') n *= 2;
    for (let k = 0; k < n; k++) {
      pos = frameEnd(buf, pos);
      if (pos < 0) return -1;
    }
    return pos;
  }
  throw new Error(`not a RESP frame: ${JSON.stringify(buf.toString('latin1', i, i + 20))}`);
}

class Conn {
  private buf = Buffer.alloc(0);
  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
    });
  }

  static open(port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host: HOST }, () => resolve(new Conn(s)));
      s.once('error', reject);
    });
  }

  send(argv: string[]): void {
    let out = `*${argv.length}\r\n`;
    for (const a of argv) out += `$${Buffer.byteLength(a)}\r\n${a}\r\n`;
    this.socket.write(out);
  }

  /** The next n whole frames, as latin1 text. */
  async take(n: number): Promise<string> {
    const until = Date.now() + 5000;
    for (;;) {
      let end = 0;
      let k = 0;
      for (; k < n; k++) {
        const e = frameEnd(this.buf, end);
        if (e < 0) break;
        end = e;
      }
      if (k === n) {
        const out = this.buf.toString('latin1', 0, end);
        this.buf = this.buf.subarray(end);
        return out;
      }
      if (Date.now() > until) throw new Error(`no ${n} whole replies; have ${JSON.stringify(this.buf.toString('latin1'))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Bytes that arrived and were not taken. */
  get leftover(): string {
    return this.buf.toString('latin1');
  }

  close(): void {
    this.socket.destroy();
  }
}

const maskId = (s: string): string => s.replace(/(\$2\r\nid\r\n:)\d+/, '$1?');

/** Plays the steps; returns per step the replies read, in the shape of Step.expect. */
async function play(port: number, steps: Step[]): Promise<[string, number, string][][]> {
  const conns = new Map<string, Conn>();
  const conn = async (name: string): Promise<Conn> => {
    let c = conns.get(name);
    if (!c) {
      c = await Conn.open(port);
      conns.set(name, c);
    }
    return c;
  };
  try {
    const out: [string, number, string][][] = [];
    for (const step of steps) {
      (await conn(step.on)).send(step.argv);
      const got: [string, number, string][] = [];
      for (const [who, n] of step.expect) got.push([who, n, maskId(await (await conn(who)).take(n))]);
      out.push(got);
    }
    // A reply that should not have come (CLIENT REPLY OFF) would be left over.
    await new Promise((r) => setTimeout(r, 50));
    for (const [name, c] of conns) expect(c.leftover, `bytes left on ${name}`).toBe('');
    return out;
  } finally {
    for (const c of conns.values()) c.close();
  }
}

describe('serve mode speaks RESP3 as Redis 7.0.15 does', () => {
  let lab: ServeLab;
  let real: RealRedis | null = null;

  beforeAll(async () => {
    const base = await freePorts(4, 7700, 7739);
    lab = await ServeLab.start({ basePort: base, adminPort: base + 3 });
    real = await startRealRedis(7740, 7749);
  }, 30_000);

  afterAll(async () => {
    await lab?.stop();
    real?.stop();
  });

  it('answers data commands with the RESP3 types, and RESP2 again after HELLO 2', async () => {
    expect(await play(lab.basePort, DATA)).toEqual(DATA.map((s) => s.expect));
  });

  it('delivers Pub/Sub messages and confirmations as pushes to a RESP3 client, as arrays to a RESP2 one', async () => {
    expect(await play(lab.basePort, PUBSUB)).toEqual(PUBSUB.map((s) => s.expect));
  });

  it('converts script replies both ways, with and without redis.setresp(3)', async () => {
    expect(await play(lab.basePort, SCRIPTS)).toEqual(SCRIPTS.map((s) => s.expect));
  });

  it('matches a real redis-server 7.0 byte for byte', async (ctx) => {
    if (!real) return ctx.skip();
    const realPort = real.port;
    expect(await play(realPort, DATA)).toEqual(DATA.map((s) => s.expect));
    expect(await play(realPort, PUBSUB)).toEqual(PUBSUB.map((s) => s.expect));
    expect(await play(realPort, SCRIPTS)).toEqual(SCRIPTS.map((s) => s.expect));
  });
});

describe('RESP3 replies inside the engine', () => {
  it('a RESP2 client of the engine sees the RESP2 form; a RESP3 one the typed reply', () => {
    const w = new World({ seed: 1 });
    w.addNode('m', []);
    const old = w.connect('m');
    const now = w.connect('m');
    const node = w.node('m');
    const c3 = node.clients[now];
    c3.resp = 3;
    w.command('m', old, ['ZADD', 'z', '1.5', 'a']);
    w.command('m', old, ['HSET', 'h', 'f', 'v']);
    // RESP2: `*2 $1 a $3 1.5` and `*2 $1 f $1 v`, as before RESP3 existed.
    expect(w.command('m', old, ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'])).toEqual({ t: 'array', a: [{ t: 'bulk', s: 'a' }, { t: 'bulk', s: '1.5' }] });
    expect(w.command('m', old, ['HGETALL', 'h'])).toEqual({ t: 'array', a: [{ t: 'bulk', s: 'f' }, { t: 'bulk', s: 'v' }] });
    // RESP3 (recorded): `*1 *2 $1 a ,1.5` and `%1 $1 f $1 v`.
    const zr = w.command('m', now, ['ZRANGE', 'z', '0', '-1', 'WITHSCORES']);
    expect(encodeReply(zr, 3)).toBe('*1\r\n*2\r\n$1\r\na\r\n,1.5\r\n');
    expect(encodeReply(w.command('m', now, ['HGETALL', 'h']), 3)).toBe('%1\r\n$1\r\nf\r\n$1\r\nv\r\n');
    expect(encodeReply(w.command('m', now, ['SMEMBERS', 'nokey']), 3)).toBe('~0\r\n');
    expect(encodeReply(w.command('m', now, ['ZSCORE', 'z', 'nope']), 3)).toBe('_\r\n');
    expect(encodeReply(w.command('m', now, ['INFO', 'keyspace']), 3)).toBe('=48\r\ntxt:# Keyspace\r\ndb0:keys=2,expires=0,avg_ttl=0\r\n\r\n');
  });

  it('toResp2 turns each RESP3 kind into what a RESP2 client receives', () => {
    const typed: Reply = {
      t: 'array',
      a: [
        { t: 'map', a: [{ t: 'bulk', s: 'k' }, { t: 'double', s: 'inf' }] },
        { t: 'set', a: [{ t: 'bulk', s: 'x' }] },
        { t: 'bool', b: true },
        { t: 'bool', b: false },
        { t: 'verbatim', s: 'text\r\n', fmt: 'txt' },
        { t: 'bignum', s: '1234567890123456789012345678901234567890' },
        { t: 'push', a: [{ t: 'bulk', s: 'message' }] },
        { t: 'nullbulk' },
        { t: 'nullarray' },
      ],
    };
    expect(encodeReply(toResp2(typed))).toBe(
      '*9\r\n*2\r\n$1\r\nk\r\n$3\r\ninf\r\n*1\r\n$1\r\nx\r\n:1\r\n:0\r\n$6\r\ntext\r\n\r\n$40\r\n1234567890123456789012345678901234567890\r\n*1\r\n$7\r\nmessage\r\n$-1\r\n*-1\r\n',
    );
    expect(encodeReply(typed)).toBe(encodeReply(toResp2(typed)));
    expect(encodeReply(typed, 3)).toBe(
      '*9\r\n%1\r\n$1\r\nk\r\n,inf\r\n~1\r\n$1\r\nx\r\n#t\r\n#f\r\n=10\r\ntxt:text\r\n\r\n(1234567890123456789012345678901234567890\r\n>1\r\n$7\r\nmessage\r\n_\r\n_\r\n',
    );
    // A reply without RESP3 kinds is the same object.
    const plain: Reply = { t: 'array', a: [{ t: 'bulk', s: 'a' }] };
    expect(toResp2(plain)).toBe(plain);
  });
});
