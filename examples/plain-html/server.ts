/**
 * A minimal intranet page with a Bridgekit idea board, served on http://localhost:3000.
 * Its server knows who is signed in (here: one fixed person) and writes a fresh embed token
 * into the script tag on every page view. Run `pnpm dev` first, then `pnpm --filter
 * @bridgekit/example-plain-html start`.
 *
 * Environment: BRIDGEKIT_URL (http://localhost:8787), BRIDGEKIT_TENANT (demo),
 * BRIDGEKIT_EMBED_SECRET and BRIDGEKIT_KID (the demo tenant's, from packages/worker/.dev.vars),
 * PORT (3000).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { parseEnv } from 'node:util';
import { type Person, signEmbedToken } from './embed-token.ts';

export interface ExampleOptions {
  bridgekitUrl: string;
  tenant: string;
  secret: string;
  kid: string;
  person: Person;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function renderPage(options: ExampleOptions): { html: string; csp: string } {
  const token = signEmbedToken(options.person, options.secret, { kid: options.kid });
  const origin = new URL(options.bridgekitUrl).origin;
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Fabrikam intranet · Ideas for IT</title>
    <script src="${escapeAttribute(origin)}/embed.js" data-tenant="${escapeAttribute(options.tenant)}" data-token="${escapeAttribute(token)}" async></script>
  </head>
  <body>
    <h1>Ideas for IT</h1>
    <p>Signed in as ${escapeAttribute(options.person.name)}.</p>
    <bk-idea-board board="general"></bk-idea-board>
  </body>
</html>`;
  // What the page allows: its own resources, plus Bridgekit's scripts and API. Nothing inline.
  const csp = `default-src 'self'; script-src ${origin}; connect-src ${origin}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'`;
  return { html, csp };
}

export function createExampleServer(options: ExampleOptions): Server {
  return createServer((req, res) => {
    if (req.url !== '/' && req.url !== '/index.html') {
      res.writeHead(404).end();
      return;
    }
    const { html, csp } = renderPage(options);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' });
    res.end(html);
  });
}

if (import.meta.main) {
  const devVars = new URL('../../packages/worker/.dev.vars', import.meta.url);
  const local = (() => {
    try {
      return parseEnv(readFileSync(devVars, 'utf8'));
    } catch {
      return {};
    }
  })();
  const secret = process.env.BRIDGEKIT_EMBED_SECRET ?? local.DEMO_EMBED_SECRET;
  if (!secret) {
    console.error('Set BRIDGEKIT_EMBED_SECRET, or run `pnpm dev` once so packages/worker/.dev.vars exists.');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 3000);
  createExampleServer({
    bridgekitUrl: process.env.BRIDGEKIT_URL ?? 'http://localhost:8787',
    tenant: process.env.BRIDGEKIT_TENANT ?? 'demo',
    secret,
    kid: process.env.BRIDGEKIT_KID ?? 'dev-1',
    person: { sub: 'fabrikam|rosa', name: 'Rosa Jiménez', email: 'rosa@fabrikam.example', bu: 'Marketing' },
  }).listen(port, '127.0.0.1', () => console.log(`Example intranet page on http://localhost:${port}/`));
}
