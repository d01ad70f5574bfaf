/** Samples a process's resident memory while a measurement runs, keeping the peak. */
export function sampleMemory(read: () => number | null, everyMs = 100): { stop(): number | null } {
  let peak: number | null = read();
  const timer = setInterval(() => {
    const now = read();
    if (now !== null && (peak === null || now > peak)) peak = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = read();
      return now !== null && (peak === null || now > peak) ? now : peak;
    },
  };
}
