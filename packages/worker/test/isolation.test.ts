import { env } from 'cloudflare:workers';
import type { Idea, NewApiKey, SearchResults } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { DEMO_COMMENTS, DEMO_IDEA_DISCUSSION, DEMO_IDEAS, DEMO_THREAD, DEMO_USERS, demoCardId } from '../src/dev/demo-data.ts';
import { DEMO_COLLEAGUES } from '../src/dev/demo-people.ts';
import { concretePath, DEMO_ACTUAL, DEMO_BENEFIT, DEMO_HEALTH_ROUND, DEMO_OBJECTIVE, REQUEST_BODIES, requiredQuery } from './api-routes.ts';
import { admin, call, configureEntra, DEMO, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const OTHER = `${ORIGIN}/v1/tenants/other`;
const OTHER_SECRET = 'other-tenant-secret-0123456789abcdef';

/** Things only tenant `demo` knows: none may ever appear in an answer to tenant `other`'s callers. */
const DEMO_MARKERS = [
  'Contoso (demo)',
  ...DEMO_IDEAS.map((i) => i.title),
  ...DEMO_USERS.map((u) => u.name),
  ...DEMO_COLLEAGUES.map((c) => c.name),
  'Finance and IT: autumn review',
  'Temp staff at close',
  '@contoso.example',
  'demo-only.contoso.example',
  'Bridgekit.Moderator',
  'api://bridgekit-test',
  DEMO_THREAD.title,
  ...Object.values(EXAMPLE_CARDS).map((c) => c.title),
  ...DEMO_COMMENTS.map((c) => c.body.slice(0, 40)),
  ...DEMO_IDEA_DISCUSSION.comments.map((c) => c.body.slice(0, 40)),
  'Finance health, confidential',
  'People & HR',
  'Nobody returns our calls',
  'Invoice hours, confidential',
  'Measured behind closed doors',
  'Finance objective, confidential',
  'Secret measure',
];

interface Route {
  method: string;
  template: string;
}

async function allRoutes(): Promise<Route[]> {
  const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await call(`${ORIGIN}/v1/openapi.json`));
  return Object.entries(doc.paths).flatMap(([template, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), template })));
}

/** A concrete URL for `tenant`, pointing at demo's own resources wherever the route takes an id. */
const urlFor = (route: Route, tenant: string, demoApiKeyId: string, webhookId?: string) =>
  `${ORIGIN}${concretePath(route.template, { tenant, apiKeyId: demoApiKeyId, webhookId })}${requiredQuery(route.method, route.template)}`;

