/**
 * One signed POST to a receiver outside (a webhook, a tenant's mail webhook), with a time limit,
 * no redirects followed (a signed body goes where it was addressed or nowhere), and the outcome
 * as the delivery log records it.
 */
import { newId } from '../lib/ids.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signing.ts';

/** A receiver that has not answered by then has failed (it is tried again later). */
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface PostOutcome {
  ok: boolean;
  /** The receiver's status, or null when no answer came. */
  statusCode: number | null;
  /** Why it failed, for the delivery log and `disabledReason`; null when it succeeded. */
  error: string | null;
}

export interface SignedPost {
  url: string;
  body: string;
  secrets: readonly string[];
  /** `Bridgekit-Event`: the event type, `ping` or `mail`. */
  event: string;
  /** `Bridgekit-Delivery`: names this attempt (receivers log it). */
  delivery?: string;
  now?: number;
}

export async function signedPost({ url, body, secrets, event, delivery = newId(), now = Date.now() }: SignedPost): Promise<PostOutcome> {
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Bridgekit-Webhooks/1',
    [SIGNATURE_HEADER]: await signatureHeader(body, secrets, now),
    'Bridgekit-Event': event,
    'Bridgekit-Delivery': delivery,
  };
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    // The answer's body is not read: it is not ours to keep.
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status, error: null };
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return {
      ok: false,
      statusCode: null,
      error: timedOut
        ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`
        : `could not connect: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
