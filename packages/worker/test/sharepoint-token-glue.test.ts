/**
 * The SDK's SharePoint token glue (`sharePointTokenSource`, used by examples/sharepoint-spfx) against the real Worker: the
 * SDK asks the glue for a token before each request, the glue asks SharePoint's token provider,
 * and the Worker verifies what "Entra ID" issued — here the fake identity provider whose keys the
 * Worker fetches, configured for tenant `demo` as an admin would.
 */
import { type BridgekitError, createClient, isBridgekitError, type TokenSource } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyTokenError, type EntraTokenProvider, sharePointTokenSource, type TokenFailure } from '../../sdk/src/sharepoint.ts';
import { FAKE_DIRECTORY_ID } from './fake-identity-provider.ts';
import { configureEntra, ENTRA_AUDIENCE, ORIGIN, oidcToken, workerFetch } from './helpers.ts';

const GRACE = `oidc:entra:${FAKE_DIRECTORY_ID}:00000000-0000-4000-8000-0000000000aa`;

/** Entra ID's answers when a web part may not have a token, as SharePoint's provider rejects with them. */
const consentRequired = () =>
  Object.assign(
    new Error(
      "AADSTS65001: The user or administrator has not consented to use the application with ID 'c58637bb-e2e1-4312-8a00-04b5ffcd3403' named 'SharePoint Online Client Extensibility Web Application Principal'. Send an interactive authorization request for this user and resource.\r\nTrace ID: 0b113a29-86da-4039-96c6-01880a440100",
    ),
    { name: 'InteractionRequiredAuthError', errorCode: 'consent_required' },
  );
const unknownResource = (resource: string) =>
  new Error(`AADSTS500011: The resource principal named ${resource} was not found in the tenant named Contoso.`);

/**
 * SharePoint's token provider as a web part meets it: it keeps the token it last got from Entra ID
 * and hands that one out until told not to (`useCachedToken = false`). `issue` is Entra ID.
 */
class FakeSharePointTokenProvider implements EntraTokenProvider {
  readonly requests: { resource: string; useCachedToken: boolean }[] = [];
  issued = 0;
  #cached: string | null = null;
  readonly #issue: (count: number) => Promise<string>;

  constructor(issue: (count: number) => Promise<string> = () => oidcToken()) {
    this.#issue = issue;
  }

