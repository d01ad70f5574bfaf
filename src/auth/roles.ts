export enum Role {
  OFFICER = 'OFFICER',
  ANALYST = 'ANALYST',
  AUDITOR = 'AUDITOR',
  ADMIN = 'ADMIN',
}

export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
