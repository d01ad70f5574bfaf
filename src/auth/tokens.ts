import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { TokenClaims } from './caller';
import { isRole, Role } from './roles';

export interface TokenSettings {
  secret: string;
  issuer?: string;
  audience?: string;
}

/** A token that cannot be trusted: the request gets HTTP 401 and nothing runs. */
export class AuthenticationError extends Error {}

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
  const { sub, agency, roles } = payload;
  if (typeof sub !== 'string' || sub.trim() === '') throw new AuthenticationError('the token has no subject (sub)');
  if (typeof agency !== 'string' || agency.trim() === '') throw new AuthenticationError('the token names no agency');
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    throw new AuthenticationError(`the token's roles must be a list of ${Object.values(Role).join(', ')}`);
  }
  return { subject: sub, agencyCode: agency.trim().toUpperCase(), roles: [...new Set(roles)] };
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
