/** Hex digests: SHA-256 of a text or bytes, HMAC-SHA256 of a message under a secret. */

const encode = (data: string | ArrayBuffer | Uint8Array<ArrayBuffer>) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

/** Bytes as lowercase hex. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The SHA-256 of `data` (a text as UTF-8), as hex.
 *
 * @example
 * await sha256Hex('abc'); // 'ba7816bf…15ad'
 */
export async function sha256Hex(data: string | ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encode(data)));
}

/**
 * The HMAC-SHA256 of `message` under `secret` (both as UTF-8), as hex.
 *
 * @example
 * await hmacSha256Hex('whsec_x', '1700000000.{"a":1}');
 */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', key, encode(message)));
}
