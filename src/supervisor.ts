/**
 * The server runs in a child process watched by this one. A fault in the native engine (a segfault in
 * Kuzu's addon) cannot be caught inside the process it kills; here it is reported, with the signal, and
 * the server started again, so one bad request is never a silent outage. Stop signals are passed on,
 * and this process exits as the server did.
 */
import { fork, type ChildProcess } from 'node:child_process';

/** The variable that tells a process it is the server, not its supervisor. */
export const WORKER_ENV = 'HEALTH_GRAPH_SERVER_PROCESS';
/** Crashes within this window that make the supervisor give up (a server that cannot stay up). */
const CRASH_WINDOW_MS = 60_000;
const MAX_CRASHES = 5;
const RESTART_DELAY_MS = 500;

/** Runs `script` as the server, restarting it when it dies of a fault, until a stop signal. */
export function supervise(script: string): void {
  let child: ChildProcess | undefined;
  let stopping = false;
  /** Whether the server has been ready once: a failure before that (configuration, port in use) would fail again. */
  let served = false;
  const crashes: number[] = [];
  const start = () => {
    child = fork(script, process.argv.slice(2), { env: { ...process.env, [WORKER_ENV]: '1' }, execArgv: process.execArgv, stdio: 'inherit' });
    child.on('message', (message) => {
      if (message === 'ready') served = true;
    });
    child.on('exit', (code, signal) => {
      if (stopping || (code === 0 && !signal)) return process.exit(code ?? 0);
      if (!served && !signal) return process.exit(code ?? 1);
      const now = Date.now();
      crashes.push(now);
      while (crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      console.error(`the server process ${child?.pid} ended ${signal ? `by ${signal}` : `with exit code ${code}`}, unexpectedly`);
      if (crashes.length >= MAX_CRASHES) {
        console.error(`${crashes.length} crashes within a minute: giving up`);
        return process.exit(1);
      }
      console.error(`starting the server again in ${RESTART_DELAY_MS} ms`);
      setTimeout(start, RESTART_DELAY_MS);
    });
  };
  const pass = (signal: NodeJS.Signals) => {
    stopping = true;
    // The server may have the signal already (sent to the process group): it tells a relay from a second one.
    child?.kill(signal);
  };
  process.on('SIGINT', pass);
  process.on('SIGTERM', pass);
  start();
}
