// The commands a console can complete and hint, with their arguments as
// redis-cli 7.0 prints them in its inline hints (from its help table, e.g.
// `SET key value [NX|XX] [GET] [EX seconds|...]`). Static data on purpose:
// importing the engine's command table here would pull the whole engine into
// the page's main bundle. tests/ui-panels-commands.test.ts keeps this list
// equal to the engine's tables (src/engine/commands/index.ts and Sentinel's).

export interface CommandDoc {
  /** Lower-case name, as in Redis' command table. */
  name: string;
  /** The arguments, as redis-cli's hint shows them after the name ('' when none). */
  params: string;
  /** Subcommands of a container command (CONFIG GET, CLIENT KILL...). */
  subcommands?: readonly CommandDoc[];
}

const sub = (list: [string, string][]): CommandDoc[] => list.map(([name, params]) => ({ name, params }));

/** CLIENT is the same container in both modes. */
const CLIENT: CommandDoc = { name: 'client', params: '', subcommands: sub([['kill', 'ip:port|[ID client-id]|[TYPE NORMAL|MASTER|SLAVE|REPLICA|PUBSUB]|[USER username]|[ADDR ip:port]|[LADDR ip:port]|[SKIPME yes/no] [[ID client-id]|[TYPE NORMAL|MASTER|SLAVE|REPLICA|PUBSUB]|[USER username]|[ADDR ip:port]|[LADDR ip:port]|[SKIPME yes/no] ...]'], ['id', ''], ['setname', 'connection-name'], ['getname', ''], ['help', '']]) };

