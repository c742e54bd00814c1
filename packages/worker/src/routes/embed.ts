/**
 * The iframe route, for hosts that allow nothing but an iframe (SharePoint's Embed web part,
 * Confluence Cloud, locked-down portals):
 *
 *   GET /embed/<widget>?tenant=<slug>&board=general&theme=dark&locale=de
 *
 * A minimal page hosting one widget. It may be framed only by the tenant's allowed origins
 * (`frame-ancestors`), reports its height to the framing page (`/frame/frame.js`), and signs
 * people in through `/embed/sign-in`, a first-party popup — no third-party cookies anywhere.
 * A person's browser gets an error as a small page (lib/error-page.ts); API clients get JSON.
 */
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { z } from 'zod';
import { discoverSignInEndpoints } from '../auth/oidc-endpoints.ts';
import { database } from '../db/client.ts';
import { type AppEnv, isDevelopment } from '../env.ts';
import { ApiError, fieldIssue, invalidFields, notFound, routeNotFound, toErrorResponse, validationError } from '../errors.ts';
import { isConsoleOrigin } from '../lib/console-origins.ts';
import { errorPage, signInTitle, wantsPage } from '../lib/error-page.ts';
import { type EffectiveOrigins, effectiveOriginPatterns, isAllowedOrigin } from '../lib/origins.ts';
import { SIGN_IN_LABEL_MAX } from '../schemas/admin.ts';
import {
  FRAME_WIDGETS,
  FramePageQuery,
  type FrameWidget,
  MAX_ATTRIBUTE_LENGTH,
  SignInEndpointsQuery,
  SignInPageQuery,
} from '../schemas/embed.ts';
import { isCleanText } from '../schemas/text.ts';
import { findTenantBySlug, type OidcProvider, type Tenant } from '../store/tenants.ts';

const COMMON_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * `frame-ancestors` from the tenant's allowed origins (the patterns are valid CSP host sources),
 * leaving out a too-broad wildcard stored before such wildcards were refused.
 */
export function frameAncestors(sources: EffectiveOrigins): string {
  return sources.length > 0 ? sources.join(' ') : "'none'";
}

async function tenantOr404(c: { env: AppEnv['Bindings'] }, slug: string): Promise<Tenant> {
  const tenant = await findTenantBySlug(database(c.env.DB), slug);
  if (!tenant) throw notFound('not_found.tenant', { id: slug });
  return tenant;
}

/** The framing page's origin, if the tenant allows it: from the explicit `parent`, else the referrer. */
function parentOrigin(allowed: EffectiveOrigins, explicit: string | undefined, referrer: string | undefined): string | null {
  const candidate = explicit ?? referrer;
  const origin = candidate ? URL.parse(candidate)?.origin : undefined;
  return origin && origin !== 'null' && isAllowedOrigin(origin, allowed) ? origin : null;
}

function widgetAttributes(name: string, widget: FrameWidget, query: Record<string, string>): string {
  const parts: string[] = [];
  for (const [attribute, kind] of Object.entries(widget.attributes)) {
    const value = query[attribute];
    if (value === undefined) continue;
    if (value.length > MAX_ATTRIBUTE_LENGTH) {
      throw new ApiError(
        400,
        'validation_failed.attribute_too_long',
        { attribute, max: MAX_ATTRIBUTE_LENGTH },
        { details: [fieldIssue(`query.${attribute}`, 'field.too_long', { count: MAX_ATTRIBUTE_LENGTH })] },
      );
    }
    if (kind === 'flag') {
      if (value === '' || value === 'true') parts.push(attribute);
    } else {
      parts.push(`${attribute}="${escapeAttribute(value)}"`);
    }
  }
  for (const need of widget.required) {
    const options = typeof need === 'string' ? [need] : need;
    if (!options.some((o) => query[o] !== undefined && query[o] !== '')) {
      const which = options.map((o) => `"${o}"`).join(' or ');
      const option = options[0] ?? '';
      throw new ApiError(
        400,
        'validation_failed.widget_needs',
        { widget: name, options: which, option },
        { details: [fieldIssue(`query.${option}`, 'field.required')] },
      );
    }
  }
  return parts.join(' ');
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A JSON data block is never executed; `<` is escaped so the text cannot close the element. */
const jsonBlock = (value: unknown) => raw(JSON.stringify(value).replaceAll('<', '\\u003c'));

function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error, 'query');
  return parsed.data;
}

/**
 * Where the sign-in window may post the token besides Bridgekit's own pages: an origin spelled
 * exactly as one of the tenant's allowed origins (a wildcard pattern does not do) or of the
 * admin console's. The window only posts a message to it — it never navigates there.
 */
function signInOpener(c: { req: { url: string }; env: AppEnv['Bindings'] }, tenant: Tenant, opener: string | undefined): string | null {
  if (opener === undefined) return null;
  const own = new URL(c.req.url).origin;
  const exact = URL.parse(opener)?.origin === opener && opener !== 'null';
  if (exact && (opener === own || tenant.origins.includes(opener) || isConsoleOrigin(opener, c.env))) return opener;
  throw invalidFields([fieldIssue('query.opener', 'field.opener_not_allowed', { tenant: tenant.slug })]);
}

