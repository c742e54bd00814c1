/**
 * The tenant's item pages: admins set where the intranet shows ideas, cards, searches and people
 * (checked patterns), and every caller — anonymous readers too — gets them from `GET /me`.
 */
import { env } from 'cloudflare:workers';
import type { NewApiKey, TenantSettings, Viewer } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, token } from './helpers.ts';

const PAGES = {
  idea: 'https://contoso.sharepoint.com/sites/brm/SitePages/Ideas.aspx#bk-idea={id}',
  card: 'https://contoso.sharepoint.com/sites/brm/SitePages/Practice.aspx?card={id}',
  search: 'http://localhost:5173/search?q={id}',
  person: 'https://contoso.sharepoint.com/sites/brm/SitePages/People.aspx#bk-person={id}',
};

const setPages = (itemPages: unknown, t?: string) =>
  t
    ? call(`${DEMO}/settings`, { method: 'PATCH', token: t, body: JSON.stringify({ itemPages }) })
    : admin(`${DEMO}/settings`, 'PATCH', { itemPages });
const me = async (t?: string) => json<Viewer>(await call(`${DEMO}/me`, t ? { token: t } : {}));

describe('item pages', () => {
  it('are empty until an admin sets them, then reach every caller through GET /me', async () => {
    expect((await me()).pages).toEqual({});
    const res = await setPages(PAGES);
    expect(res.status).toBe(200);
    expect((await json<TenantSettings>(res)).itemPages).toEqual(PAGES);
    expect((await json<TenantSettings>(await admin(`${DEMO}/settings`))).itemPages).toEqual(PAGES);

    const key = await json<NewApiKey>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Pages reader', scopes: ['read'] }));
    for (const viewer of [await me(), await me(await token({ sub: 'pages-reader' })), await me(key.key)]) {
      expect(viewer.pages).toEqual(PAGES);
    }
  });

  it('are replaced as a whole, kept by a change that leaves them out, and cleared by {}', async () => {
    expect((await setPages(PAGES)).status).toBe(200);
    expect((await setPages({ idea: PAGES.idea })).status).toBe(200);
    expect((await me()).pages).toEqual({ idea: PAGES.idea });
    expect((await admin(`${DEMO}/settings`, 'PATCH', { name: 'Contoso (demo)' })).status).toBe(200);
    expect((await me()).pages).toEqual({ idea: PAGES.idea });
    expect((await setPages({})).status).toBe(200);
    expect((await me()).pages).toEqual({});
    const row = await env.DB.prepare("select item_pages as pages from tenants where slug = 'demo'").first();
    expect(row).toEqual({ pages: null });
  });

  it('refuse a pattern that is not an absolute https URL (http for localhost), or lacks {id} once, saying which and why', async () => {
    expect((await setPages(PAGES)).status).toBe(200);
    const cases: [unknown, string, string][] = [
      [{ idea: 'http://intranet.contoso.example/ideas#bk-idea={id}' }, 'body.itemPages.idea', 'field.page_url'],
      [{ card: '/sites/brm/Practice.aspx?card={id}' }, 'body.itemPages.card', 'field.page_url'],
      [{ card: 'javascript:alert({id})' }, 'body.itemPages.card', 'field.page_url'],
      [{ idea: 'https://intranet example/{id}' }, 'body.itemPages.idea', 'field.page_url'],
      [{ search: 'https://intranet.contoso.example/search' }, 'body.itemPages.search', 'field.page_placeholder'],
      [{ idea: 'https://intranet.contoso.example/{id}/{id}' }, 'body.itemPages.idea', 'field.page_placeholder'],
      [{ person: 'data:text/html,{id}' }, 'body.itemPages.person', 'field.page_url'],
      [{ person: 'https://intranet.contoso.example/people' }, 'body.itemPages.person', 'field.page_placeholder'],
      [{ idea: `https://intranet.contoso.example/${'x'.repeat(480)}?id={id}` }, 'body.itemPages.idea', 'field.too_long'],
      [{ thread: 'https://intranet.contoso.example/{id}' }, 'body.itemPages', 'field.unknown_keys'],
    ];
    for (const [itemPages, path, reason] of cases) {
      const res = await setPages(itemPages);
      expect(res.status, JSON.stringify(itemPages)).toBe(400);
      const error = await errorOf(res);
      expect(error.details, JSON.stringify(itemPages)).toEqual([expect.objectContaining({ path, reason })]);
    }
    const placeholder = await errorOf(await setPages({ search: 'https://intranet.contoso.example/search' }));
    expect(placeholder.details?.[0]).toMatchObject({
      params: { placeholder: '{id}' },
      message: "Must contain {id} exactly once: the item's id goes there.",
    });
    // Nothing of a refused change is stored.
    expect((await me()).pages).toEqual(PAGES);
    for (const ok of ['http://localhost:8787/ideas#bk-idea={id}', 'http://127.0.0.1/i/{id}', 'HTTPS://Intranet.example/{id}']) {
      expect((await setPages({ idea: ok })).status, ok).toBe(200);
    }
  });

  it('are set by admins only', async () => {
    const res = await setPages(PAGES, await token({ sub: 'pages-member' }));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).reason).toBe('forbidden.role');
  });
});
