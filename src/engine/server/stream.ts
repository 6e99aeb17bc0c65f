// The value of a stream key (t_stream.c): entries by ID, consumer groups with
// their pending entries lists, and the counters XINFO reports.

export interface StreamId {
  ms: bigint;
  seq: bigint;
}

export interface StreamValue {
  /** Entries in ID order: field/value pairs. */
  entries: { id: StreamId; fields: string[] }[];
  lastId: StreamId;
}

export function cloneStream(s: StreamValue): StreamValue {
  return { entries: s.entries.map((e) => ({ id: e.id, fields: e.fields.slice() })), lastId: s.lastId };
}
