/**
 * The script of Bridgekit's sign-in window (`/embed/sign-in`), opened by an embedded frame's
 * Sign in button. It runs first-party on Bridgekit's origin, so it needs no third-party cookie:
 * the person signs in with the tenant's identity provider (authorization code with PKCE, as a
 * public client) — or, in development, as a demo person — and the token goes back to the frame
 * that opened the window by `postMessage`, addressed to Bridgekit's own origin — or to the
 * admin console's origin, when the server accepted it as the window's `opener`.
 */
import { type FrameTextKey, frameText } from './frame-text.ts';
import { codeChallenge, randomToken } from './pkce.ts';
import type { TokenMessage } from './protocol.ts';
import { SIGN_IN_CALLBACK_PATH, SIGN_IN_OPTIONS_ID, type SignInOptions, type SignInProvider } from './sign-in-options.ts';

/** A sign-in under way, kept across the round trip to the identity provider. */
interface PendingSignIn {
  state: string;
  verifier: string;
  tokenEndpoint: string;
  clientId: string;
  locale: string;
  /** Where the token goes: the origin the server accepted as opener, or Bridgekit's own. */
  target: string;
}
const PENDING_KEY = 'bridgekit.signIn';

const main = document.querySelector('main') ?? document.body;
const redirectUri = new URL(SIGN_IN_CALLBACK_PATH, location.origin).href;
const pending = readPending();
const locale = pending?.locale ?? (document.documentElement.lang || 'en');
const t = frameText(locale);
document.title = t('signIn.title');

const heading = element('h1', t('signIn.heading'));
const status = element('p', '');
status.setAttribute('role', 'status');
main.append(heading, status);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

function say(key: FrameTextKey, params?: Record<string, string>): void {
  status.textContent = t(key, params);
}

function readPending(): PendingSignIn | null {
  try {
    return JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as PendingSignIn | null;
  } catch {
    return null;
  }
}

function handOff(token: string, target: string): void {
  const opener = window.opener as Window | null;
  if (!opener) {
    say('signIn.noOpener');
    return;
  }
  const message: TokenMessage = { type: 'bridgekit:token', token };
  opener.postMessage(message, target);
  say('signIn.done');
  window.close();
}

function fail(reason: string): void {
  say('signIn.failed', { reason });
}

/** An error answer of Bridgekit's, in this window's words (it has its own small catalogs, not the widgets'). */
type ErrorAnswer = { error?: { reason?: string; message?: string; requestId?: string } } | null;
function failed(res: Response, body: ErrorAnswer): void {
  const error = body?.error;
  const requestId = error?.requestId ?? res.headers.get('x-request-id') ?? '';
  if (error?.reason?.startsWith('unavailable.sign_in')) fail(t('signIn.unavailable'));
  else if (res.status >= 500) fail(t('signIn.serverError', { requestId }));
  else fail(error?.message ?? `HTTP ${res.status}`);
}

async function signInAsDemoUser(tenant: string, user: string, target: string): Promise<void> {
  say('signIn.working');
  const res = await fetch('/v1/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, user }),
  });
  const body = (await res.json().catch(() => null)) as ({ token?: string } & ErrorAnswer) | null;
  if (res.ok && body?.token) handOff(body.token, target);
  else failed(res, body);
}

/** Only web addresses: the server checked the endpoints, and this window never follows anything else. */
const isWebUrl = (url: URL) => url.protocol === 'https:' || url.protocol === 'http:';

async function startProviderSignIn(tenant: string, provider: SignInProvider, target: string): Promise<void> {
  say('signIn.redirecting');
  // Bridgekit fetches the issuer's discovery document and checks its endpoints (https, on the
  // issuer's host); the window takes them from there, never from the issuer directly.
  const res = await fetch(`/embed/sign-in/endpoints?${new URLSearchParams({ tenant, provider: provider.id })}`);
  const body = (await res.json().catch(() => null)) as ({ authorizationEndpoint?: string; tokenEndpoint?: string } & ErrorAnswer) | null;
  if (!res.ok || !body?.authorizationEndpoint || !body.tokenEndpoint) return failed(res, body);
  const url = new URL(body.authorizationEndpoint);
  if (!isWebUrl(url) || !isWebUrl(new URL(body.tokenEndpoint))) return fail(url.protocol);
  const signIn: PendingSignIn = {
    state: randomToken(),
    verifier: randomToken(),
    tokenEndpoint: body.tokenEndpoint,
    clientId: provider.clientId,
    locale,
    target,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(signIn));
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    response_mode: 'query',
    scope: `openid profile ${provider.scope}`.trim(),
    state: signIn.state,
    code_challenge: await codeChallenge(signIn.verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.href);
}

async function finishProviderSignIn(): Promise<void> {
  const params = new URLSearchParams(location.search);
  history.replaceState(null, '', location.pathname);
  sessionStorage.removeItem(PENDING_KEY);
  if (params.has('error')) return fail(params.get('error_description') ?? params.get('error') ?? '');
  if (!pending || params.get('state') !== pending.state) return say('signIn.failed', { reason: t('signIn.stateMismatch') });
  say('signIn.working');
  const res = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await res.json().catch(() => null)) as { access_token?: string; error_description?: string; error?: string } | null;
  if (res.ok && body?.access_token) handOff(body.access_token, pending.target ?? location.origin);
  else fail(body?.error_description ?? body?.error ?? `HTTP ${res.status}`);
}

function showChoices(options: SignInOptions): void {
  const target = options.opener ?? location.origin;
  if (options.providers.length === 0 && options.demoUsers.length === 0) {
    say('signIn.noMethod');
    return;
  }
  main.append(element('p', t('signIn.intro')));
  const setBusy = (busy: boolean) => {
    for (const button of main.querySelectorAll('button')) button.disabled = busy;
  };
  const list = (items: { label: string; action: () => Promise<void> }[]) => {
    const ul = document.createElement('ul');
    for (const { label, action } of items) {
      const button = element('button', label);
      button.type = 'button';
      button.addEventListener('click', () => {
        setBusy(true);
        action()
          .catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)))
          .finally(() => setBusy(false));
      });
      const li = document.createElement('li');
      li.append(button);
      ul.append(li);
    }
    return ul;
  };
  if (options.providers.length > 0) {
    main.append(
      list(
        options.providers.map((provider) => ({
          label: t('signIn.withProvider', { provider: provider.label }),
          action: () => startProviderSignIn(options.tenant, provider, target),
        })),
      ),
    );
  }
  if (options.demoUsers.length > 0) {
    main.append(
      element('h2', t('signIn.demoHeading')),
      list(
        options.demoUsers.map((user) => ({
          label: t('signIn.demoAs', { name: user.name, unit: user.businessUnit }),
          action: () => signInAsDemoUser(options.tenant, user.key, target),
        })),
      ),
    );
  }
}

if (location.pathname === SIGN_IN_CALLBACK_PATH) {
  void finishProviderSignIn().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
} else {
  const options = JSON.parse(document.getElementById(SIGN_IN_OPTIONS_ID)?.textContent ?? 'null') as SignInOptions | null;
  if (options) showChoices(options);
  else say('signIn.noMethod');
}
