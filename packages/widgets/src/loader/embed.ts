/**
 * The script-tag loader, `embed.js`: the only thing a host page includes.
 *
 *   <script src="https://bridgekit.example.com/embed.js" data-tenant="acme" async></script>
 *
 * It reads its own `data-*` attributes (tenant, token or token-provider, locale, theme, nonce,
 * api), derives
 * the API origin from its own `src`, and loads each element's code only when an element of that
 * kind comes near the viewport. Classic script, no inline code or styles, no eval: it works
 * under a strict Content-Security-Policy that lists only the Bridgekit origin.
 */
import type { TokenRequest } from '@bridgekit/sdk';
import { type BridgekitConfig, configure, currentConfig } from '../shared/config.ts';

/**
 * Filled in at build time (scripts/build.ts, loaderChunks): every shared chunk's hash (of
 * __BK_HASH_LENGTH__ characters), each once; tag → its entry chunk's hash, then one base-36
 * character per shared chunk it imports (that chunk's place in __BK_SHARED__), for every element.
 */
declare const __BK_HASH_LENGTH__: number;
declare const __BK_SHARED__: string;
declare const __BK_CHUNKS__: Record<string, string>;

const LOADED = Symbol.for('bridgekit.loader');
const root = globalThis as typeof globalThis & { [LOADED]?: true; Bridgekit?: unknown };

if (!root[LOADED]) {
  root[LOADED] = true;
  start();
}

function start(): void {
  const script =
    (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="/embed.js"]');
  if (!script) return;
  const src = new URL(script.src, location.href);
  const data = script.dataset;

  const fromScript: Partial<BridgekitConfig> = { apiBase: data.api || src.origin };
  if (data.tenant) fromScript.tenant = data.tenant;
  if (data.locale) fromScript.locale = data.locale;
  if (data.theme === 'light' || data.theme === 'dark' || data.theme === 'auto') fromScript.theme = data.theme;
  // Lit needs no inline styles (it adopts constructed stylesheets); where a browser lacks them,
  // it writes <style> elements and stamps them with `litNonce`, for hosts whose policy uses one.
  const nonce = data.nonce || script.nonce;
  if (nonce && !('litNonce' in root)) (root as { litNonce?: string }).litNonce = nonce;
  if (data.token) {
    fromScript.token = data.token;
  } else if (data.tokenProvider) {
    const name = data.tokenProvider;
    const lookup = () => (root as unknown as Record<string, unknown>)[name];
    // Looked up on every call, so the host may define it in a script that runs after this one
    // (a deferred one included: until the page has loaded, we wait for it).
    fromScript.token = async (request: TokenRequest) => {
      if (typeof lookup() !== 'function' && document.readyState !== 'complete') {
        await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
      }
      const provider = lookup();
      return typeof provider === 'function' ? provider(request) : null;
    };
  }
  // Whatever the host configured before we ran wins over our attributes.
  configure({ ...fromScript, ...currentConfig() });

  const chunks = __BK_CHUNKS__;
  const requested = new Set<string>();
  const preloaded = new Set<string>();
  // Fetched alongside the entry instead of after it has been parsed: one round trip less.
  const preload = (place: string) => {
    if (preloaded.has(place)) return;
    preloaded.add(place);
    const hash = __BK_SHARED__.substr(parseInt(place, 36) * __BK_HASH_LENGTH__, __BK_HASH_LENGTH__);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(`widgets/shared-${hash}.js`, src).href;
    if (nonce) link.nonce = nonce;
    document.head.append(link);
  };
  const load = (tag: string): Promise<unknown> | undefined => {
    if (!chunks[tag] || requested.has(tag) || customElements.get(tag)) return;
    requested.add(tag);
    for (const place of chunks[tag].slice(__BK_HASH_LENGTH__)) preload(place);
    const url = new URL(`widgets/${tag}-${chunks[tag].slice(0, __BK_HASH_LENGTH__)}.js`, src).href;
    return import(url).catch((err: unknown) => {
      requested.delete(tag);
      console.error(`Bridgekit: could not load <${tag}> from ${url}`, err);
    });
  };

  const nearViewport = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        nearViewport.unobserve(entry.target);
        void load(entry.target.localName);
      }
    },
    { rootMargin: '400px' },
  );
  const selector = Object.keys(chunks).join(',');
  const scan = (node: ParentNode) => {
    if (node instanceof Element && node.matches(selector)) nearViewport.observe(node);
    for (const el of node.querySelectorAll(selector)) nearViewport.observe(el);
  };

  const watch = () => {
    scan(document);
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();

  /** For host scripts: `Bridgekit.configure({ token })` after sign-in, `Bridgekit.load('bk-idea-board')` for elements in shadow roots. */
  root.Bridgekit = { configure, load };
}
