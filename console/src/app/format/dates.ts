// Dates are shown in the user's own time zone, with the offset, so a time read aloud on the phone
// to another country is never ambiguous.
const DISPLAY = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'longOffset',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DISPLAY.format(date);
}

// Chromium's ICU still answers some zones by names the IANA database has replaced.
const CURRENT_ZONE_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv', 'Atlantic/Faeroe': 'Atlantic/Faroe', 'America/Godthab': 'America/Nuuk',
};

/** The browser's time zone, by its current IANA name (Asia/Kolkata, not Asia/Calcutta). */
export function localTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return CURRENT_ZONE_NAMES[zone] ?? zone;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The value of a `datetime-local` input for a moment, in the browser's zone. */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value read in the browser's zone, as ISO 8601 with that zone's offset (what the API takes). */
export function localInputToIso(value: string): string | null {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${toLocalInputValue(date)}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The offset of the browser's zone at a moment, e.g. "UTC+01:00". */
export function offsetLabel(date: Date): string {
  const iso = localInputToIso(toLocalInputValue(date));
  return iso ? `UTC${iso.slice(-6)}` : 'UTC';
}
