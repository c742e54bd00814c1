/**
 * The live demos' page-wide settings: the demo tenant, and who is signed in (a seeded person of
 * the development Worker, or nobody). Shared by every demo on the page and saved in this browser.
 */
import { type ComputedRef, computed, onMounted, ref } from 'vue';
import { useBridgekitUrl } from './bridgekit-url.ts';
import { demoTokenProvider } from './demo-session.ts';
import type { PageConfig } from './embed-loader.ts';

export const DEMO_TENANT = 'demo';
const STORAGE_KEY = 'bridgekit-docs-demo-user';
/** The community lead: evaluator and moderator, so triage and moderation show their work. */
const DEFAULT_USER = 'mei';

const user = ref(DEFAULT_USER);
let restored = false;

/** `''` is nobody: read-only. */
export function useDemoUser() {
  onMounted(() => {
    if (restored) return;
    restored = true;
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved !== null) user.value = saved;
  });
  return user;
}

export function setDemoUser(key: string): void {
  user.value = key;
  try {
    localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Storage may be off: the choice then lasts for this page only.
  }
}

export function useDemoPageConfig(): ComputedRef<PageConfig> {
  const url = useBridgekitUrl();
  const person = useDemoUser();
  return computed(() => ({
    tenant: DEMO_TENANT,
    token: person.value ? demoTokenProvider(url.value, DEMO_TENANT, person.value) : undefined,
  }));
}
