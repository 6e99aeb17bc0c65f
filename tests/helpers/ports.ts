// Free TCP ports for tests that start servers on 127.0.0.1 (serve mode,
// redis-server). Each test file owns a port range so files running in
// parallel never race for the same port.

import net from 'node:net';

const HOST = '127.0.0.1';

/** Whether nothing listens on the port (checked by listening on it briefly). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ port, host: HOST, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

/** The first of `count` consecutive free ports in from..last (both included). */
export async function freePorts(count: number, from: number, last: number): Promise<number> {
  for (let base = from; base + count - 1 <= last; base++) {
    let ok = true;
    for (let p = base; p < base + count && ok; p++) ok = await portFree(p);
    if (ok) return base;
  }
  throw new Error(`no ${count} consecutive free ports in ${from}-${last}`);
}
