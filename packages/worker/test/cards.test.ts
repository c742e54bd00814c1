import { env } from 'cloudflare:workers';
import type { CardDiff, CardLinks, CardSummary, CardTemplate, CardVersion, Page, PracticeAreaSummary, PracticeCard } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { BUILT_IN_TEMPLATES } from '../src/cards/templates/index.ts';
import { demoCardId } from '../src/dev/demo-data.ts';
import { admin, call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const CARDS = `${DEMO}/cards`;
let ana: string;
let ben: string;
let mei: string;

beforeAll(async () => {
  [ana, ben, mei] = await Promise.all([
    token({ sub: 'cards-ana', name: 'Ana Cardoso' }),
    token({ sub: 'cards-ben', name: 'Ben Okoro' }),
    token({ sub: 'demo|mei', name: 'Mei Chen' }),
  ]);
});

const send = (method: string, url: string, t: string, body?: unknown) =>
  call(url, { method, token: t, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
async function create(t: string, input: Record<string, unknown>): Promise<PracticeCard> {
  const res = await send('POST', CARDS, t, input);
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  return json<PracticeCard>(res);
}
const example = (templateId: string) => {
  const e = EXAMPLE_CARDS[templateId];
  if (!e) throw new Error(`no example for ${templateId}`);
  return { templateId, title: e.title, summary: e.summary, fields: e.fields, tags: e.tags, maturityLevel: e.maturityLevel };
};

describe('templates', () => {
  it('lists the built-in templates, each with its field schema', async () => {
    const { items } = await json<{ items: CardTemplate[] }>(await call(`${DEMO}/templates`, { token: ana }));
    expect(items.filter((t) => t.builtIn).map((t) => t.id)).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id));
    expect(items.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'business-partner-profile',
        'business-case',
        'strategic-account-plan',
        'value-realization-plan',
        'stakeholder-map',
        'relationship-health-assessment',
        'practice',
      ]),
    );
    const bc = await json<CardTemplate>(await call(`${DEMO}/templates/business-case`, { token: ana }));
    expect(bc.fields.find((f) => f.key === 'executiveSummary')).toMatchObject({ type: 'richtext', required: true });
  });

  it('lets admins define their own, refuses members, built-in ids and bad definitions, and guards templates in use', async () => {
    const lessons = {
      id: 'lessons-learned',
      name: 'Lessons learned',
      fields: [
        { key: 'context', label: 'Context', type: 'richtext', required: true },
        { key: 'lessons', label: 'Lessons', type: 'list', of: { type: 'text' }, minItems: 1 },
      ],
    };
    expect((await send('PUT', `${DEMO}/templates/lessons-learned`, ana, lessons)).status).toBe(403);
    const stored = await json<CardTemplate>(await admin(`${DEMO}/templates/lessons-learned`, 'PUT', lessons));
    expect(stored).toMatchObject({ id: 'lessons-learned', builtIn: false, version: 1 });
    expect(await json(await admin(`${DEMO}/templates/lessons-learned`, 'PUT', { ...lessons, name: 'Lessons' }))).toMatchObject({
      version: 2,
    });
    expect((await admin(`${DEMO}/templates/business-case`, 'PUT', { ...lessons, id: 'business-case' })).status).toBe(400);
    const bad = await admin(`${DEMO}/templates/broken`, 'PUT', {
      id: 'broken',
      name: 'Broken',
      fields: [{ key: 'x', label: 'X', type: 'enum', options: [] }],
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.length).toBeGreaterThan(0);

    const card = await create(ana, {
      templateId: 'lessons-learned',
      title: 'ERP go-live lessons',
      fields: { context: 'We went live on a Monday.', lessons: ['Never on a Monday'] },
    });
    expect(card.rendered.context).toBe('<p>We went live on a Monday.</p>');
    expect((await admin(`${DEMO}/templates/lessons-learned`, 'DELETE')).status).toBe(409);
    expect((await admin(`${DEMO}/templates/business-case`, 'DELETE')).status).toBe(409);
  });
});

