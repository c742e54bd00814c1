/**
 * A minimal intranet with Bridgekit on two pages, served on http://localhost:3000: `/` with
 * the script tag (its server knows who is signed in — here one fixed person — and writes a
 * fresh embed token into the tag on every page view), and `/frames.html` with the iframe
 * route. `pnpm dev` also serves it on http://127.0.0.1:8788. To run it alone: `pnpm dev`
 * first, then `pnpm --filter @bridgekit/example-plain-html start`.
 *
 * Environment: BRIDGEKIT_URL (http://localhost:8787), BRIDGEKIT_TENANT (demo),
 * BRIDGEKIT_EMBED_SECRET and BRIDGEKIT_KID (the demo tenant's, from packages/worker/.dev.vars),
 * PORT (3000).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { parseEnv } from 'node:util';
import { type ExampleOptions, framesPage, type Page, SITE_CSS, scriptTagPage } from './pages.ts';

export type { ExampleOptions };

const PAGES: Record<string, (options: ExampleOptions) => Page> = {
  '/': scriptTagPage,
  '/index.html': scriptTagPage,
  '/frames.html': framesPage,
};

export function createExampleServer(options: ExampleOptions): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path === '/site.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(SITE_CSS);
      return;
    }
    const page = PAGES[path];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found. Try / or /frames.html.');
      return;
    }
    const { html, csp } = page(options);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' });
    res.end(html);
  });
}

/** Settings from the environment, falling back to the local development Worker's. */
export function exampleOptionsFromEnvironment(): ExampleOptions {
  const devVars = new URL('../../packages/worker/.dev.vars', import.meta.url);
  const local = (() => {
    try {
      return parseEnv(readFileSync(devVars, 'utf8'));
    } catch {
      return {};
    }
  })();
  const secret = process.env.BRIDGEKIT_EMBED_SECRET ?? local.DEMO_EMBED_SECRET;
  if (!secret) throw new Error('Set BRIDGEKIT_EMBED_SECRET, or run `pnpm dev` once so packages/worker/.dev.vars exists.');
  return {
    bridgekitUrl: process.env.BRIDGEKIT_URL ?? 'http://localhost:8787',
    tenant: process.env.BRIDGEKIT_TENANT ?? 'demo',
    secret,
    kid: process.env.BRIDGEKIT_KID ?? 'dev-1',
    person: { sub: 'fabrikam|rosa', name: 'Rosa Jiménez', email: 'rosa@fabrikam.example', bu: 'Marketing' },
  };
}

if (import.meta.main) {
  let options: ExampleOptions;
  try {
    options = exampleOptionsFromEnvironment();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 3000);
  createExampleServer(options).listen(port, '127.0.0.1', () => console.log(`Example intranet on http://localhost:${port}/`));
}
