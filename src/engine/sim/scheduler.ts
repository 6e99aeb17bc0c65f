// The event queue of the simulation: a binary min-heap ordered by virtual time,
// then by insertion sequence, so events at the same millisecond run in the
// order they were scheduled. Events are plain data (see SimEvent in
// world-state.ts) so the queue is cloned with the world.

export interface Scheduled<E> {
  atMs: number;
  seq: number;
  ev: E;
}

export interface HeapState<E> {
  items: Scheduled<E>[];
  nextSeq: number;
}

export function createHeap<E>(): HeapState<E> {
  return { items: [], nextSeq: 0 };
}

function less<E>(a: Scheduled<E>, b: Scheduled<E>): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

export function heapPush<E>(h: HeapState<E>, atMs: number, ev: E): void {
  const item: Scheduled<E> = { atMs, seq: h.nextSeq++, ev };
  const a = h.items;
  a.push(item);
  let i = a.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(a[i], a[p])) break;
    const tmp = a[i];
    a[i] = a[p];
    a[p] = tmp;
    i = p;
  }
}

export function heapPeek<E>(h: HeapState<E>): Scheduled<E> | undefined {
  return h.items[0];
}

export function heapPop<E>(h: HeapState<E>): Scheduled<E> | undefined {
  const a = h.items;
  if (a.length === 0) return undefined;
  const top = a[0];
  const last = a.pop()!;
  if (a.length > 0) {
    a[0] = last;
    let i = 0;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && less(a[l], a[m])) m = l;
      if (r < n && less(a[r], a[m])) m = r;
      if (m === i) break;
      const tmp = a[i];
      a[i] = a[m];
      a[m] = tmp;
      i = m;
    }
  }
  return top;
}
