import { Supervisor } from './supervisor';

const node = (script: string) => ({ command: process.execPath, args: ['-e', script], env: { ...process.env } });
const until = async (check: () => Promise<boolean> | boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('Supervisor (real child processes)', () => {
  it('restarts an app that exits unexpectedly with doubling backoff, counts it, and leaves the others running', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ log: (l) => lines.push(l), backoffMs: 20, maxBackoffMs: 60, stopTimeoutMs: 2000 });
    supervisor.start({ key: 'steady#0', app: 'steady', ...node('setInterval(() => undefined, 1000)') });
    supervisor.start({ key: 'crashy#0', app: 'crashy', ...node('process.exit(3)') });
    const steadyPid = supervisor.pid('steady#0');
    const port = await supervisor.serveMetrics(0);
    try {
      await until(async () => (await supervisor.restartCount('crashy')) >= 3, 'three restarts');
      expect(supervisor.pid('steady#0')).toBe(steadyPid);
      expect(await supervisor.restartCount('steady')).toBe(0);
      const restartLines = lines.filter((l) => l.startsWith('crashy#0 exited unexpectedly (code 3'));
      expect(restartLines.slice(0, 3).map((l) => /restarting in (\d+) ms/.exec(l)?.[1])).toEqual(['20', '40', '60']);
      const scrape = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
      expect(scrape).toMatch(/tongban_app_restarts_total\{app="crashy"\} [3-9]/);
      expect(scrape).toContain('tongban_app_restarts_total{app="steady"} 0');
    } finally {
      await supervisor.stop(['steady', 'crashy']);
    }
  });

  it('stops everything on request, in order, and restarts nothing afterwards', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ log: (l) => lines.push(l), backoffMs: 20, stopTimeoutMs: 2000 });
    supervisor.start({ key: 'a#0', app: 'a', ...node('setInterval(() => undefined, 1000)') });
    supervisor.start({
      key: 'b#0',
      app: 'b',
      ...node('process.on("SIGTERM", () => setTimeout(() => process.exit(0), 50)); setInterval(() => undefined, 1000)'),
    });
    const pids = [supervisor.pid('a#0'), supervisor.pid('b#0')];
    await supervisor.stop(['a', 'b']);
    for (const pid of pids) expect(() => process.kill(pid!, 0)).toThrow();
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.filter((l) => l.includes('restart'))).toEqual([]);
  });
});
