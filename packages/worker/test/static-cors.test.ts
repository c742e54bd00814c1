/**
 * Public static metadata is readable from any origin: a developer's page elsewhere fetches the
 * widgets' manifest as the loader fetches its chunks (packages/worker/static/_headers).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const asset = (path: string) => env.ASSETS.fetch(`https://assets.invalid${path}`, { headers: { origin: 'https://intranet.example' } });
const crossOrigin = (res: Response) => ({
  allowOrigin: res.headers.get('access-control-allow-origin'),
  resourcePolicy: res.headers.get('cross-origin-resource-policy'),
  cacheControl: res.headers.get('cache-control'),
});

describe('static metadata across origins', () => {
  it('serves /widgets.json with the CORS policy of /embed.js', async () => {
    const [manifest, loader] = await Promise.all([asset('/widgets.json'), asset('/embed.js')]);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toContain('application/json');
    expect(crossOrigin(loader)).toEqual({ allowOrigin: '*', resourcePolicy: 'cross-origin', cacheControl: 'public, max-age=300' });
    expect(crossOrigin(manifest)).toEqual(crossOrigin(loader));
    expect(Object.keys((await manifest.json()) as object)).toContain('bk-thread');
  });
});
