import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The built docs site: `docs/.vitepress/dist/`, or `BK_DOCS_DIST` when a build went elsewhere
 * (`vitepress build --outDir …`, so that parallel builds do not overwrite each other).
 */
export const docsDist = process.env.BK_DOCS_DIST
  ? `${process.env.BK_DOCS_DIST.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../docs/.vitepress/dist/', import.meta.url));

export interface DocsServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): void;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * Serves a built VitePress site as a static host does with clean URLs: `/configurator` is
 * `configurator.html`, `/demos/` is `demos/index.html`, anything else is `404.html` with a 404.
 * On a free loopback port, or on `at.port` (4173 is an origin the development Worker lists in
 * BRIDGEKIT_CONSOLE_ORIGINS).
 */
export async function serveDocs(dist: string, at?: { port: number }): Promise<DocsServer> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://docs').pathname));
    const candidates = path.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`, join(path, 'index.html')];
    for (const candidate of candidates) {
      const file = join(dist, candidate);
      if (!file.startsWith(dist) || !(await isFile(file))) continue;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    createReadStream(join(dist, '404.html')).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at?.port ?? 0, '127.0.0.1', resolve);
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
