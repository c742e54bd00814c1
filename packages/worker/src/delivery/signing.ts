/**
 * Signing what Bridgekit sends (webhook deliveries, mail webhook calls): the header
 * `Bridgekit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, with a
 * second `v1` for the previous secret while a rotation overlaps. Receivers recompute the HMAC with
 * their secret, accept any matching `v1`, and refuse an old `t` (replays); docs/webhooks.md.
 */
import { toBase64Url } from '../lib/base64url.ts';
import { hmacSha256Hex } from '../lib/digest.ts';

export const SIGNATURE_HEADER = 'Bridgekit-Signature';

/** A new signing secret: `whsec_` and 32 random bytes, base64url. The whole string is the HMAC key. */
export function newSigningSecret(): string {
  return `whsec_${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/**
 * The signature header's value for `body` sent at `nowMs`, one `v1` per secret.
 *
 * @example
 * await signatureHeader('{"a":1}', ['whsec_x'], 1_700_000_000_000); // 't=1700000000,v1=…'
 */
export async function signatureHeader(body: string, secrets: readonly string[], nowMs = Date.now()): Promise<string> {
  const t = Math.floor(nowMs / 1000);
  const macs = await Promise.all(secrets.map((secret) => hmacSha256Hex(secret, `${t}.${body}`)));
  return [`t=${t}`, ...macs.map((mac) => `v1=${mac}`)].join(',');
}
