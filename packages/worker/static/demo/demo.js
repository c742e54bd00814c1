// Demo-only helper for /demo/: a user switcher, and the token provider the script tag names
// (data-token-provider="bridgekitDemoToken"). On a real intranet, your server signs embed
// tokens for the signed-in person instead (see docs/embedding.md).
const STORAGE_KEY = 'bridgekit-demo-user';
// The triage, moderation and practice pages open as the community lead (evaluator, moderator, card owner); the others as Amara.
const fallback = /^\/demo\/(triage|moderation|practices)/.test(location.pathname) ? 'mei' : 'amara';
let user = localStorage.getItem(STORAGE_KEY) || fallback;
let cached = null;

window.bridgekitDemoToken = async ({ expired } = { expired: false }) => {
  const fresh = cached && cached.user === user && Date.parse(cached.expiresAt) - Date.now() > 60_000;
  if (fresh && !expired) return cached.token;
  const res = await fetch('/v1/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo', user }),
  });
  if (!res.ok) return null;
  const { token, expiresAt } = await res.json();
  cached = { user, token, expiresAt };
  return token;
};

async function setUpSwitcher() {
  const select = document.getElementById('demo-user');
  if (!select) return;
  const res = await fetch('/v1/dev/users');
  const { items } = await res.json();
  for (const person of items) {
    const option = new Option(`${person.name} — ${person.role}, ${person.businessUnit}`, person.key, false, person.key === user);
    select.add(option);
  }
  select.addEventListener('change', () => {
    user = select.value;
    localStorage.setItem(STORAGE_KEY, user);
    cached = null;
    // Tells every widget to reload with the new person's token.
    window.Bridgekit?.configure({ token: window.bridgekitDemoToken });
  });
}

document.addEventListener('DOMContentLoaded', setUpSwitcher, { once: true });
