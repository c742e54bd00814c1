/**
 * The example intranet's pages. Each states the Content-Security-Policy it is served with:
 * nothing inline anywhere, and Bridgekit's origin is the only outside source.
 */
import { type Person, signEmbedToken } from './embed-token.ts';

export interface ExampleOptions {
  bridgekitUrl: string;
  tenant: string;
  /** The tenant's embed secret and its key id: this server signs a token for `person`. */
  secret: string;
  kid: string;
  person: Person;
}

export interface Page {
  html: string;
  csp: string;
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const layout = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Fabrikam intranet · ${title}</title>
    <link rel="stylesheet" href="/site.css" />
    ${head}
  </head>
  <body>
    <nav aria-label="Intranet"><a href="/">Ideas and war stories (script tag)</a> · <a href="/frames.html">The same in iframes</a></nav>
    <main>
${body}
    </main>
  </body>
</html>`;

/**
 * One script tag under the strict policy SharePoint-like intranets enforce: Bridgekit's
 * origin for scripts and API calls (and WebSockets for live comments), nothing else outside.
 */
export function scriptTagPage(options: ExampleOptions): Page {
  const origin = new URL(options.bridgekitUrl).origin;
  const token = signEmbedToken(options.person, options.secret, { kid: options.kid });
  const head = `<script src="${escapeHtml(origin)}/embed.js" data-tenant="${escapeHtml(options.tenant)}" data-token="${escapeHtml(token)}" async></script>`;
  const body = `      <h1>Ideas for IT</h1>
      <p>Signed in as ${escapeHtml(options.person.name)}.</p>
      <bk-idea-board board="general"></bk-idea-board>
      <h2>War stories</h2>
      <bk-thread key="demo-war-stories"></bk-thread>`;
  return { html: layout('Ideas for IT', head, body), csp: strictPolicy(origin) };
}

/** The exact policy the docs give: scripts and connections from Bridgekit only. */
export function strictPolicy(bridgekitOrigin: string): string {
  const socketOrigin = bridgekitOrigin.replace(/^http/, 'ws');
  return `default-src 'self'; script-src ${bridgekitOrigin}; connect-src ${bridgekitOrigin} ${socketOrigin}`;
}

/**
 * The iframe route, as SharePoint's Embed web part or a locked-down portal would use it. The
 * optional `embed-resizer.js` sizes the frames to their content; people sign in through
 * Bridgekit's own sign-in window, so no third-party cookie is involved.
 */
export function framesPage(options: ExampleOptions): Page {
  const origin = new URL(options.bridgekitUrl).origin;
  const frame = (path: string, title: string) =>
    `<iframe class="bridgekit" src="${escapeHtml(`${origin}/embed/${path}`)}" title="${escapeHtml(title)}"></iframe>`;
  const tenant = encodeURIComponent(options.tenant);
  const head = `<script src="${escapeHtml(origin)}/embed-resizer.js" async></script>`;
  const body = `      <h1>Ideas for IT, in frames</h1>
      ${frame(`idea-board?tenant=${tenant}&board=general`, 'Ideas for IT')}
      <h2>War stories</h2>
      ${frame(`thread?tenant=${tenant}&key=demo-war-stories`, 'War stories discussion')}`;
  return { html: layout('Ideas in frames', head, body), csp: `default-src 'self'; script-src ${origin}; frame-src ${origin}` };
}

export const SITE_CSS = `body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; }
nav { margin-bottom: 1rem; }
iframe.bridgekit { display: block; width: 100%; height: 320px; border: 0; }
`;
