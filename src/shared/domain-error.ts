/** Codes of expected business failures, reported to the caller as user errors (the public contract's `ErrorCode`). */
export enum ErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_IDENTIFIER = 'INVALID_IDENTIFIER',
  DUPLICATE_REFERENCE = 'DUPLICATE_REFERENCE',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
}

export interface Problem {
  code: ErrorCode;
  message: string;
  /** Path into the mutation's arguments, e.g. ["input", "items", "2", "hin"]. */
  field?: string[];
}

/**
 * An expected business failure with one or more problems. Services throw it; one helper in
 * the GraphQL layer turns it into a payload's `userErrors`. `result` optionally carries what
 * the payload should still show (an idempotent replay returns the existing record).
 */
export class DomainError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly result?: unknown,
  ) {
    super(problems.map((p) => p.message).join('; '));
  }

  static of(code: ErrorCode, message: string, field?: string[], result?: unknown): DomainError {
    return new DomainError([{ code, message, field }], result);
  }
}

/** Collects every problem of an input before refusing it, so an officer can fix them all at once. */
export class Problems {
  private readonly list: Problem[] = [];

  add(code: ErrorCode, message: string, field: string[]): void {
    this.list.push({ code, message, field });
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new DomainError(this.list);
  }
}
