import type { ChildProcess } from 'node:child_process';

/** The port a child server reports over IPC (`{ type: 'ready', port }`) once it listens; `what` names it if it exits first. */
export function readyPortOf(child: ChildProcess, what: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    child.once('message', (message: { type: string; port: number }) => (message.type === 'ready' ? resolve(message.port) : reject(new Error('unexpected message'))));
    child.once('exit', (code) => reject(new Error(`${what} exited with code ${code} before it was ready (see its log)`)));
  });
}

/** Stops a child server: SIGTERM, then SIGKILL if it has not exited within 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
