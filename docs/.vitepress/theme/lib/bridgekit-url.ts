/**
 * Which Bridgekit Worker the live demos and the configurator use: one setting for the whole
 * docs site, saved in this browser, so both always load widgets from the same place.
 * `?bridgekit=<url>` on any docs page sets it (tests and shared links use this).
 */
import { normalizePageUrl } from '@bridgekit/sdk/page-url';
import { onMounted, type Ref, ref } from 'vue';

const STORAGE_KEY = 'bridgekit-docs-url';
const QUERY_PARAMETER = 'bridgekit';

// Vite replaces `import.meta.env` at build time; the cast only spares a dependency on vite's types.
const env = (import.meta as ImportMeta & { env?: { VITE_BRIDGEKIT_URL?: string } }).env;

/** The docs site's default: the build's VITE_BRIDGEKIT_URL, else the `pnpm dev` Worker. */
export const DEFAULT_BRIDGEKIT_URL = normalizePageUrl(env?.VITE_BRIDGEKIT_URL ?? '') ?? 'http://localhost:8787';

const current = ref(DEFAULT_BRIDGEKIT_URL);
let restored = false;

function save(url: string): void {
  current.value = url;
  try {
    localStorage.setItem(STORAGE_KEY, url);
  } catch {
    // Storage may be off (private mode, policy): the setting then lasts for this page only.
  }
}

function restore(): void {
  if (restored) return;
  restored = true;
  const fromQuery = normalizePageUrl(new URLSearchParams(location.search).get(QUERY_PARAMETER) ?? '');
  if (fromQuery) {
    save(fromQuery);
    return;
  }
  const saved = normalizePageUrl(localStorage.getItem(STORAGE_KEY) ?? '');
  if (saved) current.value = saved;
}

/**
 * The shared setting. It reads the browser's saved value once mounted, so the server-rendered
 * page and the first client render agree.
 */
export function useBridgekitUrl(): Readonly<Ref<string>> {
  onMounted(restore);
  return current;
}

/** The person chose another Worker: saved, and no longer overridden by the address's `?bridgekit=` on reload. */
export function setBridgekitUrl(url: string): void {
  save(url);
  const address = new URL(location.href);
  if (!address.searchParams.has(QUERY_PARAMETER)) return;
  address.searchParams.delete(QUERY_PARAMETER);
  history.replaceState(history.state, '', address);
}
