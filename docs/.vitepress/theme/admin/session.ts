/**
 * The admin console's session, shared by every console screen and the configurator: which
 * Worker and tenant, and the token the calls carry. A person's token (from the tenant's
 * identity provider, through Bridgekit's sign-in window) lives in memory and in this tab's
 * sessionStorage; the operator token (BRIDGEKIT_ADMIN_TOKEN) lives in memory only, so a reload
 * asks for it again. Nothing goes to localStorage or cookies.
 */
import { type BridgekitClient, createClient, createPlatformClient, type PlatformClient } from '@bridgekit/sdk';
import { getCurrentInstance, onMounted, readonly, ref } from 'vue';

export type SessionKind = 'person' | 'operator';

export interface AdminSession {
  /** The Worker's origin, e.g. `https://bridgekit.example.com`. */
  workerUrl: string;
  tenant: string;
  kind: SessionKind;
  token: string;
  /** Who signed in, as the console shows it. */
  name: string;
}

const STORAGE_KEY = 'bridgekit-admin-session';
/** The message the sign-in window posts to its opener (packages/widgets/src/frame/protocol.ts). */
const TOKEN_MESSAGE = 'bridgekit:token';

const current = ref<AdminSession | null>(null);
let restored = false;

function persist(session: AdminSession | null): void {
  try {
    if (session?.kind === 'person') sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be off: the session then lasts until this page is left.
  }
}

function restore(): void {
  if (restored || typeof sessionStorage === 'undefined') return;
  restored = true;
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as AdminSession | null;
    if (saved?.kind === 'person' && saved.token && saved.workerUrl && saved.tenant) current.value = saved;
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
  }
}

/**
 * The signed-in session (read-only; `null` when signed out). Called from a component's setup,
 * it reads this tab's saved session once mounted, so the server-rendered page and the first
 * client render agree.
 *
 * @example
 * const session = useAdminSession();
 * const units = await adminClient().units.list();
 */
export function useAdminSession() {
  if (getCurrentInstance()) onMounted(restore);
  else restore();
  return readonly(current);
}

/** The SDK client of the signed-in tenant. Throws when nobody is signed in. */
export function adminClient(): BridgekitClient {
  const session = current.value;
  if (!session) throw new Error('Sign in to the admin console first.');
  return createClient({ baseUrl: session.workerUrl, tenant: session.tenant, token: session.token });
}

/** The operator's client (`/v1/admin/*`), when signed in with the operator token; else `null`. */
export function platformClient(): PlatformClient | null {
  const session = current.value;
  return session?.kind === 'operator' ? createPlatformClient({ baseUrl: session.workerUrl, token: session.token }) : null;
}

/**
 * Signs in after checking the token against the tenant: reading its settings takes the admin
 * role, so a token that is not an admin's is refused here (the SDK's error, with its reason).
 */
export async function signIn(workerUrl: string, tenant: string, kind: SessionKind, token: string): Promise<AdminSession> {
  const client = createClient({ baseUrl: workerUrl, tenant, token });
  await client.admin.settings.get();
  const name = kind === 'operator' ? 'Operator' : ((await client.me()).user?.name ?? 'Admin');
  const session: AdminSession = { workerUrl, tenant, kind, token, name };
  current.value = session;
  persist(session);
  return session;
}

export function signOut(): void {
  current.value = null;
  persist(null);
}

/**
 * Opens Bridgekit's sign-in window for `tenant` and resolves with the token it posts back. The
 * window is told this page's origin (`opener`), which the Worker accepts only if the tenant or
 * the operator allows it exactly; only a message from the Worker's origin, from that window,
 * is taken. Call it from a click, so the browser lets the window open.
 */
export function tokenFromSignInWindow(workerUrl: string, tenant: string, locale = 'en'): Promise<string> {
  const worker = new URL(workerUrl).origin;
  const address = `${worker}/embed/sign-in?${new URLSearchParams({ tenant, locale, opener: location.origin })}`;
  const popup = window.open(address, 'bridgekit-sign-in', 'popup,width=480,height=640');
  if (!popup) return Promise.reject(new Error('The browser blocked the sign-in window: allow pop-ups for this site and try again.'));
  return new Promise((resolve, reject) => {
    const done = () => {
      window.removeEventListener('message', onMessage);
      clearInterval(watch);
    };
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; token?: unknown } | null;
      if (event.origin !== worker || event.source !== popup || data?.type !== TOKEN_MESSAGE || typeof data.token !== 'string') return;
      done();
      resolve(data.token);
    };
    // A window closed without signing in ends the wait (polling is the only signal a closed
    // window gives). The window closes itself right after posting, so give the message one more
    // round to arrive.
    let closedSeen = false;
    const watch = setInterval(() => {
      if (!popup.closed) return;
      if (!closedSeen) {
        closedSeen = true;
        return;
      }
      done();
      reject(new Error('The sign-in window was closed before signing in.'));
    }, 500);
    window.addEventListener('message', onMessage);
  });
}
