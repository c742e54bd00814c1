/**
 * Envelope encryption of tenants' embed secrets: AES-256-GCM under the Worker secret
 * BRIDGEKIT_SECRET_KEY, with the tenant id and key id as associated data so a ciphertext
 * copied to another tenant's row does not decrypt. Pure WebCrypto: runs in Workers and Node.
 */
import { fromBase64Url, toBase64Url } from '../lib/base64url.ts';

const VERSION = 'v1';

async function importKey(masterKey: string): Promise<CryptoKey> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64Url(masterKey);
  } catch {
    raw = new Uint8Array();
  }
  if (raw.length !== 32) {
    throw new Error('BRIDGEKIT_SECRET_KEY must be 32 random bytes, base64url-encoded (43 characters). See docs/configuration.md.');
  }
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const aad = (tenantId: string, kid: string) => new TextEncoder().encode(`${tenantId}\u0000${kid}`);

export async function encryptSecret(masterKey: string, tenantId: string, kid: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await importKey(masterKey);
  const data = new TextEncoder().encode(secret);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(tenantId, kid) }, key, data));
  return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(ct)}`;
}

export async function decryptSecret(masterKey: string, tenantId: string, kid: string, stored: string): Promise<Uint8Array> {
  const [version, iv, ct] = stored.split('.');
  if (version !== VERSION || !iv || !ct) throw new Error(`Embed key ${kid} is stored in an unknown format.`);
  const key = await importKey(masterKey);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: aad(tenantId, kid) },
    key,
    fromBase64Url(ct),
  );
  return new Uint8Array(plain);
}
