/** The comparison key of an identifier, or why the value cannot be what its scheme says. */
export type KeyResult = { ok: true; key: string } | { ok: false; message: string };

export const ok = (key: string): KeyResult => ({ ok: true, key });
export const refuse = (message: string): KeyResult => ({ ok: false, message });
