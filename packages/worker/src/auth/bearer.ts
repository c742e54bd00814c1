import { ApiError } from '../errors.ts';

/** The token of an `Authorization: Bearer <token>` header; null without the header. */
export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw new ApiError(401, 'invalid_token.authorization_header', {});
  return match[1];
}
