import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns `numeric` as a string to keep precision; our numerics are small measures. */
export const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
