/**
 * Subjects are namespaced by their source (src/auth/subjects.ts): an embed token, signed by the
 * host, cannot name a person who signs in with an OIDC provider, an API key, the operator, or a
 * business leader whose ideas are recorded on their behalf.
 */
import { env } from 'cloudflare:workers';
import type { Comment, NewApiKey, Viewer } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DIRECTORY_ID } from './fake-identity-provider.ts';
import { admin, call, configureEntra, DEMO, errorOf, json, oidcToken, token } from './helpers.ts';

const ALICE_OID = '00000000-0000-4000-8000-0000000a11ce';
const ALICE = `oidc:entra:${FAKE_DIRECTORY_ID}:${ALICE_OID}`;
const me = (t: string) => call(`${DEMO}/me`, { token: t });

async function expectReserved(res: Response, message: RegExp) {
  expect(res.status).toBe(401);
  const error = await errorOf(res);
  expect(error.code).toBe('invalid_token');
  expect(error.message).toMatch(message);
}

beforeAll(async () => {
  expect((await configureEntra()).status).toBe(200);
  // An admin makes Alice, who signs in with Entra ID, a moderator.
  expect((await admin(`${DEMO}/roles/${encodeURIComponent(ALICE)}`, 'PUT', { role: 'moderator' })).status).toBe(200);
});

describe('an embed token', () => {
  it('cannot become a person of an OIDC provider, or her role', async () => {
    const alice = await json<Viewer>(await me(await oidcToken({ claims: { oid: ALICE_OID, name: 'Alice' } })));
    expect(alice.user).toMatchObject({ id: ALICE, role: 'moderator' });

    const forged = await token({ sub: ALICE, name: 'Alice' });
    await expectReserved(await me(forged), /starts with "oidc:", which is reserved for people who sign in with an OIDC provider/);
    const idea = await call(`${DEMO}/boards/general/ideas`, { method: 'POST', token: forged, body: JSON.stringify({ title: 'As Alice' }) });
    expect(idea.status).toBe(401);
    // Nor in other letter cases, which would read as her in lists.
    await expectReserved(await me(await token({ sub: ALICE.replace('oidc:', 'OIDC:') })), /reserved/);
  });

  it("cannot edit what an API key wrote by naming the key's subject", async () => {
    const key = await json<NewApiKey>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Importer', scopes: ['write'] }));
    const posted = await call(`${DEMO}/threads/comments`, {
      method: 'POST',
      token: key.key,
      body: JSON.stringify({ key: 'subjects-thread', body: 'Imported from the old forum.' }),
    });
    expect(posted.status).toBe(201);
    const comment = await json<Comment>(posted);

    for (const sub of [`apikey:${key.id}`, `APIKEY:${key.id}`]) {
      const forged = await token({ sub, name: 'Importer' });
      const edit = await call(`${DEMO}/comments/${comment.id}`, {
        method: 'PATCH',
        token: forged,
        body: JSON.stringify({ body: 'Forged' }),
      });
      await expectReserved(edit, /reserved for API keys/);
    }
    const page = await json<{ items: Comment[] }>(await call(`${DEMO}/threads/comments?key=subjects-thread`));
    expect(page.items.map((c) => c.body)).toEqual(['Imported from the old forum.']);
  });

  it('cannot sign in as a business leader an idea was recorded for, who never signs in', async () => {
    const moderator = await token({ sub: 'subjects|mod', name: 'Mo', extra: { roles: ['Bridgekit.Moderator'] } });
    const recorded = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: moderator,
      body: JSON.stringify({ title: 'Recorded for a leader', onBehalfOf: { name: 'Lee Der', email: 'lee@subjects.example' } }),
    });
    expect(recorded.status).toBe(201);
    const { id } = await json<{ id: string }>(recorded);
    const leader = await env.DB.prepare("select subject from users where kind = 'proxy' and email = 'lee@subjects.example'").first<{
      subject: string;
    }>();
    expect(leader?.subject).toMatch(/^proxy\|/);
    for (const sub of [leader?.subject ?? '', (leader?.subject ?? '').toUpperCase()]) {
      const forged = await token({ sub, name: 'Lee Der' });
      await expectReserved(await me(forged), /reserved for people who do not sign in/);
      await expectReserved(await call(`${DEMO}/ideas/${id}/withdraw`, { method: 'POST', token: forged }), /reserved/);
    }
    expect((await json<{ closed: boolean }>(await call(`${DEMO}/ideas/${id}`))).closed).toBe(false);
  });

  it('cannot name the platform operator', async () => {
    await expectReserved(await me(await token({ sub: 'platform' })), /reserved for the deployment's operator/);
  });

  it('keeps every other id as the host sent it, including ids that merely contain the words', async () => {
    for (const sub of ['ad|12345', 'alice@contoso.example', 'oidc', 'my-oidc:alice', 'apikeys', 'platform-team', 'urn:contoso:alice']) {
      const viewer = await json<Viewer>(await me(await token({ sub })));
      expect(viewer.user?.id, sub).toBe(sub);
    }
  });

  it('refuses a sub with control or bidirectional characters', async () => {
    await expectReserved(await me(await token({ sub: 'alice\u202Eecila' })), /bidirectional/);
    await expectReserved(await me(await token({ sub: 'alice\u0000' })), /control characters/);
  });
});

describe('minting an embed token', () => {
  it('refuses a reserved sub on the admin API with 400, naming the field', async () => {
    const res = await admin(`${DEMO}/tokens`, 'POST', { sub: `oidc:entra:${FAKE_DIRECTORY_ID}:${ALICE_OID}`, name: 'Alice' });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.details?.[0]).toMatchObject({ path: 'body.sub', message: expect.stringMatching(/reserved/) });
  });

  it('refuses one on the development token endpoint too', async () => {
    const res = await call(`https://bridgekit.test/v1/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ tenant: 'demo', sub: 'apikey:0123456789abcdef', name: 'Key' }),
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.[0]?.path).toBe('body.sub');
  });
});