describe('cards', () => {
  it('creates a card on every built-in template from its example, owned by its author, due for review in six months', async () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const card = await create(ana, example(template.id));
      expect(card).toMatchObject({
        templateId: template.id,
        templateName: template.name,
        version: 1,
        owner: { name: 'Ana Cardoso' },
        freshness: 'current',
      });
      expect(card.threadKey).toBe(`card:${card.id}`);
      expect(Number(card.reviewBy?.slice(0, 4)) * 12 + Number(card.reviewBy?.slice(5, 7))).toBeGreaterThan(
        new Date().getUTCFullYear() * 12 + new Date().getUTCMonth() + 5,
      );
    }
  });

  it('renders @mentions of members in rich texts as mentions (links in the widgets), others as text', async () => {
    const base = example('business-case');
    const card = await create(ana, {
      ...base,
      title: 'Mentions in a business case',
      fields: { ...base.fields, executiveSummary: 'Agreed with @amara.okafor, not with @nobody.here or `@amara.okafor`.' },
    });
    const html = card.rendered.executiveSummary ?? '';
    expect(html.match(/class="bk-mention"/g)).toHaveLength(1);
    expect(html).toContain('data-handle="amara.okafor"');
    expect(html).not.toContain('data-handle="nobody.here"');
    expect(html).toContain('<code>@amara.okafor</code>');
  });

  it('answers invalid values with an error per field, at its path, and writes nothing', async () => {
    const before = await env.DB.prepare('select count(*) as n from cards').first<{ n: number }>();
    const res = await send('POST', CARDS, ana, {
      templateId: 'business-case',
      title: 'Broken case',
      fields: {
        ...example('business-case').fields,
        executiveSummary: '',
        options: [{ kind: 'do nothing', description: 'Nothing', cost: { amount: 'lots', currency: 'EUR' } }],
        surprise: 'not a field',
      },
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    const paths = (error.details ?? []).map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.fields.executiveSummary', 'body.fields.options.0.cost.amount', 'body.fields.surprise']),
    );
    expect(await env.DB.prepare('select count(*) as n from cards').first<{ n: number }>()).toEqual(before);
  });

  it('refuses links to what does not exist in the tenant, and unknown owners', async () => {
    const res = await send('POST', CARDS, ana, {
      ...example('business-partner-profile'),
      owner: 'nobody.here',
      fields: { ...example('business-partner-profile').fields, opportunities: [{ kind: 'idea', id: 'no-such-idea' }] },
    });
    expect(res.status).toBe(400);
    const paths = ((await errorOf(res)).details ?? []).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.fields.opportunities.0.id', 'body.owner']));
  });

  it('keeps every save as a version, refuses a stale one with 409, diffs any two and restores', async () => {
    const card = await create(ana, example('business-case'));
    const edit = { ...example('business-case'), baseVersion: 1, title: 'Business case: self-service reporting', note: 'Sharper title' };
    delete (edit as { templateId?: string }).templateId;
    const v2 = await json<PracticeCard>(await send('PUT', `${CARDS}/${card.id}`, ben, edit));
    expect(v2).toMatchObject({ version: 2, updatedBy: 'Ben Okoro', title: 'Business case: self-service reporting' });

    // Ana still has version 1 open: her save is refused and changes nothing.
    const stale = await send('PUT', `${CARDS}/${card.id}`, ana, { ...edit, title: 'Ana was here' });
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).message).toMatch(/newer version of this card \(version 2, by Ben Okoro/);
    expect((await json<PracticeCard>(await call(`${CARDS}/${card.id}`, { token: ana }))).title).toBe(
      'Business case: self-service reporting',
    );

    // Two saves from the same version at once: exactly one wins.
    const racers = await Promise.all(
      ['First racer', 'Second racer'].map((title) => send('PUT', `${CARDS}/${card.id}`, ana, { ...edit, baseVersion: 2, title })),
    );
    expect(racers.map((r) => r.status).sort()).toEqual([200, 409]);

    const versions = await json<{ items: CardVersion[] }>(await call(`${CARDS}/${card.id}/versions`, { token: ana }));
    expect(versions.items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions.items[1]).toMatchObject({ by: 'Ben Okoro', note: 'Sharper title' });

    const diff = await json<CardDiff>(await call(`${CARDS}/${card.id}/diff?from=1&to=2`, { token: ana }));
    expect(diff.changes).toEqual([
      {
        path: 'title',
        label: 'Title',
        change: 'changed',
        before: example('business-case').title,
        after: 'Business case: self-service reporting',
      },
    ]);

    const restored = await json<PracticeCard>(await send('POST', `${CARDS}/${card.id}/restore`, ana, { version: 1, baseVersion: 3 }));
    expect(restored).toMatchObject({ version: 4, title: example('business-case').title });
    expect((await json<{ items: CardVersion[] }>(await call(`${CARDS}/${card.id}/versions`, { token: ana }))).items[0]?.note).toBe(
      'Restored version 1',
    );
    expect((await send('POST', `${CARDS}/${card.id}/restore`, ana, { version: 1, baseVersion: 3 })).status).toBe(409);
  });

  it('records nothing for a save that changes nothing: no version, no event, the same version', async () => {
    const card = await create(ana, example('business-case'));
    const eventsOf = async (type: string) =>
      (await env.DB.prepare('select count(*) as n from events where item_id = ? and type = ?').bind(card.id, type).first<{ n: number }>())
        ?.n;
    const versionsOf = async () => (await json<{ items: CardVersion[] }>(await call(`${CARDS}/${card.id}/versions`, { token: ana }))).items;
    // What the edit form sends back untouched: every property, the owner by handle, and a note.
    const same = {
      title: card.title,
      summary: card.summary,
      fields: card.fields,
      tags: [...card.tags].reverse(),
      maturityLevel: card.maturityLevel,
      owner: card.owner?.handle ?? null,
      reviewBy: card.reviewBy,
      visibility: card.visibility,
      unit: null,
      note: 'Nothing really',
      baseVersion: 1,
    };
    const res = await send('PUT', `${CARDS}/${card.id}`, ben, same);
    expect(res.status).toBe(200);
    const unchanged = await json<PracticeCard>(res);
    expect(unchanged).toMatchObject({ version: 1, updatedBy: 'Ana Cardoso', updatedAt: card.updatedAt, title: card.title });
    expect((await versionsOf()).map((v) => v.version)).toEqual([1]);
    expect(await eventsOf('card.updated')).toBe(0);

    // A real change still makes a version, and an event.
    const changed = await json<PracticeCard>(
      await send('PUT', `${CARDS}/${card.id}`, ben, { ...same, summary: `${card.summary} Now costed.` }),
    );
    expect(changed).toMatchObject({ version: 2, updatedBy: 'Ben Okoro' });
    expect((await versionsOf()).map((v) => v.version)).toEqual([2, 1]);
    expect(await eventsOf('card.updated')).toBe(1);

    // Restoring a version with the current content is no change either.
    await send('PUT', `${CARDS}/${card.id}`, ben, { ...same, baseVersion: 2 });
    expect((await versionsOf()).map((v) => v.version)).toEqual([3, 2, 1]);
    const restored = await json<PracticeCard>(await send('POST', `${CARDS}/${card.id}/restore`, ana, { version: 1, baseVersion: 3 }));
    expect(restored.version).toBe(3);
    expect(await eventsOf('card.updated')).toBe(2);
  });

  it('shows field-level changes inside lists', async () => {
    const card = await create(ana, example('stakeholder-map'));
    const fields = structuredClone(example('stakeholder-map').fields) as { stakeholders: { power: number }[] };
    const first = fields.stakeholders[0];
    if (!first) throw new Error('example has no stakeholder');
    first.power = first.power === 5 ? 1 : 5;
    await send('PUT', `${CARDS}/${card.id}`, ana, { title: card.title, fields, baseVersion: 1 });
    const diff = await json<CardDiff>(await call(`${CARDS}/${card.id}/diff?from=1&to=2`, { token: ana }));
    expect(diff.changes).toEqual([expect.objectContaining({ path: 'stakeholders.0.power', change: 'changed', after: first.power })]);
    const after = await json<PracticeCard>(await call(`${CARDS}/${card.id}`, { token: ana }));
    expect(after.derived['stakeholders.0.approach']).toEqual(expect.any(String));
  });
});