/**
 * The label the sign-in window shows ("Sign in with …"): the admin's, if it is one plain line of
 * bounded length — labels are checked when saved; this covers those saved before — else the id.
 */
const signInLabel = (provider: OidcProvider) => {
  const label = provider.signIn?.label ?? '';
  return label.trim() !== '' && label.length <= SIGN_IN_LABEL_MAX && isCleanText(label, 'line') ? label : provider.id;
};

export const embedRoutes = new Hono<AppEnv>()
  .get('/sign-in', async (c) => {
    const query = parseQuery(SignInPageQuery, c.req.query());
    const tenant = await tenantOr404(c, query.tenant);
    const opener = signInOpener(c, tenant, query.opener);
    const providers = tenant.oidcProviders.flatMap((p) =>
      p.signIn ? [{ id: p.id, label: signInLabel(p), issuer: p.issuer, clientId: p.signIn.clientId, scope: p.signIn.scope }] : [],
    );
    // Only the development Worker sets demo people (src/dev/index.ts); production has none to offer.
    const demoUsers = c.get('demoPeople') ?? [];
    // The window asks this Worker for a provider's endpoints (checked, below), never the issuer.
    c.header('content-security-policy', [...COMMON_POLICY, "connect-src 'self'", "frame-ancestors 'none'"].join('; '));
    c.header('cache-control', 'no-store');
    return c.html(signInPage(query.locale ?? 'en', { tenant: tenant.slug, providers, demoUsers, opener }));
  })
  .get('/sign-in/endpoints', async (c) => {
    // The issuer's discovery document is fetched here, not in the window, so that its endpoints
    // pass Bridgekit's rules (auth/oidc-endpoints.ts) before the window may go to them.
    const query = parseQuery(SignInEndpointsQuery, c.req.query());
    const tenant = await tenantOr404(c, query.tenant);
    const provider = tenant.oidcProviders.find((p) => p.id === query.provider && p.signIn);
    if (!provider) throw notFound('not_found.sign_in_client', { id: query.provider, tenant: tenant.slug });
    c.header('cache-control', 'no-store');
    return c.json(await discoverSignInEndpoints(provider, isDevelopment(c.env)));
  })
  .get('/sign-in/callback', (c) => {
    // Any tenant's identity provider answers here, so its token endpoint is not known up front.
    const connect = isDevelopment(c.env) ? "connect-src 'self' https: http://localhost:* http://127.0.0.1:*" : "connect-src 'self' https:";
    c.header('content-security-policy', [...COMMON_POLICY, connect, "frame-ancestors 'none'"].join('; '));
    c.header('cache-control', 'no-store');
    return c.html(signInPage('en', null));
  })
  .get('/:widget', async (c) => {
    const name = c.req.param('widget');
    const widget = FRAME_WIDGETS[name];
    if (!widget) {
      throw notFound('not_found.widget', { id: name, widgets: Object.keys(FRAME_WIDGETS).join(', ') });
    }
    const params = c.req.query();
    const query = parseQuery(FramePageQuery, params);
    const attributes = widgetAttributes(name, widget, params);
    const tenant = await tenantOr404(c, query.tenant);
    const allowed = await effectiveOriginPatterns(tenant.origins);
    const parent = parentOrigin(allowed, query.parent, c.req.header('referer'));
    const signIn = (c.get('demoPeople') ?? []).length > 0 || tenant.oidcProviders.some((p) => p.signIn);
    c.header('content-security-policy', [...COMMON_POLICY, "connect-src 'self'", `frame-ancestors ${frameAncestors(allowed)}`].join('; '));
    c.header('cache-control', 'no-store');
    const locale = query.locale ?? 'en';
    return c.html(html`<!doctype html>
<html lang="${locale}"${query.theme && query.theme !== 'auto' ? html` data-theme="${query.theme}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${tenant.name}</title>
<link rel="stylesheet" href="/frame/frame.css">
<script src="/embed.js" data-tenant="${tenant.slug}" data-locale="${locale}" data-theme="${query.theme ?? 'auto'}" async></script>
<script src="/frame/frame.js" data-tenant="${tenant.slug}" data-parent-origin="${parent ?? ''}" data-sign-in="${signIn ? 'available' : 'none'}" defer></script>
</head>
<body>
<main><${raw(widget.tag)} ${raw(attributes)}></${raw(widget.tag)}></main>
</body>
</html>`);
  })
  // A mistyped path under /embed/ is this route's error too, so a person sees it as a page.
  .all('*', (c) => {
    throw routeNotFound(c.req.method, c.req.path);
  })
  .onError((err, c) => {
    const answer = toErrorResponse(err, c);
    return wantsPage(c.req.raw) ? errorPage(c, answer) : answer;
  });

function signInPage(locale: string, options: unknown) {
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${signInTitle(locale)}</title>
<link rel="stylesheet" href="/frame/frame.css">
${options ? html`<script type="application/json" id="bk-sign-in-options">${jsonBlock(options)}</script>` : ''}
<script src="/frame/sign-in.js" defer></script>
</head>
<body class="bk-sign-in-page">
<main></main>
</body>
</html>`;
}
