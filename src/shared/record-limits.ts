/** At most this many items in one seizure, and listed on one movement. */
export const MAX_ITEMS = 1000;

/** How far past the server's clock a recorded time may lie (the clocks of devices in the field drift). */
const MAX_FUTURE_MS = 5 * 60 * 1000;

/** Whether a time of something recorded lies further ahead than clock drift explains. */
export function isInTheFuture(time: Date, now: Date): boolean {
  return time.getTime() > now.getTime() + MAX_FUTURE_MS;
}
