/**
 * Constant-time equality of two strings (their UTF-8 bytes), for secrets. Strings of different
 * lengths differ: they are told apart at once (the length is no secret), which spares encoding
 * every embed token compared with the admin token (bench/profile.ts).
 */
export function secretsEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  if (x.length !== y.length) return false;
  return crypto.subtle.timingSafeEqual(x, y);
}
