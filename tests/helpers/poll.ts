// Polling instead of fixed sleeps: tests that wait for a served lab (a
// replica catching up, a Sentinel failover) ask again until the condition
// holds, so a slow, shared CI machine only makes them take longer.

/** Resolves once check() answers true; throws after timeoutMs (naming `what`). */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} not reached in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
