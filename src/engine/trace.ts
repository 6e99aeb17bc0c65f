// Typed events the UI animates. Each carries the virtual time it happened at;
// a message carries both its send and its deliver time, so the view can place
// it on its link for any playback time.

export type MsgKind =
  | 'handshake' // PING, REPLCONF listening-port/capa, PSYNC and their replies (+PONG, +OK, +FULLRESYNC, +CONTINUE)
  | 'rdb' // a chunk of the RDB payload of a full sync
  | 'stream' // a propagated command in the replication stream
  | 'ping' // the keep-alive PING inside the stream
  | 'ack' // REPLCONF ACK <offset> from a replica
  | 'getack' // REPLCONF GETACK * inside the stream
  | 'newline' // the "\n" keep-alive a master sends while a full sync is prepared
  | 'reply'; // any other reply

export type TraceEvent =
  | {
      t: 'msg';
      id: number;
      from: string;
      to: string;
      conn: number;
      kind: MsgKind;
      /** What the message says, for a label: `SET k v`, `+FULLRESYNC <id> 0`, `RDB 16384/40000`. */
      text: string;
      bytes: number;
      sentMs: number;
      deliverMs: number;
      /** For stream messages: the replication offset of its last byte. */
      offset?: number;
    }
  | { t: 'msg-dropped'; id: number; atMs: number; reason: 'conn-closed' }
  | { t: 'conn-open'; conn: number; from: string; to: string; atMs: number }
  | { t: 'conn-close'; conn: number; from: string; to: string; atMs: number; reason: string }
  | { t: 'link-state'; node: string; state: string; atMs: number }
  | { t: 'role'; node: string; role: 'master' | 'slave'; masterName: string | null; atMs: number }
  | { t: 'node-up'; node: string; atMs: number }
  | { t: 'node-down'; node: string; atMs: number }
  | { t: 'command'; node: string; client: number; argv: string[]; atMs: number }
  | { t: 'reply'; node: string; client: number; text: string; atMs: number; error: boolean }
  | { t: 'rejected'; node: string; client: number; argv: string[]; error: string; atMs: number }
  | { t: 'sync'; node: string; kind: 'full' | 'partial'; replica: string; atMs: number }
  | { t: 'persist'; node: string; what: 'rdb-saved' | 'rdb-loaded' | 'aof-loaded' | 'empty-start'; keys: number; atMs: number }
  | { t: 'replid'; node: string; replid: string; replid2: string; atMs: number }
  /** A Sentinel event (sentinelEvent): `event` is its type (`+sdown`, `+switch-master`...), `text` what Redis logs after it. */
  | { t: 'sentinel'; node: string; event: string; text: string; atMs: number };
