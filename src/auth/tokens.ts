import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { TokenClaims } from './caller';
import { isRole, Role } from './roles';

export interface TokenSettings {
  secret: string;
  issuer?: string;
  audience?: string;
}

/** The token of an `Authorization: Bearer <token>` value (a header, or a WebSocket's connectionParams), or null. */
export function bearerTokenOf(authorization: unknown): string | null {
  const match = typeof authorization === 'string' ? /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match ? match[1] : null;
}

/** A token that cannot be trusted: the request gets HTTP 401 and nothing runs. */
export class AuthenticationError extends Error {
  constructor(
    message: string,
    /** Who the audit event names: nobody is known, or the token's claims could not be taken as a name. */
    readonly actor: 'unauthenticated' | '(invalid)' = 'unauthenticated',
  ) {
    super(message);
  }
}

/** Bounds of the claims, as the public contract states them. */
const MAX_SUBJECT = 256;
const MAX_AGENCY = 64;
const MAX_ROLES = 10;
const CONTROL_CHARACTER = /\p{Cc}/u;

/** A claim that is text within its bound and holds no control character (NUL among them, which PostgreSQL cannot store). */
function checkedText(value: unknown, claim: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new AuthenticationError(`the token has no ${claim}`);
  if (value.length > max) throw new AuthenticationError(`the token's ${claim} is over ${max} characters`, '(invalid)');
  if (CONTROL_CHARACTER.test(value)) throw new AuthenticationError(`the token's ${claim} holds a control character`, '(invalid)');
  return value;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Verifies an HS256 bearer token (signature, `exp`, and `iss`/`aud` when configured) and reads its claims. */
export async function verifyToken(token: string, settings: TokenSettings): Promise<TokenClaims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(settings.secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
      issuer: settings.issuer,
      audience: settings.audience,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('the token has expired');
    if (error instanceof joseErrors.JOSEError) throw new AuthenticationError(`the token is not valid: ${error.code}`);
    throw error;
  }
  const subject = checkedText(payload.sub, 'subject (sub)', MAX_SUBJECT);
  const agency = checkedText(payload.agency, 'agency', MAX_AGENCY);
  const { roles } = payload;
  if (Array.isArray(roles) && roles.length > MAX_ROLES) throw new AuthenticationError(`the token lists over ${MAX_ROLES} roles`, '(invalid)');
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    throw new AuthenticationError(`the token's roles must be a list of ${Object.values(Role).join(', ')}`, '(invalid)');
  }
  return { subject, agencyCode: agency.trim().toUpperCase(), roles: [...new Set(roles)] };
}

export interface TokenRequest {
  subject: string;
  agencyCode: string;
  roles: Role[];
  /** Lifetime in seconds. */
  expiresIn: number;
}

export async function signToken(request: TokenRequest, settings: TokenSettings): Promise<string> {
  let jwt = new SignJWT({ agency: request.agencyCode, roles: request.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + request.expiresIn);
  if (settings.issuer) jwt = jwt.setIssuer(settings.issuer);
  if (settings.audience) jwt = jwt.setAudience(settings.audience);
  return jwt.sign(keyOf(settings.secret));
}
