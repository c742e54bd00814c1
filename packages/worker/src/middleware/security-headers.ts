/**
 * Security headers on every answer: the set hono's `secureHeaders` sends with our options
 * (test/security-headers.test.ts holds them to it), as constants of the isolate.
 * middleware/answer-headers.ts puts them on each answer.
 */

export type HeaderList = readonly (readonly [string, string])[];

/** On the API's answers. */
const API_HEADERS: HeaderList = [
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * On the iframe pages (`/embed/*`): framed by the tenant's origins (their CSP says which,
 * X-Frame-Options cannot), and the sign-in window must keep its opener to hand the token back.
 */
const FRAME_HEADERS: HeaderList = API_HEADERS.filter(([name]) => name !== 'X-Frame-Options' && name !== 'Cross-Origin-Opener-Policy');

/** The security headers of an answer on `path`. */
export const securityHeadersOf = (path: string): HeaderList => (path.startsWith('/embed/') ? FRAME_HEADERS : API_HEADERS);

/** Present on every answer that has the set. */
export const SECURITY_MARK = 'X-Content-Type-Options';