describe('tenant isolation', () => {
  let demoKey: NewApiKey;
  let demoWebhookId: string;
  let demoIntakeDecisions: number;
  let otherCredentials: { name: string; token: string }[];

  beforeAll(async () => {
    await seedOtherTenant();
    await configureEntra();
    // A closed health round of the demo's Finance unit with an answer, for the routes that take `{round}`.
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "insert into health_rounds (id, tenant_id, unit_id, title, items, closed_at, created_at) values (?, 'demo-tenant', 'demo-unit-finance', 'Finance health, confidential', ?, ?, ?)",
      ).bind(DEMO_HEALTH_ROUND, JSON.stringify([{ key: 'responsiveness', rates: 'provider', label: 'Responds quickly' }]), now, now),
      env.DB.prepare(
        "insert into health_invitations (round_id, user_id, tenant_id, side, responded_at, created_at) values (?, 'demo-user-amara', 'demo-tenant', 'business', ?, ?)",
      ).bind(DEMO_HEALTH_ROUND, now, now),
      env.DB.prepare(
        "insert into health_answers (round_id, user_id, tenant_id, item_key, score, comment) values (?, 'demo-user-amara', 'demo-tenant', 'responsiveness', 2, 'Nobody returns our calls')",
      ).bind(DEMO_HEALTH_ROUND),
      // A benefit of the demo's value plan with an actual, for the routes that take `{benefit}` and `{actual}`.
      env.DB.prepare(
        "insert into value_benefits (id, tenant_id, card_id, title, measure, baseline, target, benefit_class, owner_id, updated_at) values (?, 'demo-tenant', ?, 'Invoice hours, confidential', 'hours/month', 320, 80, 'hard', 'demo-user-amara', ?)",
      ).bind(DEMO_BENEFIT, demoCardId('value-realization-plan'), now),
      env.DB.prepare(
        "insert into value_actuals (id, tenant_id, benefit_id, measured_on, value, note, recorded_by) values (?, 'demo-tenant', ?, '2026-06-30', 190, 'Measured behind closed doors', 'demo-user-amara')",
      ).bind(DEMO_ACTUAL, DEMO_BENEFIT),
      // An objective of the demo's Finance unit, for the routes that take an objective `{id}`, linked from a demo idea.
      env.DB.prepare(
        "insert into unit_objectives (id, tenant_id, unit_id, title, kpi, updated_at) values (?, 'demo-tenant', 'demo-unit-finance', 'Finance objective, confidential', 'Secret measure', ?)",
      ).bind(DEMO_OBJECTIVE, now),
      env.DB.prepare(
        "insert into objective_links (objective_id, tenant_id, item_kind, item_id) values (?, 'demo-tenant', 'idea', 'demo-idea-invoice')",
      ).bind(DEMO_OBJECTIVE),
    ]);
    demoIntakeDecisions = (
      (await env.DB.prepare("select count(*) as n from intake_decisions where idea_id = 'demo-idea-invoice'").first()) as { n: number }
    ).n;
    demoKey = await json<NewApiKey>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Demo automation', scopes: ['admin'] }));
    demoWebhookId = (
      await json<{ id: string }>(
        await admin(`${DEMO}/webhooks`, 'POST', { url: 'https://hooks.demo-only.contoso.example/bridgekit', events: ['idea.created'] }),
      )
    ).id;
    await admin(`${DEMO}/origins`, 'POST', { origin: 'https://demo-only.contoso.example' });
    const otherKey = await json<NewApiKey>(await admin(`${OTHER}/api-keys`, 'POST', { name: 'Other automation', scopes: ['admin'] }));
    await admin(`${OTHER}/settings`, 'PATCH', {
      roleMapping: { claim: 'roles', moderator: [], admin: ['Admin'], applyToEmbedTokens: true },
    });
    otherCredentials = [
      {
        name: "other's admin (embed token)",
        token: await token({ secret: OTHER_SECRET, kid: 'k1', sub: 'fab|admin', extra: { roles: ['Admin'] } }),
      },
      {
        name: "other's admin (embed token, no kid)",
        token: await token({ secret: OTHER_SECRET, kid: null, sub: 'fab|admin', extra: { roles: ['Admin'] } }),
      },
      { name: "other's admin API key", token: otherKey.key },
    ];
  });

  it("lists only the other tenant's own board under its slug", async () => {
    const otherToken = await token({ secret: OTHER_SECRET, kid: 'k1' });
    const page = await json<{ items: Idea[] }>(await call(`${OTHER}/boards/general/ideas`, { token: otherToken }));
    expect(page.items.map((i) => i.title)).toEqual(['Fabrikam confidential plan']);
  });

  it("walks every route of the API with another tenant's credentials: 401/403, and nothing of this tenant comes back", async () => {
    const routes = await allRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const credential of otherCredentials) {
      for (const route of routes) {
        const body = REQUEST_BODIES[`${route.method} ${route.template}`];
        const res = await call(urlFor(route, 'demo', demoKey.id, demoWebhookId), {
          method: route.method,
          token: credential.token,
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        const label = `${credential.name}: ${route.method} ${route.template}`;
        expect([401, 403], label).toContain(res.status);
        for (const marker of DEMO_MARKERS) expect(text, label).not.toContain(marker);
      }
    }
  }, 60_000);

  it("walks every route of the other tenant with its own credentials, aimed at this tenant's ids: nothing of this tenant comes back or changes", async () => {
    const routes = (await allRoutes()).filter((r) => r.template.startsWith('/v1/tenants/'));
    for (const credential of otherCredentials) {
      for (const route of routes) {
        const body = REQUEST_BODIES[`${route.method} ${route.template}`];
        const res = await call(urlFor(route, 'other', demoKey.id, demoWebhookId), {
          method: route.method,
          token: credential.token,
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        expect(res.status, `${route.method} ${route.template}`).toBeLessThan(500);
        for (const marker of DEMO_MARKERS) expect(text, `${credential.name}: ${route.method} ${route.template}`).not.toContain(marker);
      }
    }
    // Its health round: still closed, its one answer as given.
    expect(
      await env.DB.prepare("select score, comment from health_answers where round_id = ? and tenant_id = 'demo-tenant'")
        .bind(DEMO_HEALTH_ROUND)
        .all(),
    ).toMatchObject({ results: [{ score: 2, comment: 'Nobody returns our calls' }] });
    // Its objective: as added, linked as before; demo's idea still at its intake step, with no decision recorded.
    expect(
      await env.DB.prepare('select title, archived_at as archivedAt from unit_objectives where id = ?').bind(DEMO_OBJECTIVE).first(),
    ).toEqual({
      title: 'Finance objective, confidential',
      archivedAt: null,
    });
    expect(await env.DB.prepare("select count(*) as n from intake_decisions where idea_id = 'demo-idea-invoice'").first()).toEqual({
      n: demoIntakeDecisions,
    });
    expect(await env.DB.prepare("select count(*) as n from objective_links where tenant_id = 'other-tenant'").first()).toEqual({ n: 0 });
    // Its value plan: the one benefit and its one actual, as they were.
    expect(
      await env.DB.prepare(
        'select b.title, b.target, (select count(*) from value_actuals a where a.benefit_id = b.id) as actuals from value_benefits b where b.card_id = ?',
      )
        .bind(demoCardId('value-realization-plan'))
        .all(),
    ).toMatchObject({ results: [{ title: 'Invoice hours, confidential', target: 80, actuals: 1 }] });
    // Demo is as it was: its idea, its key, its secret, its grant, its provider, its webhook.
    expect(await env.DB.prepare('select url, enabled from webhooks where id = ?').bind(demoWebhookId).first()).toEqual({
      url: 'https://hooks.demo-only.contoso.example/bridgekit',
      enabled: 1,
    });
    expect((await call(`${DEMO}/ideas/demo-idea-invoice`)).status).toBe(200);
    // Its units, their aliases and teams (Finance's: Amara, its relationship manager, and Helena, its business partner).
    expect(
      await env.DB.prepare(
        "select name, side, archived_at as archived, (select count(*) from business_unit_people p where p.unit_id = u.id) as team from business_units u where id = 'demo-unit-finance'",
      ).first(),
    ).toEqual({ name: 'Finance', side: 'demand', archived: null, team: 2 });
    expect(
      await env.DB.prepare(
        "select unit_id as unit from business_unit_aliases where tenant_id = 'demo-tenant' and alias = 'contoso finance'",
      ).first(),
    ).toEqual({ unit: 'demo-unit-finance' });
    expect((await call(`${DEMO}/me`, { token: demoKey.key })).status).toBe(200);
    expect((await call(`${DEMO}/me`, { token: await token() })).status).toBe(200);
    const grants = await env.DB.prepare(
      "select count(*) as n from user_roles where tenant_id = 'demo-tenant' and subject = 'demo|mei'",
    ).first<{ n: number }>();
    expect(grants?.n).toBe(1);
    const providers = await env.DB.prepare("select count(*) as n from oidc_providers where tenant_id = 'demo-tenant'").first<{
      n: number;
    }>();
    expect(providers?.n).toBe(1);
    // Its discussion too: the comment, its reactions, its author's standing, its settings.
    const comment = await env.DB.prepare(
      "select state, body, like_count as likes, flag_count as flags from comments where id = 'demo-comment-1'",
    ).first<{ state: string; body: string; likes: number; flags: number }>();
    expect(comment).toEqual({ state: 'published', body: DEMO_COMMENTS[0]?.body, likes: 3, flags: 0 });
    const amara = await env.DB.prepare("select restricted_until as until from users where id = 'demo-user-amara'").first<{
      until: number | null;
    }>();
    expect(amara?.until).toBeNull();
    // Not erased, nor exported to anyone (people/{person}/erase and export walked above).
    expect(await env.DB.prepare("select kind, name from users where id = 'demo-user-amara'").first()).toEqual({
      kind: 'person',
      name: 'Amara Okafor',
    });
    const threadPage = await json<{ items: { id: string }[] }>(
      await call(`${DEMO}/threads/comments?key=${DEMO_THREAD.key}`, { token: await token() }),
    );
    expect(threadPage.items.length).toBeGreaterThan(0);
    const card = await env.DB.prepare('select version, title, obsolete_at as obsolete, state from cards where id = ?')
      .bind(demoCardId('business-case'))
      .first();
    expect(card).toEqual({ version: 1, title: EXAMPLE_CARDS['business-case']?.title, obsolete: null, state: 'published' });
    expect(await env.DB.prepare("select state from ideas where id = 'demo-idea-invoice'").first()).toEqual({ state: 'published' });
    // Its text and status too: no edit, no earlier text, not withdrawn.
    const invoice = DEMO_IDEAS.find((i) => i.id === 'demo-idea-invoice');
    expect(
      await env.DB.prepare("select title, status, closed, edited_at as editedAt from ideas where id = 'demo-idea-invoice'").first(),
    ).toEqual({ title: invoice?.title, status: invoice?.status?.key ?? 'open', closed: 0, editedAt: null });
    expect(await env.DB.prepare("select count(*) as n from idea_revisions where tenant_id = 'demo-tenant'").first()).toEqual({ n: 0 });
    const log = await env.DB.prepare("select count(*) as n from moderation_log where tenant_id = 'demo-tenant'").first<{ n: number }>();
    expect(log?.n).toBe(0);
    // No story of this tenant became a card of another's, nor a second card of its own (the seed's: the war story's card and the approved idea's value plan).
    const promoted = await env.DB.prepare(
      'select tenant_id as tenant, promoted_from as story from cards where promoted_from is not null order by story desc',
    ).all();
    expect(promoted.results).toEqual([
      { tenant: 'demo-tenant', story: 'value-plan:demo-idea-close' },
      { tenant: 'demo-tenant', story: `thread:${DEMO_THREAD.id}` },
    ]);
  }, 60_000);

  it('promotes no story of this tenant: its thread is not found, and a comment of another thread is refused', async () => {
    // Not the walks' admin: their writes use up that person's write budget for the minute.
    const otherAdmin = await token({ secret: OTHER_SECRET, kid: 'k1', sub: 'fab|admin-2', extra: { roles: ['Admin'] } });
    const demoThread = await call(`${OTHER}/threads/${DEMO_THREAD.id}/promote`, {
      method: 'POST',
      token: otherAdmin,
      body: JSON.stringify({ template: 'practice' }),
    });
    expect(demoThread.status).toBe(404);
    expect(await demoThread.text()).not.toContain(DEMO_THREAD.title);
    // A thread of its own, and a comment of this tenant's thread: not found there either.
    const own = await json<{ threadId: string }>(
      await call(`${OTHER}/threads/comments`, {
        method: 'POST',
        token: otherAdmin,
        body: JSON.stringify({ key: 'fab-story', body: 'Our story.' }),
      }),
    );
    const crossed = await call(`${OTHER}/threads/${own.threadId}/promote`, {
      method: 'POST',
      token: otherAdmin,
      body: JSON.stringify({ template: 'practice', comment: 'demo-comment-1' }),
    });
    expect(crossed.status).toBe(404);
    expect(await crossed.text()).not.toContain(DEMO_COMMENTS[0]?.body.slice(0, 40));
    // Within this tenant, a comment of another thread is a 400.
    const mod = await token({ sub: 'iso-mod', extra: { roles: ['Bridgekit.Moderator'] } });
    const elsewhere = await call(`${DEMO}/threads/${DEMO_IDEA_DISCUSSION.id}/promote`, {
      method: 'POST',
      token: mod,
      body: JSON.stringify({ template: 'practice', comment: 'demo-comment-1' }),
    });
    expect(elsewhere.status).toBe(400);
    expect(await env.DB.prepare("select count(*) as n from cards where promoted_from like 'comment:%'").first()).toEqual({ n: 0 });
  });

  it("names no card of this tenant as another's answer or source, and shows none of its ideas' views or discussions, nor its people", async () => {
    const otherAdmin = await token({ secret: OTHER_SECRET, kid: 'k1', sub: 'fab|admin-2', extra: { roles: ['Admin'] } });
    const card = demoCardId('business-case');
    const answered = await call(`${OTHER}/ideas/other-idea/status`, {
      method: 'PUT',
      token: otherAdmin,
      body: JSON.stringify({ status: 'planned', card }),
    });
    const proposed = await call(`${OTHER}/boards/general/ideas`, {
      method: 'POST',
      token: otherAdmin,
      body: JSON.stringify({ title: 'Proposed from a card of another tenant', sourceCard: card }),
    });
    // Refused exactly as a card that does not exist.
    for (const res of [answered, proposed]) {
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(JSON.parse(text).error).toMatchObject({ reason: 'validation_failed.unknown_card', params: { id: card } });
      for (const marker of DEMO_MARKERS) expect(text).not.toContain(marker);
    }
    expect(await env.DB.prepare("select status, answered_by as answeredBy from ideas where id = 'other-idea'").first()).toEqual({
      status: 'open',
      answeredBy: null,
    });
    const sourced = env.DB.prepare("select count(*) as n from ideas where tenant_id = 'other-tenant' and source_card_id = ?").bind(card);
    expect(await sourced.first()).toEqual({ n: 0 });
    for (const res of [
      await call(`${OTHER}/ideas/demo-idea-invoice/view`, { token: otherAdmin }),
      await call(`${OTHER}/people/amara.okafor`, { token: otherAdmin }),
      await call(`${OTHER}/threads/comments?key=${encodeURIComponent(DEMO_IDEA_DISCUSSION.key)}`, { token: otherAdmin }),
      await call(`${OTHER}/threads/comments`, {
        method: 'POST',
        token: otherAdmin,
        body: JSON.stringify({ key: DEMO_IDEA_DISCUSSION.key, body: 'Joining a discussion of another tenant.' }),
      }),
    ]) {
      expect(res.status).toBe(404);
      const text = await res.text();
      for (const marker of DEMO_MARKERS) expect(text).not.toContain(marker);
    }
    expect(
      await env.DB.prepare("select count(*) as n from threads where tenant_id = 'other-tenant' and key like 'idea:%'").first(),
    ).toEqual({ n: 0 });
  });

  it("walks every route of this tenant as a member outside the Finance team, aimed at its team's cards: none of them comes back or changes", async () => {
    // The demo's stakeholder map, account plan and health check are kept to the Finance team (docs/cards.md).
    const kept = ['stakeholder-map', 'strategic-account-plan', 'relationship-health-assessment'];
    const titles = kept.map((id) => EXAMPLE_CARDS[id]?.title ?? id);
    const rows = async () =>
      (
        await env.DB.prepare('select id, version, helped_count, view_count, visibility from cards where id in (?, ?, ?) order by id')
          .bind(...kept.map(demoCardId))
          .all()
      ).results;
    const before = await rows();
    expect(before.map((r) => r.visibility)).toEqual(['unit', 'unit', 'unit']);
    const outsiders = [
      { name: 'anonymous', token: null },
      { name: 'a Sales member', token: await token({ sub: 'iso|sales-member', name: 'Sam Sales', bu: 'Sales' }) },
    ];
    // Reads everywhere; writes only to the cards themselves (other writes would change the demo for the next tests).
    const routes = (await allRoutes()).filter(
      (r) => r.template.startsWith('/v1/tenants/') && (r.method === 'GET' || r.template.includes('/cards/{id}')),
    );
    for (const id of kept) {
      for (const outsider of outsiders) {
        for (const route of routes) {
          const body = REQUEST_BODIES[`${route.method} ${route.template}`];
          const url = urlFor(route, 'demo', demoKey.id, demoWebhookId).replace(demoCardId('business-case'), demoCardId(id));
          const res = await call(url, {
            method: route.method,
            ...(outsider.token ? { token: outsider.token } : {}),
            ...(body ? { body: JSON.stringify(body) } : {}),
          });
          const text = await res.text();
          const label = `${outsider.name}: ${route.method} ${route.template} (${id})`;
          expect(res.status, label).toBeLessThan(500);
          if (route.template.includes('/cards/{id}')) expect([401, 403, 404], label).toContain(res.status);
          for (const title of titles) expect(text, label).not.toContain(title);
        }
      }
    }
    expect(await rows()).toEqual(before);
  }, 120_000);

  it("never shows the other tenant's ideas to this tenant", async () => {
    const t = await token();
    for (const res of [
      await call(`${DEMO}/ideas/other-idea`, { token: t }),
      await call(`${DEMO}/ideas/other-idea/view`, { token: t }),
      await call(`${DEMO}/ideas/other-idea/vote`, { method: 'PUT', token: t }),
      await call(`${DEMO}/ideas/other-idea/vote`, { method: 'DELETE', token: t }),
      await call(`${DEMO}/ideas/other-idea`, { method: 'PATCH', token: t, body: JSON.stringify({ title: 'Edited from another tenant' }) }),
      await call(`${DEMO}/ideas/other-idea/revisions`, { token: t }),
      await call(`${DEMO}/ideas/other-idea/withdraw`, {
        method: 'POST',
        token: t,
        body: JSON.stringify({ reason: 'Withdrawn elsewhere' }),
      }),
      await call(`${DEMO}/ideas/other-idea/need-met`, { method: 'POST', token: t, body: JSON.stringify({ met: false }) }),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Fabrikam');
    }
    expect(
      await env.DB.prepare("select title, closed, edited_at as editedAt, need_met as needMet from ideas where id = 'other-idea'").first(),
    ).toEqual({
      title: 'Fabrikam confidential plan',
      closed: 0,
      editedAt: null,
      needMet: null,
    });
    const ideas = await json<{ items: Idea[] }>(await call(`${DEMO}/boards/general/ideas?limit=100`));
    expect(ideas.items.map((i) => i.id)).not.toContain('other-idea');
  });

  it("never finds the other tenant's content in one search, nor relates items across tenants", async () => {
    const t = await token();
    const otherToken = await token({ secret: OTHER_SECRET, kid: 'k1' });
    const mine = await call(`${DEMO}/search?q=${encodeURIComponent('Fabrikam confidential plan secret')}&limit=50`, { token: t });
    expect(mine.status).toBe(200);
    expect(await mine.text()).not.toContain('Fabrikam');
    // The other tenant's reader, searching with words of both, finds its own idea only.
    const theirs = await call(`${OTHER}/search?q=${encodeURIComponent('invoice matching confidential plan')}&limit=50`, {
      token: otherToken,
    });
    expect((await json<SearchResults>(theirs)).hits.map((h) => `${h.kind}:${h.id}`)).toEqual(['idea:other-idea']);
    // Related content: another tenant's item is not found, from either side, and names nothing of demo.
    expect((await call(`${DEMO}/related?kind=idea&id=other-idea`, { token: t })).status).toBe(404);
    for (const [kind, id] of [
      ['idea', 'demo-idea-invoice'],
      ['card', demoCardId('business-case')],
      ['thread', DEMO_THREAD.id],
    ]) {
      const res = await call(`${OTHER}/related?kind=${kind}&id=${id}`, { token: otherToken });
      expect(res.status, `${kind} ${id}`).toBe(404);
      const text = await res.text();
      for (const marker of DEMO_MARKERS) expect(text).not.toContain(marker);
    }
    const own = await call(`${OTHER}/related?kind=idea&id=other-idea&limit=20`, { token: otherToken });
    expect(own.status).toBe(200);
    const text = await own.text();
    for (const marker of DEMO_MARKERS) expect(text).not.toContain(marker);
  });
});
