// What to undo at the end, newest first, whether the run succeeded, failed or was interrupted.

type Step = { name: string; undo: () => Promise<void> };

export class Cleanup {
  private readonly steps: Step[] = [];
  private running: Promise<void> | undefined;

  add(name: string, undo: () => Promise<void>): void {
    this.steps.push({ name, undo });
  }

  /** Undoes every step once, newest first; a failing step is reported and the rest still run. */
  run(report: (line: string) => void): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop()!;
        try {
          await step.undo();
        } catch (error) {
          report(`cleanup: could not ${step.name}: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }

  /** On SIGINT/SIGTERM/SIGHUP: clean up, then exit 130 (a second signal exits at once). */
  exitOnSignals(report: (line: string) => void): void {
    let interrupted = false;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        if (interrupted) process.exit(130);
        interrupted = true;
        report(`${signal}: stopping the server and removing the scratch database...`);
        void this.run(report).finally(() => process.exit(130));
      });
    }
  }
}
