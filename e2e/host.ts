import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostResource {
  body: string | Buffer;
  type?: string;
  /** The Content-Security-Policy response header, for pages. */
  csp?: string;
}

export interface Host {
  /** `http://localhost:<port>`: another origin than the Worker's `http://127.0.0.1:<port>`. */
  origin: string;
  /** The same server under its other name, `http://127.0.0.1:<port>`: yet another origin. */
  ipOrigin: string;
  close(): void;
}

/** A host intranet on its own loopback server, serving fixed resources by path (others: 404). */
export async function serveHost(resources: Record<string, HostResource | (() => HostResource | undefined)>): Promise<Host> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const entry = resources[path];
    const resource = typeof entry === 'function' ? entry() : entry;
    if (!resource) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': resource.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (resource.csp) headers['content-security-policy'] = resource.csp;
    res.writeHead(200, headers).end(resource.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { origin: `http://localhost:${port}`, ipOrigin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function devToken(base: string, body: Record<string, string>): Promise<string> {
  const res = await fetch(`${base}/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A development token of the demo tenant for a new person (a different one on every call). */
export function mintDemoToken(base: string, name = 'Host Page User', bu = 'Finance'): Promise<string> {
  return devToken(base, { tenant: 'demo', sub: `e2e|${Date.now()}|${Math.random()}`, name, bu });
}

/** A development token for one of the seeded demo people, by key (`mei` is a moderator). */
export function demoUserToken(base: string, user: string): Promise<string> {
  return devToken(base, { tenant: 'demo', user });
}
