/**
 * A token verified once is known until it expires (auth/authenticate.ts), but only for the
 * tenant's settings it was verified against: a retired key refuses the token it had accepted, a
 * new role mapping gives the same token its new role, at once, in the same isolate.
 */
import type { NewEmbedKey, Viewer as ViewerBody } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const me = (t: string) => call(`${DEMO}/me`, { token: t });

describe('a verified token', () => {
  it('is refused once the key that signed it is retired', async () => {
    const key = await json<NewEmbedKey>(await admin(`${DEMO}/embed-keys`, 'POST'));
    const signed = await token({ sub: 'verified-ada', name: 'Ada Verified', kid: key.kid, secret: key.secret });
    for (let i = 0; i < 2; i++) expect((await me(signed)).status).toBe(200);
    expect((await admin(`${DEMO}/embed-keys/${key.kid}`, 'DELETE')).status).toBe(200);
    const refused = await me(signed);
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).reason).toMatch(/^invalid_token\.embed_unknown_kid/);
  });

  it('takes the role a new role mapping gives it', async () => {
    const moderator = await token({ sub: 'verified-mod', name: 'Mo Verified', extra: { roles: ['Bridgekit.Moderator'] } });
    const role = async () => (await json<ViewerBody>(await me(moderator))).user?.role;
    await useTestRoleClaims();
    expect(await role()).toBe('moderator');
    expect(await role()).toBe('moderator');
    const patched = await admin(`${DEMO}/settings`, 'PATCH', {
      roleMapping: { claim: 'roles', moderator: [], admin: ['Bridgekit.Admin'], applyToEmbedTokens: true },
    });
    expect(patched.status).toBe(200);
    expect(await role()).toBe('member');
  });

  it('is still refused when tampered with after it was accepted', async () => {
    const signed = await token({ sub: 'verified-ben', name: 'Ben Verified' });
    expect((await me(signed)).status).toBe(200);
    const [header, payload, signature] = signed.split('.');
    const tampered = `${header}.${payload}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
    expect((await me(tampered)).status).toBe(401);
  });
});
