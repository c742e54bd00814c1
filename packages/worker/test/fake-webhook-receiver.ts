/**
 * A webhook receiver as a customer would run one, on the Node side of Miniflare's outbound
 * service: it checks `Bridgekit-Signature` with its secrets (any matching `v1`), refuses a
 * timestamp outside five minutes and a signature it has seen before (a replay), and answers 500
 * on demand. The tests set it up and read what it received through control URLs, as the fake
 * identity provider's stats (test-only; a real receiver has no such thing).
 *
 *   POST {RECEIVER}/hooks/<name>    a delivery (any JSON: an event, a Teams or Slack message, an e-mail)
 *   PUT  {RECEIVER}/control/<name>  { secrets: string[], fail?: number }  — answer 500 to the next `fail` deliveries
 *   GET  {RECEIVER}/control/<name>  what it received: [{ status, verified, problem, headers, body }]
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const RECEIVER = 'https://hooks.receiver.test';
/** Signatures older or newer than this are refused (the docs' recommended tolerance). */
export const TOLERANCE_SECONDS = 300;

export interface Received {
  status: number;
  verified: boolean;
  problem: string | null;
  headers: Record<string, string>;
  body: unknown;
}

interface Receiver {
  secrets: string[];
  fail: number;
  seen: Set<string>;
  received: Received[];
}

/** The check a receiver makes (docs/webhooks.md shows the same in a Node snippet). */
export function verifySignature(header: string | null, body: string, secrets: readonly string[], nowSeconds: number): string | null {
  if (!header) return 'no signature';
  const parts = header.split(',').map((p) => p.split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '');
  if (!Number.isInteger(t) || signatures.length === 0) return 'malformed signature';
  if (Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) return 'timestamp outside the tolerance';
  const matches = secrets.some((secret) => {
    const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
    return signatures.some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), expected));
  });
  return matches ? null : 'no signature matches';
}

export function createFakeWebhookReceiver() {
  const receivers = new Map<string, Receiver>();
  const receiver = (name: string) => {
    const known = receivers.get(name);
    if (known) return known;
    const r: Receiver = { secrets: [], fail: 0, seen: new Set(), received: [] };
    receivers.set(name, r);
    return r;
  };

  /** Answers a request to the receiver's host, or null for any other. */
  return async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (url.origin !== RECEIVER) return null;
    const [, area, name] = url.pathname.split('/');
    if (!name) return new Response('Not found', { status: 404 });
    const r = receiver(name);
    if (area === 'control' && request.method === 'PUT') {
      const setup = (await request.json()) as { secrets: string[]; fail?: number };
      r.secrets = setup.secrets;
      r.fail = setup.fail ?? 0;
      return Response.json({ ok: true });
    }
    if (area === 'control') return Response.json(r.received);
    if (area !== 'hooks' || request.method !== 'POST') return new Response('Not found', { status: 404 });

    const body = await request.text();
    const header = request.headers.get('bridgekit-signature');
    let problem = verifySignature(header, body, r.secrets, Math.floor(Date.now() / 1000));
    if (!problem && header && r.seen.has(header)) problem = 'replayed';
    let status = problem === 'replayed' ? 409 : problem ? 401 : 200;
    if (!problem && r.fail > 0) {
      // Failed to process it: a retry of the same signed body is welcome.
      r.fail--;
      status = 500;
    } else if (!problem && header) {
      r.seen.add(header);
    }
    let parsed: unknown = body;
    try {
      parsed = JSON.parse(body);
    } catch {}
    r.received.push({ status, verified: problem === null, problem, headers: Object.fromEntries(request.headers), body: parsed });
    return new Response(status === 200 ? 'ok' : (problem ?? 'Internal Server Error'), { status });
  };
}
