import { formatDateTime } from '../format/dates';

/** A moment shown in the user's zone with its offset; the exact ISO value on hover and for machines. */
export function DateTime({ value }: { value: string | null | undefined }) {
  if (!value) return <span>—</span>;
  return <time dateTime={value} title={value}>{formatDateTime(value)}</time>;
}
