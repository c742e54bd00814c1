/**
 * The demo intranet page (`/demo/`), served from static assets in development only, under
 * the strict Content-Security-Policy SharePoint Online enforces, so the demo proves the
 * widgets need no inline script or style. Mounted by the development Worker only
 * (src/dev/index.ts): the production bundle does not contain this module.
 */
import { Hono } from 'hono';
import { DEMO_CSP } from '../dev/demo-csp.ts';
import { type AppEnv, isDevelopment } from '../env.ts';
import { routeNotFound } from '../errors.ts';

/** The origin the demo pages are written for; each page is served with the one it was opened on. */
const WRITTEN_ORIGIN = 'http://localhost:8787';

export const demoRoutes = new Hono<AppEnv>().get('/*', async (c) => {
  if (!isDevelopment(c.env)) throw routeNotFound(c.req.method, c.req.path);
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  const page = asset.headers.get('content-type')?.startsWith('text/html')
    ? withRealOrigins(asset, new URL(c.req.url).origin, c.env.BRIDGEKIT_EXAMPLES_ORIGIN)
    : asset;
  const res = new Response(page.body, page);
  res.headers.set('content-security-policy', DEMO_CSP);
  return res;
});

/**
 * The page's "how this page embeds" code shows the origin it was opened on (`pnpm dev --port`
 * changes it), and its link to the example intranet goes where `pnpm dev` serves it — or goes
 * away when it serves none.
 */
function withRealOrigins(page: Response, origin: string, examplesOrigin: string | undefined): Response {
  let text = '';
  return new HTMLRewriter()
    .on('[data-bk-origin-text]', {
      text(chunk) {
        text += chunk.text;
        chunk.remove();
        if (chunk.lastInTextNode) {
          chunk.replace(text.replaceAll(WRITTEN_ORIGIN, escapeHtml(origin)), { html: true });
          text = '';
        }
      },
    })
    .on('a[data-bk-examples-link]', {
      element(link) {
        if (examplesOrigin) link.setAttribute('href', `${examplesOrigin}/`);
        else link.remove();
      },
    })
    .transform(page);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