/** A Redis 7.0 node (redis-server). */
export const REDIS_COMMANDS: readonly CommandDoc[] = [
  { name: 'ping', params: '[message]' },
  { name: 'auth', params: '[username] password' },
  { name: 'echo', params: 'message' },
  { name: 'select', params: 'index' },
  { name: 'multi', params: '' },
  { name: 'exec', params: '' },
  { name: 'discard', params: '' },
  { name: 'watch', params: 'key [key ...]' },
  { name: 'unwatch', params: '' },
  { name: 'info', params: '[section [section ...]]' },
  { name: 'config', params: '', subcommands: sub([['get', 'parameter [parameter ...]'], ['set', 'parameter value [parameter value ...]'], ['resetstat', ''], ['rewrite', ''], ['help', '']]) },
  CLIENT,
  { name: 'save', params: '' },
  { name: 'bgsave', params: '[SCHEDULE]' },
  { name: 'lastsave', params: '' },
  { name: 'debug', params: '' },
  { name: 'time', params: '' },
  { name: 'swapdb', params: 'index1 index2' },
  { name: 'replicaof', params: 'host port|NO ONE' },
  { name: 'slaveof', params: 'host port|NO ONE' },
  { name: 'role', params: '' },
  { name: 'wait', params: 'numreplicas timeout' },
  { name: 'failover', params: '[TO host port [FORCE]] [ABORT] [TIMEOUT milliseconds]' },
  { name: 'replconf', params: '' },
  { name: 'psync', params: 'replicationid offset' },
  { name: 'sync', params: '' },
  { name: 'set', params: 'key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]' },
  { name: 'setnx', params: 'key value' },
  { name: 'setex', params: 'key seconds value' },
  { name: 'psetex', params: 'key milliseconds value' },
  { name: 'get', params: 'key' },
  { name: 'getex', params: 'key [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|PERSIST]' },
  { name: 'getdel', params: 'key' },
  { name: 'getset', params: 'key value' },
  { name: 'setrange', params: 'key offset value' },
  { name: 'getrange', params: 'key start end' },
  { name: 'substr', params: 'key start end' },
  { name: 'mget', params: 'key [key ...]' },
  { name: 'mset', params: 'key value [key value ...]' },
  { name: 'msetnx', params: 'key value [key value ...]' },
  { name: 'incr', params: 'key' },
  { name: 'decr', params: 'key' },
  { name: 'incrby', params: 'key increment' },
  { name: 'decrby', params: 'key decrement' },
  { name: 'incrbyfloat', params: 'key increment' },
  { name: 'append', params: 'key value' },
  { name: 'strlen', params: 'key' },
  { name: 'del', params: 'key [key ...]' },
  { name: 'unlink', params: 'key [key ...]' },
  { name: 'exists', params: 'key [key ...]' },
  { name: 'type', params: 'key' },
  { name: 'keys', params: 'pattern' },
  { name: 'dbsize', params: '' },
  { name: 'flushdb', params: '[ASYNC|SYNC]' },
  { name: 'flushall', params: '[ASYNC|SYNC]' },
  { name: 'rename', params: 'key newkey' },
  { name: 'renamenx', params: 'key newkey' },
  { name: 'randomkey', params: '' },
  { name: 'touch', params: 'key [key ...]' },
  { name: 'expire', params: 'key seconds [NX|XX|GT|LT]' },
  { name: 'pexpire', params: 'key milliseconds [NX|XX|GT|LT]' },
  { name: 'expireat', params: 'key unix-time-seconds [NX|XX|GT|LT]' },
  { name: 'pexpireat', params: 'key unix-time-milliseconds [NX|XX|GT|LT]' },
  { name: 'ttl', params: 'key' },
  { name: 'pttl', params: 'key' },
  { name: 'expiretime', params: 'key' },
  { name: 'pexpiretime', params: 'key' },
  { name: 'persist', params: 'key' },
  { name: 'lpush', params: 'key element [element ...]' },
  { name: 'rpush', params: 'key element [element ...]' },
  { name: 'lpushx', params: 'key element [element ...]' },
  { name: 'rpushx', params: 'key element [element ...]' },
  { name: 'lpop', params: 'key [count]' },
  { name: 'rpop', params: 'key [count]' },
  { name: 'lrange', params: 'key start stop' },
  { name: 'llen', params: 'key' },
  { name: 'lindex', params: 'key index' },
  { name: 'lset', params: 'key index element' },
  { name: 'lrem', params: 'key count element' },
  { name: 'ltrim', params: 'key start stop' },
  { name: 'hset', params: 'key field value [field value ...]' },
  { name: 'hmset', params: 'key field value [field value ...]' },
  { name: 'hsetnx', params: 'key field value' },
  { name: 'hget', params: 'key field' },
  { name: 'hmget', params: 'key field [field ...]' },
  { name: 'hgetall', params: 'key' },
  { name: 'hkeys', params: 'key' },
  { name: 'hvals', params: 'key' },
  { name: 'hdel', params: 'key field [field ...]' },
  { name: 'hlen', params: 'key' },
  { name: 'hexists', params: 'key field' },
  { name: 'hstrlen', params: 'key field' },
  { name: 'hincrby', params: 'key field increment' },
  { name: 'hincrbyfloat', params: 'key field increment' },
  { name: 'sadd', params: 'key member [member ...]' },
  { name: 'srem', params: 'key member [member ...]' },
  { name: 'smembers', params: 'key' },
  { name: 'sismember', params: 'key member' },
  { name: 'smismember', params: 'key member [member ...]' },
  { name: 'scard', params: 'key' },
  { name: 'spop', params: 'key [count]' },
  { name: 'srandmember', params: 'key [count]' },
  { name: 'move', params: 'key db' },
  { name: 'copy', params: 'source destination [DB destination-db] [REPLACE]' },
  { name: 'object', params: '', subcommands: sub([['encoding', 'key'], ['refcount', 'key'], ['idletime', 'key'], ['freq', 'key'], ['help', '']]) },
  { name: 'publish', params: 'channel message' },
  { name: 'subscribe', params: 'channel [channel ...]' },
  { name: 'unsubscribe', params: '[channel [channel ...]]' },
];

/** A Redis Sentinel process (redis-server --sentinel) answers only these. */
export const SENTINEL_COMMANDS: readonly CommandDoc[] = [
  { name: 'ping', params: '[message]' },
  { name: 'info', params: '[section [section ...]]' },
  { name: 'role', params: '' },
  { name: 'sentinel', params: '', subcommands: sub([['ckquorum', 'master-name'], ['config', 'GET name|SET name value'], ['debug', '[parameter value ...]'], ['failover', 'master-name'], ['flushconfig', ''], ['get-master-addr-by-name', 'master-name'], ['help', ''], ['info-cache', 'master-name [master-name ...]'], ['is-master-down-by-addr', 'ip port current-epoch runid'], ['master', 'master-name'], ['masters', ''], ['monitor', 'name ip port quorum'], ['myid', ''], ['pending-scripts', ''], ['remove', 'master-name'], ['replicas', 'master-name'], ['reset', 'pattern'], ['sentinels', 'master-name'], ['set', 'master-name option value [option value ...]'], ['simulate-failure', '[CRASH-AFTER-ELECTION] [CRASH-AFTER-PROMOTION] [HELP]'], ['slaves', 'master-name']]) },
  { name: 'publish', params: 'channel message' },
  CLIENT,
  { name: 'subscribe', params: 'channel [channel ...]' },
  { name: 'unsubscribe', params: '[channel [channel ...]]' },
];
