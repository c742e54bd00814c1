/** Helpers for widget tests: a real Worker (see global-setup.ts), real tokens, real Chromium. */
import { type BridgekitClient, createClient } from '@bridgekit/sdk';
import axe from 'axe-core';
import { expect, inject } from 'vitest';
import { configure } from '../src/shared/config.ts';

export const apiBase = () => inject('apiBase');

let counter = 0;
/** A new person for each call, so each test starts with no votes of its own. */
export function newPerson(bu = 'Finance') {
  counter += 1;
  return { sub: `widget-test|${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`, name: `Tester ${counter}`, bu };
}

export async function tokenFor(person: { sub: string; name: string; bu?: string } | string): Promise<string> {
  const body = typeof person === 'string' ? { tenant: 'demo', user: person } : { tenant: 'demo', ...person };
  const res = await fetch(`${apiBase()}/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

const b64url = (data: Uint8Array | string) =>
  btoa(typeof data === 'string' ? data : String.fromCharCode(...data))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** An embed token for the demo tenant that expired a while ago, signed as a host would have. */
export async function expiredToken(person: { sub: string; name: string }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64url(JSON.stringify({ alg: 'HS256', kid: 'dev-1' }))}.${b64url(JSON.stringify({ ...person, iat: now - 1200, exp: now - 300 }))}`;
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(inject('demoEmbedSecret')),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return `${input}.${b64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input))))}`;
}

/** Configures the page as the loader would, signed in as `token` (or signed out). */
export function signIn(token: string | null, overrides: Record<string, unknown> = {}): void {
  configure({ apiBase: apiBase(), tenant: 'demo', token, locale: 'en', ...overrides });
}

export function clientAs(token: string | null): BridgekitClient {
  return createClient({ baseUrl: apiBase(), tenant: 'demo', token });
}

export async function mount<T extends HTMLElement>(markup: string): Promise<T> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  return host.firstElementChild as T;
}

export function cleanup(): void {
  document.body.replaceChildren();
}

/** Waits until `check` passes (polling), then returns its value. */
export async function until<T>(check: () => T | undefined | null | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** axe-core over the element, shadow roots included; fails with the list of violations. */
export async function expectNoAxeViolations(el: Element): Promise<void> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary).toEqual([]);
}
