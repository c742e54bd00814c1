/**
 * The iframe route's errors as a small page for a person: a browser that navigates to
 * `/embed/…` (an Embed web part with a typo in its address, say) gets the error's status, a
 * heading, what to do and the API's message, instead of raw JSON. API clients keep the JSON
 * error shape: the page is written from that very answer (errors.ts `toErrorResponse`).
 */
import type { ErrorBody } from '@bridgekit/sdk';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { deFrameError } from './error-page-de.ts';
import { enFrameError, type FrameErrorKey } from './error-page-en.ts';

/** How much an `Accept` header wants `type`: the q of its most specific matching range, 0 if none. */
function quality(accept: string, type: string): number {
  const [wantType, wantSub] = type.split('/');
  let best = 0;
  let specificity = -1;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const [rangeType, rangeSub] = range.split('/');
    const level =
      rangeType === wantType && rangeSub === wantSub ? 2 : rangeType === wantType && rangeSub === '*' ? 1 : range === '*/*' ? 0 : -1;
    if (level <= specificity) continue;
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    specificity = level;
    best = Number.isFinite(q) ? q : 0;
  }
  return best;
}

/**
 * Whether a request is a person's browser opening a page: `Accept` preferring HTML to JSON, or,
 * when it prefers neither, a navigation (`Sec-Fetch-Mode: navigate`).
 *
 * @example
 * wantsPage(new Request(url, { headers: { accept: 'text/html,*\/*;q=0.8' } })); // true
 */
export function wantsPage(request: Request): boolean {
  const accept = request.headers.get('accept');
  if (accept) {
    const page = quality(accept, 'text/html');
    const json = quality(accept, 'application/json');
    if (page !== json) return page > json;
  }
  return request.headers.get('sec-fetch-mode') === 'navigate';
}

/** The sign-in window's title until its script sets the translated one: no product name, as on the error page. */
export function signInTitle(locale: string): string {
  return (/^de(?:[-_]|$)/i.test(locale) ? deFrameError : enFrameError)['frameError.signInTitle'];
}

/** What the reader can do about it, by the error's reason and status. */
function adviceKey(error: ErrorBody['error'], status: number): FrameErrorKey {
  if (error.reason === 'not_found.tenant') return 'frameError.tenant';
  if (status === 429) return 'frameError.busy';
  if (status >= 500) return 'frameError.server';
  if (status === 400 || status === 404) return 'frameError.address';
  return 'frameError.other';
}

/**
 * The page for the JSON error `answer`, with its status and headers. The language is the
 * `locale` the address asked for (German for `de…`, else English); every value is escaped.
 *
 * @example
 * return wantsPage(c.req.raw) ? errorPage(c, toErrorResponse(err, c)) : toErrorResponse(err, c);
 */
export async function errorPage(c: Context, answer: Response): Promise<Response> {
  const { error } = (await answer.json()) as ErrorBody;
  const locale = c.req.query('locale') ?? '';
  const german = /^de(?:[-_]|$)/i.test(locale);
  const t = (key: FrameErrorKey, params: Record<string, string> = {}) =>
    (german ? deFrameError : enFrameError)[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  const theme = c.req.query('theme');
  const headers = new Headers(answer.headers);
  headers.delete('content-length');
  headers.set('content-type', 'text/html; charset=utf-8');
  headers.set('content-language', german ? 'de' : 'en');
  headers.set('cache-control', 'no-store');
  // Nothing to click and no tenant's data: any page may frame it, so whoever placed a mistaken
  // address in an Embed web part sees what is wrong right there.
  headers.set('content-security-policy', "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *");
  const page = html`<!doctype html>
<html lang="${german ? 'de' : 'en'}"${theme === 'light' || theme === 'dark' ? html` data-theme="${theme}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('frameError.heading')}</title>
<link rel="stylesheet" href="/frame/frame.css">
</head>
<body class="bk-error-page">
<main>
<h1>${t('frameError.heading')}</h1>
<p>${t(adviceKey(error, answer.status))}</p>
<h2>${t('frameError.details')}</h2>
<p lang="en">${error.message}</p>
<p>${t('frameError.reference', { requestId: error.requestId })}</p>
</main>
</body>
</html>`;
  return new Response((await page).toString(), { status: answer.status as ContentfulStatusCode, headers });
}
