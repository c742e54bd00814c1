/**
 * Loads the widgets into a docs page the way a customer's page does: one `embed.js` script tag
 * from the Worker, added at run time in the browser. The loader runs once per page, so later
 * changes of tenant, locale or sign-in go through its `Bridgekit.configure()`.
 */
import type { TokenSource } from '@bridgekit/sdk';

/** What the script tag's `data-*` attributes set for the whole page. */
export interface PageConfig {
  tenant: string;
  /** Absent: the page's `lang`. */
  locale?: string;
  /** Absent: the visitor's light or dark setting. */
  theme?: 'light' | 'dark';
  /** Absent: read-only. */
  token?: TokenSource;
}

interface BridgekitGlobal {
  configure(options: Omit<Partial<PageConfig>, 'theme'> & { theme?: 'light' | 'dark' | 'auto' }): void;
}

export type LoaderState = 'ready' | 'other-url';

const MARKER = 'data-bridgekit-docs';
const loading = new WeakMap<HTMLScriptElement, Promise<void>>();
let applied: PageConfig | null = null;

function bridgekit(): BridgekitGlobal | undefined {
  return (window as unknown as { Bridgekit?: BridgekitGlobal }).Bridgekit;
}

function inject(src: string, config: PageConfig): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  script.dataset.tenant = config.tenant;
  if (config.locale) script.dataset.locale = config.locale;
  if (config.theme) script.dataset.theme = config.theme;
  script.setAttribute(MARKER, '');
  loading.set(
    script,
    new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve(), { once: true });
      script.addEventListener(
        'error',
        () => {
          // Gone, so the next attempt (after `pnpm dev` started) adds a fresh one.
          script.remove();
          reject(new Error(`Could not load ${src}`));
        },
        { once: true },
      );
    }),
  );
  document.head.append(script);
  return script;
}

/**
 * Adds the Worker's `embed.js` to the page unless it is there. Answers `other-url` when the
 * page already loaded the widgets from another Worker: only a reload can change that.
 */
export async function ensureLoader(bridgekitUrl: string, config: PageConfig): Promise<LoaderState> {
  const src = new URL(`${bridgekitUrl}/embed.js`).href;
  const existing = document.querySelector<HTMLScriptElement>(`script[${MARKER}]`);
  if (existing && existing.src !== src) return 'other-url';
  const script = existing ?? inject(src, config);
  await loading.get(script);
  applyPageConfig(config);
  return 'ready';
}

/** The URL the page's widgets were loaded from, if any. */
export function loadedFrom(): string | null {
  const src = document.querySelector<HTMLScriptElement>(`script[${MARKER}]`)?.src;
  return src ? src.replace(/\/embed\.js$/, '') : null;
}

/**
 * Page-wide settings, as the script tag's attributes would give them. Every widget on the page
 * reloads on a change, so an unchanged configuration is not sent again.
 */
export function applyPageConfig(config: PageConfig): void {
  const api = bridgekit();
  if (!api) return;
  const same = (a: PageConfig, b: PageConfig) =>
    a.tenant === b.tenant && a.locale === b.locale && a.theme === b.theme && a.token === b.token;
  if (applied && same(applied, config)) return;
  applied = { ...config };
  api.configure({ tenant: config.tenant, locale: config.locale, theme: config.theme ?? 'auto', token: config.token });
}