  async getToken(resource: string, useCachedToken = true): Promise<string> {
    this.requests.push({ resource, useCachedToken });
    if (resource !== ENTRA_AUDIENCE) throw unknownResource(resource);
    if (!useCachedToken || this.#cached === null) this.#cached = await this.#issue(this.issued++);
    return this.#cached;
  }
}

function connect(provider: EntraTokenProvider | Promise<EntraTokenProvider>, resource = ENTRA_AUDIENCE) {
  const failures: TokenFailure[] = [];
  let recoveries = 0;
  const token: TokenSource = sharePointTokenSource({
    provider,
    resource,
    onFailure: (failure) => failures.push(failure),
    onRecovered: () => recoveries++,
  });
  const client = createClient({ baseUrl: ORIGIN, tenant: 'demo', token, fetch: workerFetch });
  return { client, failures, recoveries: () => recoveries };
}

async function refusal(promise: Promise<unknown>): Promise<BridgekitError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isBridgekitError(err)) throw new Error(`Expected a BridgekitError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  expect((await configureEntra()).status).toBe(200);
});

describe('the SharePoint web part’s token glue', () => {
  it('signs the reader in with the Entra ID token SharePoint gives for Bridgekit’s API', async () => {
    const sharepoint = new FakeSharePointTokenProvider();
    const { client, failures } = connect(sharepoint);

    const viewer = await client.me();
    expect(viewer.user).toMatchObject({ id: GRACE, name: 'Grace Hopper', role: 'member' });
    const idea = await client.ideas.create({ board: 'general', title: 'Posted from a SharePoint page' });
    expect(idea.author.name).toBe('Grace Hopper');

    expect(sharepoint.requests).toEqual([
      { resource: ENTRA_AUDIENCE, useCachedToken: true },
      { resource: ENTRA_AUDIENCE, useCachedToken: true },
    ]);
    expect(sharepoint.issued).toBe(1);
    expect(failures).toEqual([]);
  });

  it('asks SharePoint past its cache when the API refuses the cached token as expired', async () => {
    // The token SharePoint cached has expired by the time the reader acts (a page open for hours).
    const sharepoint = new FakeSharePointTokenProvider((count) => oidcToken(count === 0 ? { expiresIn: -300 } : {}));
    const { client, failures } = connect(sharepoint);

    expect((await client.me()).user?.id).toBe(GRACE);
    expect(sharepoint.requests.map((r) => r.useCachedToken)).toEqual([true, false]);

    // The fresh token is SharePoint's cached one from now on.
    expect((await client.me()).user?.id).toBe(GRACE);
    expect(sharepoint.requests.map((r) => r.useCachedToken)).toEqual([true, false, true]);
    expect(sharepoint.issued).toBe(2);
    expect(failures).toEqual([]);
  });

  it('reads without a token when consent is missing, and says so once', async () => {
    const sharepoint = {
      calls: 0,
      async getToken(): Promise<string> {
        this.calls++;
        throw consentRequired();
      },
    };
    const { client, failures } = connect(sharepoint);

    expect(await client.me()).toMatchObject({ tenant: { slug: 'demo' }, user: null });
    const ideas = await client.ideas.list({ board: 'general' });
    expect(ideas.items.length).toBeGreaterThan(0);
    const vote = await refusal(client.ideas.vote(ideas.items[0]?.id ?? ''));
    expect(vote).toMatchObject({ status: 401, code: 'unauthorized' });

    expect(failures).toEqual([{ kind: 'consent', code: 'AADSTS65001', detail: expect.stringContaining('has not consented') }]);
    // Only an admin can fix it: SharePoint is not asked again on this page.
    expect(sharepoint.calls).toBe(1);
  });

  it('reads without a token when Entra ID knows no API by the configured Application ID URI', async () => {
    const sharepoint = new FakeSharePointTokenProvider();
    const { client, failures } = connect(sharepoint, 'api://bridgekit-typo');

    expect((await client.me()).user).toBeNull();
    expect(failures).toEqual([{ kind: 'resource', code: 'AADSTS500011', detail: expect.stringContaining('api://bridgekit-typo') }]);
    expect(sharepoint.issued).toBe(0);
  });

  it('tries again on the next request after a passing failure, and says when it is over', async () => {
    let timedOut = false;
    const sharepoint = new FakeSharePointTokenProvider();
    const flaky: EntraTokenProvider = {
      getToken: (resource, useCachedToken) => {
        if (!timedOut) {
          timedOut = true;
          return Promise.reject(new Error('Token renewal operation failed due to timeout: null'));
        }
        return sharepoint.getToken(resource, useCachedToken);
      },
    };
    const { client, failures, recoveries } = connect(flaky);

    expect((await client.me()).user).toBeNull();
    expect(failures).toMatchObject([{ kind: 'unavailable', code: null }]);
    expect(recoveries()).toBe(0);

    expect((await client.me()).user?.id).toBe(GRACE);
    expect(failures).toHaveLength(1);
    expect(recoveries()).toBe(1);
  });

  it('reads without a token when SharePoint has no token provider to give', async () => {
    const { client, failures } = connect(Promise.reject(new Error('The AadTokenProviderFactory is not initialized')));
    expect((await client.me()).user).toBeNull();
    expect(failures).toMatchObject([{ kind: 'unavailable', detail: 'The AadTokenProviderFactory is not initialized' }]);
  });

  it('never throws into the SDK, even when the web part’s handler does', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const token = sharePointTokenSource({
      provider: { getToken: () => Promise.reject(consentRequired()) },
      resource: ENTRA_AUDIENCE,
      onFailure: () => {
        throw new Error('the message element is gone');
      },
    });
    const client = createClient({ baseUrl: ORIGIN, tenant: 'demo', token, fetch: workerFetch });
    expect((await client.me()).user).toBeNull();
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe('what SharePoint’s token provider rejects with', () => {
  const cases: [string, unknown, TokenFailure['kind'], string | null][] = [
    ['MSAL’s consent_required (AADSTS65001)', consentRequired(), 'consent', 'AADSTS65001'],
    [
      'an API access request nobody approved (AADSTS650057)',
      new Error(
        "invalid_client: AADSTS650057: Invalid resource. The client has requested access to a resource which is not listed in the requested permissions in the client's application registration.",
      ),
      'consent',
      'AADSTS650057',
    ],
    ['an unknown Application ID URI (AADSTS500011)', unknownResource('api://nope'), 'resource', 'AADSTS500011'],
    [
      'a reader not assigned to the app (AADSTS50105)',
      new Error(
        "AADSTS50105: Your administrator has configured the application Bridgekit to block users unless they are specifically granted ('assigned') access.",
      ),
      'not-assigned',
      'AADSTS50105',
    ],
    [
      'a cancelled sign-in (MSAL errorCode)',
      Object.assign(new Error('User cancelled the flow.'), { errorCode: 'user_cancelled' }),
      'interaction',
      null,
    ],
    ['an OAuth error body', { error: 'interaction_required', error_description: 'Silent sign-in request failed.' }, 'interaction', null],
    ['a timeout, as a string', 'Token renewal operation failed due to timeout', 'unavailable', null],
    ['nothing at all', undefined, 'unavailable', null],
  ];
  it.each(cases)('%s', (_label, error, kind, code) => {
    expect(classifyTokenError(error)).toMatchObject({ kind, code });
  });
});