describe('search', () => {
  beforeAll(async () => {
    await seedOtherTenant();
    await env.DB.prepare(
      "insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at) values ('other-card', 'other-tenant', 'business-case', 1, 'Fabrikam business case for secret merger', '', '{}', '{}', 'business cases everywhere', '[]', 1, 's', 'x', 'x', 0)",
    ).run();
  });

  it('finds "business case" cards from "business cases", with a highlighted snippet, never another tenant\'s', async () => {
    const page = await json<Page<CardSummary>>(await call(`${CARDS}?q=${encodeURIComponent('business cases')}`, { token: ana }));
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.map((c) => c.id)).toContain(demoCardId('business-case'));
    expect(page.items.map((c) => c.id)).not.toContain('other-card');
    expect(page.items.some((c) => /<mark>business<\/mark>/i.test(c.snippet ?? ''))).toBe(true);
    expect(page.items.every((c) => !/<(?!\/?mark>)/.test(c.snippet ?? ''))).toBe(true);
  });

  it('escapes what it shows and takes any text without a 500', async () => {
    await create(ana, { ...example('business-case'), title: 'Costs <script>alert(1)</script> and benefits' });
    const page = await json<Page<CardSummary>>(await call(`${CARDS}?q=alert`, { token: ana }));
    expect(page.items[0]?.snippet).toContain('&lt;script&gt;');
    for (const q of ['"', 'NEAR(a b)', 'a* OR b', '-x', ')))', '💡', 'title:secret', '']) {
      const res = await call(`${CARDS}?q=${encodeURIComponent(q)}`, { token: ana });
      expect(res.status, q).toBe(200);
    }
  });

  it('filters by practice area, template, owner and freshness, and pages with a cursor', async () => {
    const byTemplate = await json<Page<CardSummary>>(await call(`${CARDS}?template=stakeholder-map`, { token: ana }));
    expect(byTemplate.items.every((c) => c.templateId === 'stakeholder-map')).toBe(true);
    const tag = EXAMPLE_CARDS['business-case']?.tags[0];
    const byTag = await json<Page<CardSummary>>(await call(`${CARDS}?tag=${tag}`, { token: ana }));
    expect(byTag.items.length).toBeGreaterThan(0);
    expect(byTag.items.every((c) => c.tags.includes(tag as never))).toBe(true);
    const meis = await json<Page<CardSummary>>(await call(`${CARDS}?owner=me`, { token: mei }));
    expect(meis.items.length).toBeGreaterThan(0);
    expect(meis.items.every((c) => c.owner?.name === 'Mei Chen')).toBe(true);
    const overdue = await json<Page<CardSummary>>(await call(`${CARDS}?freshness=overdue`, { token: ana }));
    expect(overdue.items.map((c) => c.freshness)).toEqual(overdue.items.map(() => 'overdue'));
    expect(overdue.items.length).toBeGreaterThan(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<CardSummary> = await json(
        await call(`${CARDS}?sort=title&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: ana }),
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // Every card Ana may read: those for everyone, and her own (the demo's Finance cards are its team's).
    const total = await env.DB.prepare(
      "select count(*) as n from cards c where tenant_id = 'demo-tenant' and (visibility = 'everyone' or exists (select 1 from users u where u.subject = 'cards-ana' and u.id in (c.owner_id, c.author_id)))",
    ).first<{ n: number }>();
    expect(seen.length).toBe(total?.n);
  });
});

describe('content health and usefulness', () => {
  it("puts overdue cards in their owner's review queue; verify moves the date; obsolete keeps them findable", async () => {
    const queue = await json<Page<CardSummary>>(await call(`${CARDS}/review-queue`, { token: mei }));
    expect(queue.items[0]?.freshness).toBe('overdue');
    const id = queue.items[0]?.id as string;
    expect((await send('POST', `${CARDS}/${id}/verify`, ben, {})).status).toBe(403);
    const verified = await json<PracticeCard>(await send('POST', `${CARDS}/${id}/verify`, mei, {}));
    expect(verified).toMatchObject({ freshness: 'current' });
    expect(verified.lastVerifiedAt).not.toBeNull();
    expect((await json<Page<CardSummary>>(await call(`${CARDS}/review-queue`, { token: mei }))).items.map((c) => c.id)).not.toContain(id);

    expect((await send('PUT', `${CARDS}/${id}/obsolete`, mei, { reason: '' })).status).toBe(400);
    const obsolete = await json<PracticeCard>(
      await send('PUT', `${CARDS}/${id}/obsolete`, mei, { reason: 'Replaced by the 2027 playbook' }),
    );
    expect(obsolete).toMatchObject({ freshness: 'obsolete', obsolete: { reason: 'Replaced by the 2027 playbook', by: 'Mei Chen' } });
    const found = await json<Page<CardSummary>>(await call(`${CARDS}?freshness=obsolete`, { token: ana }));
    expect(found.items.map((c) => c.id)).toContain(id);
    expect((await json<PracticeCard>(await send('DELETE', `${CARDS}/${id}/obsolete`, mei))).obsolete).toBeNull();
  });

  it('counts "this helped me" once per reader, and views; sorts by them', async () => {
    const id = demoCardId('value-realization-plan');
    await send('PUT', `${CARDS}/${id}/helped`, ana);
    const twice = await json<PracticeCard>(await send('PUT', `${CARDS}/${id}/helped`, ana));
    expect(twice).toMatchObject({ helpedCount: 1, helpedByMe: true });
    expect((await json<PracticeCard>(await send('PUT', `${CARDS}/${id}/helped`, ben))).helpedCount).toBe(2);
    expect((await json<PracticeCard>(await send('DELETE', `${CARDS}/${id}/helped`, ben))).helpedCount).toBe(1);
    for (let i = 0; i < 3; i++) expect((await send('POST', `${CARDS}/${id}/views`, ana)).status).toBe(204);
    expect((await json<PracticeCard>(await call(`${CARDS}/${id}`, { token: ana }))).viewCount).toBe(3);
    const helpful = await json<Page<CardSummary>>(await call(`${CARDS}?sort=helpful`, { token: ana }));
    expect(helpful.items[0]?.id).toBe(id);
  });

  it('lists practice areas with their owners, and those nobody owns', async () => {
    const { items } = await json<{ items: PracticeAreaSummary[] }>(await call(`${DEMO}/practice-areas`, { token: ana }));
    expect(items).toHaveLength(8);
    const withCards = items.filter((a) => a.cardCount > 0);
    expect(withCards.length).toBeGreaterThan(0);
    expect(withCards.some((a) => a.owners.some((o) => o.name === 'Mei Chen'))).toBe(true);
    expect(items.some((a) => a.owners.length === 0)).toBe(true);
  });
});

describe('who may do what', () => {
  it('lets anyone edit, but only the owner or a moderator hand a card over; restricted people cannot write', async () => {
    // Without a unit, a stakeholder map is private unless its author says otherwise.
    const card = await create(ana, { ...example('stakeholder-map'), visibility: 'everyone' });
    const base = { title: card.title, fields: card.fields };
    const grab = await send('PUT', `${CARDS}/${card.id}`, ben, { ...base, baseVersion: 1, owner: 'ben.okoro' });
    expect(grab.status).toBe(403);
    expect((await errorOf(grab)).details?.[0]?.path).toBe('body.owner');
    expect((await send('PUT', `${CARDS}/${card.id}`, ben, { ...base, baseVersion: 1, summary: 'Clearer' })).status).toBe(200);
    const handed = await json<PracticeCard>(await send('PUT', `${CARDS}/${card.id}`, mei, { ...base, baseVersion: 2, owner: 'ben.okoro' }));
    expect(handed.owner?.name).toBe('Ben Okoro');

    const benId = (await env.DB.prepare("select id from users where subject = 'cards-ben'").first<{ id: string }>())?.id;
    await env.DB.prepare('update users set restricted_until = ?, restriction_reason = ? where id = ?')
      .bind(Date.now() + 3_600_000, 'Cool down', benId)
      .run();
    const blocked = await send('PUT', `${CARDS}/${card.id}`, ben, { ...base, baseVersion: 3, summary: 'Again' });
    expect(blocked.status).toBe(403);
    expect((await errorOf(blocked)).message).toMatch(/paused your posting/);
    await env.DB.prepare('update users set restricted_until = null where id = ?').bind(benId).run();
  });

  it('restores content but keeps the owner and the verified review date', async () => {
    const card = await create(mei, example('business-case'));
    await send('PUT', `${CARDS}/${card.id}`, mei, { title: 'Renamed', fields: card.fields, baseVersion: 1 });
    const verified = await json<PracticeCard>(await send('POST', `${CARDS}/${card.id}/verify`, mei, { reviewBy: '2031-01-31' }));
    const restored = await json<PracticeCard>(await send('POST', `${CARDS}/${card.id}/restore`, ana, { version: 1, baseVersion: 2 }));
    expect(restored).toMatchObject({ title: card.title, reviewBy: '2031-01-31', owner: verified.owner });
  });

  it('counts views of signed-in readers only', async () => {
    expect((await call(`${CARDS}/${demoCardId('stakeholder-map')}/views`, { method: 'POST' })).status).toBe(401);
  });
});

describe('links and export', () => {
  it('seeds the demo cards with their links', async () => {
    const citing = await json<Page<CardSummary>>(await call(`${CARDS}?cites=idea:demo-idea-invoice`, { token: ana }));
    expect(citing.items.map((c) => c.id)).toContain(demoCardId('business-partner-profile'));
  });

  it('lists what a card cites and what cites it, both ways', async () => {
    const target = await create(ana, example('business-case'));
    const profile = await create(ana, {
      ...example('business-partner-profile'),
      fields: { ...example('business-partner-profile').fields, opportunities: [{ kind: 'idea', id: 'demo-idea-invoice' }] },
    });
    const plan = await create(ana, {
      ...example('value-realization-plan'),
      fields: { ...example('value-realization-plan').fields, initiative: { kind: 'card', id: target.id } },
    });
    const links = await json<CardLinks>(await call(`${CARDS}/${profile.id}/links`, { token: ana }));
    expect(links.ideas).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'demo-idea-invoice', direction: 'cites' })]));
    const back = await json<CardLinks>(await call(`${CARDS}/${target.id}/links`, { token: ana }));
    expect(back.cards.filter((c) => c.direction === 'cited-by')).toEqual([{ id: plan.id, title: plan.title, direction: 'cited-by' }]);
    const unrelated = await create(ana, example('stakeholder-map'));
    const citing = await json<Page<CardSummary>>(await call(`${CARDS}?cites=idea:demo-idea-invoice&limit=100`, { token: ana }));
    expect(citing.items.map((c) => c.id)).toContain(profile.id);
    expect(citing.items.map((c) => c.id)).not.toContain(unrelated.id);
  });

  it('exports Markdown and JSON', async () => {
    const id = demoCardId('business-case');
    const md = await call(`${CARDS}/${id}/export?format=markdown`, { token: ana });
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await md.text();
    expect(text.startsWith(`# ${EXAMPLE_CARDS['business-case']?.title}`)).toBe(true);
    expect(text).toMatch(/\n## Executive summary\n/);
    const data = await json<{ card: PracticeCard; template: CardTemplate }>(
      await call(`${CARDS}/${id}/export?format=json`, { token: ana }),
    );
    expect(data.card.id).toBe(id);
    expect(data.template.id).toBe('business-case');
  });

  it("keeps tenants apart: another tenant's card is a 404", async () => {
    expect((await call(`${CARDS}/other-card`, { token: ana })).status).toBe(404);
    expect((await call(`${ORIGIN}/v1/tenants/demo/cards/other-card/versions`, { token: ana })).status).toBe(404);
  });
});
