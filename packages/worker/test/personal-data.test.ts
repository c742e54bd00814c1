/**
 * A person's own data: their export holds everything of theirs and nobody else's private data;
 * erasure leaves no personal field behind — checked in every table the schema declares (a new
 * table fails here until it is classified) and in every other table D1 holds — while their
 * content stays under "removed person", every count stays what it was, and other people and
 * other tenants are untouched.
 */
import { env } from 'cloudflare:workers';
import type { AuditEntry, Comment, Idea, NewApiKey, PersonalExport, PersonErasure, PracticeCard } from '@bridgekit/sdk';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import * as schema from '../src/db/schema.ts';
import { DEMO_THREAD, demoCardId } from '../src/dev/demo-data.ts';
import { demoUnitId } from '../src/dev/demo-units.ts';
import { admin, call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

const ADA = { sub: 'sub-7q3v-ada', name: 'Ada Erasable', email: 'ada.private@erase.example', bu: 'Treasury Ops' };
const ADA_HANDLE = 'ada.erasable';
const BO = { sub: 'sub-7q3v-bo', name: 'Bo Keeper', email: 'bo.private@keep.example', bu: 'Legal' };
/** What must be nowhere after Ada's erasure (compared case-insensitively). */
const ADA_TRACES = [ADA.name, ADA.email, ADA.sub, ADA_HANDLE, ADA.bu];

const ada = () => token({ sub: ADA.sub, name: ADA.name, email: ADA.email, bu: ADA.bu, extra: { roles: ['Bridgekit.Admin'] } });
const bo = () => token({ sub: BO.sub, name: BO.name, email: BO.email, bu: BO.bu });

async function send<T = unknown>(method: string, path: string, t: string, body?: unknown, status = 200): Promise<T> {
  const res = await call(`${DEMO}${path}`, { method, token: t, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(status);
  return res.status === 204 ? (undefined as T) : json<T>(res);
}

/**
 * How erasure treats each table of the schema. The test fails when schema.ts has a table this
 * list does not name: decide what erasure does with it, then add it here (and to docs/privacy.md).
 */
const CLASSIFIED: Record<string, string> = {
  tenants: 'no personal data',
  tenant_origins: 'no personal data',
  oidc_providers: 'no personal data',
  embed_keys: 'no personal data',
  api_keys: 'created_by: the subject becomes the erased one',
  user_roles: 'their grant goes; granted_by becomes the erased subject',
  users: 'the row stays for their content: name "removed person", no e-mail, business unit (claim or unit) or handle, new subject',
  boards: 'no personal data',
  board_criteria: 'no personal data',
  ideas: 'kept; status_changed_by renamed; proxy ideas kept',
  idea_revisions: 'by_subject/by_name replaced',
  votes: 'kept as rows of the erased person: totals unchanged',
  idea_scores: 'evaluator becomes the erased subject',
  idea_status_changes: 'changed_by_subject/name replaced',
  threads: 'kept',
  comments: 'kept; @mentions of them made plain words',
  comment_revisions: 'editor_name replaced; @mentions made plain words',
  comment_reactions: 'kept: counts unchanged',
  comment_flags: 'kept: counts unchanged',
  comment_mentions: 'their rows go',
  moderation_log: 'actor replaced; an erase entry naming the id only',
  config_log: 'actor replaced; roles granted to them and their unit point at the erased subject; their handle in teams replaced',
  card_templates: 'no personal data',
  cards: 'kept; created_by/updated_by/obsolete_by renamed; owner cleared; person fields unnamed',
  card_edits: 'by_subject/by_name replaced; person fields unnamed',
  card_versions: 'by_subject/by_name replaced; person fields unnamed',
  card_helped: 'kept: counts unchanged',
  card_links: 'no personal data',
  subscriptions: 'theirs go',
  events: 'kept (actor by id); their name, handle and e-mail in data replaced',
  notifications: 'theirs go',
  notification_settings: 'theirs go',
  webhooks: 'no personal data',
  webhook_deliveries: 'no personal data',
  business_units: 'no personal data',
  business_unit_aliases: 'no personal data',
  business_unit_people: "their places on units' teams go",
  idea_units: 'no personal data',
  health_rounds: 'kept; created_by points at the renamed row',
  health_invitations: 'kept as rows of the erased person: response counts unchanged',
  health_answers: 'kept, as votes are: results never attribute a score or comment',
  unit_objectives: 'no personal data',
  objective_links: 'no personal data',
  intake_decisions: 'kept; decider_id and created_by point at the renamed row; the note stays, as status-change reasons do',
  value_benefits: 'kept; owner_id cleared (the unit team names the next owner)',
  value_actuals: 'kept; recorded_by points at the renamed row; the note stays',
  unit_rollups: 'no personal data: counts per unit and month',
  rollup_runs: 'no personal data',
  idempotency_keys: 'theirs go (answers to their retried writes, kept a day)',
  cache_versions: 'no personal data',
};

/** Every row of every table D1 holds (FTS tables and their shadow tables included), but the other tenant's. */
async function allRows(): Promise<{ table: string; row: Record<string, unknown> }[]> {
  const tables = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not like 'd1_%'",
  ).all<{ name: string }>();
  const rows: { table: string; row: Record<string, unknown> }[] = [];
  for (const { name } of tables.results) {
    const result = await env.DB.prepare(`select * from "${name}"`).all<Record<string, unknown>>();
    for (const row of result.results) if (row.tenant_id !== 'other-tenant' && row.id !== 'other-tenant') rows.push({ table: name, row });
  }
  return rows;
}

function tracesIn(rows: { table: string; row: Record<string, unknown> }[], traces: string[]): string[] {
  const found: string[] = [];
  for (const { table, row } of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== 'string') continue;
      for (const trace of traces) if (value.toLowerCase().includes(trace.toLowerCase())) found.push(`${table}.${column} holds "${trace}"`);
    }
  }
  return found;
}

const one = async <T>(query: string, ...params: unknown[]) =>
  (await env.DB.prepare(query)
    .bind(...params)
    .first<T>()) as T;

describe("a person's export and erasure", () => {
  const ids: Record<string, string> = {};
  let adaId = '';
  let before: Record<string, unknown> = {};

  beforeAll(async () => {
    await seedOtherTenant();
    await useTestRoleClaims();
    // Bo first, so Ada can mention him; Ada then, so Bo can mention her.
    ids.boComment = (await send<Comment>('POST', '/threads/comments', await bo(), { key: DEMO_THREAD.key, body: 'Bo opens' }, 201)).id;
    ids.idea = (await send<Idea>('POST', '/boards/general/ideas', await ada(), { title: 'Ada wants faster close' }, 201)).id;
    await send('PATCH', `/ideas/${ids.idea}`, await ada(), { title: 'Ada wants a faster month-end close' });
    await send('PUT', `/ideas/${ids.idea}/status`, await ada(), { status: 'planned' });
    await send('PUT', '/ideas/demo-idea-sso/vote', await ada(), { votes: 1 });
    await send('PUT', '/ideas/demo-idea-invoice/score', await ada(), {
      scores: {
        impact: 4,
        financial: 2,
        strategic_alignment: 3,
        size: 'M',
        new_technology: false,
        third_party: false,
        ways_of_working: false,
      },
    });
    ids.adaComment = (
      await send<Comment>('POST', '/threads/comments', await ada(), { key: DEMO_THREAD.key, body: 'Ada thanks @bo.keeper' }, 201)
    ).id;
    await send('PATCH', `/comments/${ids.adaComment}`, await ada(), { body: 'Ada thanks @bo.keeper, again' });
    ids.mention = (
      await send<Comment>('POST', '/threads/comments', await bo(), { key: DEMO_THREAD.key, body: 'Agreed with @Ada.Erasable here' }, 201)
    ).id;
    await send('PATCH', `/comments/${ids.mention}`, await bo(), { body: 'Agreed with @ada.erasable, and `code`' });
    await send('PUT', `/comments/${ids.boComment}/reactions/like`, await ada());
    await send('POST', '/comments/demo-comment-1/flags', await ada(), { reason: 'spam' });
    await send('POST', `/comments/${ids.boComment}/moderation`, await ada(), { action: 'reject', reason: 'Duplicate' });
    const card = await send<PracticeCard>(
      'POST',
      '/cards',
      await ada(),
      { templateId: 'practice', title: 'Ada’s close lessons', fields: EXAMPLE_CARDS.practice?.fields ?? {} },
      201,
    );
    ids.card = card.id;
    await send('PUT', `/cards/${ids.card}`, await ada(), {
      title: 'Ada’s month-end lessons',
      fields: EXAMPLE_CARDS.practice?.fields ?? {},
      baseVersion: 1,
    });
    await send('PUT', `/cards/${ids.card}/obsolete`, await ada(), { reason: 'Superseded' });
    await send('PUT', `/cards/${demoCardId('business-case')}/helped`, await ada());
    // Bo's card names Ada as its sponsor, by her handle.
    const example = EXAMPLE_CARDS['business-case'];
    ids.boCard = (
      await send<PracticeCard>(
        'POST',
        '/cards',
        await bo(),
        {
          templateId: 'business-case',
          title: 'Bo’s case',
          fields: { ...example?.fields, sponsor: { name: ADA.name, handle: ADA_HANDLE, email: ADA.email } },
        },
        201,
      )
    ).id;
    await send('PUT', `/roles/${encodeURIComponent('sub-someone-else')}`, await ada(), { role: 'evaluator' });
    await send<NewApiKey>('POST', '/api-keys', await ada(), { name: 'Ada’s automation', scopes: ['read'] }, 201);
    expect((await admin(`${DEMO}/roles/${encodeURIComponent(ADA.sub)}`, 'PUT', { role: 'moderator' })).status).toBe(200);
    // Configuration changes that name her (the configuration log): a unit's team, her unit set by hand.
    const team = { businessPartners: [`@${ADA_HANDLE.toUpperCase()}`], relationshipManagers: [] };
    expect((await admin(`${DEMO}/units/sales/team`, 'PUT', team)).status).toBe(200);
    expect((await admin(`${DEMO}/people/${ADA_HANDLE}/unit`, 'PUT', { unit: 'sales' })).status).toBe(200);

    adaId = (await one<{ id: string }>('select id from users where subject = ?', ADA.sub)).id;
    const boId = (await one<{ id: string }>('select id from users where subject = ?', BO.sub)).id;
    // What notify-core's write paths and routes record, written here directly: a held card edit,
    // subscriptions, an event with her name in its data, notifications, e-mail settings.
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        `insert into card_edits (id, card_id, tenant_id, author_id, base_version, state, reason, content, by_name, by_subject, created_at)
         values ('edit-ada', ?, 'demo-tenant', ?, 2, 'pending', 'held.pre_moderation', ?, ?, ?, ?)`,
      ).bind(
        ids.boCard,
        adaId,
        JSON.stringify({ title: 'x', fields: { sponsor: { name: ADA.name, handle: ADA_HANDLE } } }),
        ADA.name,
        ADA.sub,
        now,
      ),
      env.DB.prepare(
        "insert or ignore into subscriptions (user_id, tenant_id, target, target_id, source, active, created_at) values (?, 'demo-tenant', 'idea', ?, 'author', 1, ?), (?, 'demo-tenant', 'idea', ?, 'voter', 1, ?)",
      ).bind(adaId, ids.idea, now, boId, ids.idea, now),
      env.DB.prepare(
        "insert into events (id, tenant_id, type, actor_id, item_kind, item_id, data, created_at) values ('ev-1', 'demo-tenant', 'comment.created', ?, 'comment', ?, ?, ?)",
      ).bind(boId, ids.mention, JSON.stringify({ snippet: `Agreed with @${ADA_HANDLE} — ${ADA.name}` }), now),
      env.DB.prepare(
        "insert into events (id, tenant_id, type, actor_id, item_kind, item_id, data, created_at) values ('ev-2', 'demo-tenant', 'idea.created', ?, 'idea', ?, '{}', ?)",
      ).bind(adaId, ids.idea, now),
      env.DB.prepare(
        "insert into notifications (id, tenant_id, user_id, event_id, reason, kind, created_at) values ('n-ada', 'demo-tenant', ?, 'ev-1', 'mention', 'mentions', ?), ('n-bo', 'demo-tenant', ?, 'ev-2', 'following', 'following', ?)",
      ).bind(adaId, now, boId, now),
      env.DB.prepare(
        `insert into notification_settings (user_id, tenant_id, email) values (?, 'demo-tenant', '{"mentions":"daily"}')`,
      ).bind(adaId),
      // A health round she was invited to and answered, an intake decision she took and one Bo
      // recorded, a benefit she owns with a measurement she recorded, and an idea she sponsors.
      env.DB.prepare(
        "insert into health_rounds (id, tenant_id, unit_id, title, items, created_at) values ('hr-ada', 'demo-tenant', ?, 'Finance, spring', '[]', ?)",
      ).bind(demoUnitId('finance'), now),
      env.DB.prepare(
        "insert into health_invitations (round_id, user_id, tenant_id, side, responded_at, created_at) values ('hr-ada', ?, 'demo-tenant', 'business', ?, ?)",
      ).bind(adaId, now, now),
      env.DB.prepare(
        "insert into health_answers (round_id, user_id, tenant_id, item_key, score, comment) values ('hr-ada', ?, 'demo-tenant', 'trust', 2, 'Slow answers on invoices'), ('hr-ada', ?, 'demo-tenant', 'communication', 4, null)",
      ).bind(adaId, adaId),
      env.DB.prepare(
        `insert into intake_decisions (id, tenant_id, idea_id, step, forum, decided_on, decider_id, note, created_by, created_at)
         values ('in-ada', 'demo-tenant', 'demo-idea-sso', 'qualified', 'Finance demand board', '2026-11-02', ?, 'Worth a case', ?, ?),
                ('in-bo', 'demo-tenant', 'demo-idea-sso', 'approved', 'Finance demand board', '2026-11-20', ?, null, ?, ?)`,
      ).bind(adaId, adaId, now, adaId, boId, now + 1),
      env.DB.prepare(
        `insert into value_benefits (id, tenant_id, card_id, title, measure, baseline, target, owner_id, benefit_class, created_at, updated_at)
         values ('vb-ada', 'demo-tenant', ?, 'Days to close', 'days', 9, 5, ?, 'hard', ?, ?)`,
      ).bind(ids.boCard, adaId, now, now),
      env.DB.prepare(
        "insert into value_actuals (id, tenant_id, benefit_id, measured_on, value, note, recorded_by, created_at) values ('va-ada', 'demo-tenant', 'vb-ada', '2026-12-01', 7, 'First month', ?, ?)",
      ).bind(adaId, now),
      env.DB.prepare("update ideas set sponsor_id = ? where id = 'demo-idea-invoice'").bind(adaId),
      // The same subject, e-mail and name in the other tenant: another person, untouched.
      env.DB.prepare(
        "insert into users (id, tenant_id, subject, name, email, handle, created_at, last_seen_at) values ('other-ada', 'other-tenant', ?, ?, ?, ?, ?, ?)",
      ).bind(ADA.sub, ADA.name, ADA.email, ADA_HANDLE, now, now),
    ]);
    before = {
      sso: await one('select vote_count, supporter_count, trend_score from ideas where id = ?', 'demo-idea-sso'),
      reactions: await one('select like_count, reaction_count from comments where id = ?', ids.boComment),
      flags: await one('select count(*) as n from comment_flags where comment_id = ?', 'demo-comment-1'),
      helped: await one('select helped_count from cards where id = ?', demoCardId('business-case')),
      bo: await one('select id, subject, name, email, handle, business_unit from users where id = ?', boId),
    };
  }, 60_000);

  it('exports everything of theirs, the same to them and to an admin, and no other person’s private data', async () => {
    const mine = await send<PersonalExport>('GET', '/me/export', await ada());
    expect(mine).toMatchObject({ format: 'bridgekit.personal-export', version: 1, truncated: [], tenant: { slug: 'demo' } });
    expect(mine.person).toMatchObject({
      id: adaId,
      subject: ADA.sub,
      name: ADA.name,
      email: ADA.email,
      handle: ADA_HANDLE,
      grantedRole: 'moderator',
    });
    expect(mine.ideas.filter((i) => i.role !== 'sponsor').map((i) => [i.id, i.title, i.role])).toEqual([
      [ids.idea, 'Ada wants a faster month-end close', 'author'],
    ]);
    expect(mine.ideaRevisions.map((r) => r.title)).toEqual(['Ada wants faster close']);
    // Her own idea, which she backs as its author, and the one she backed.
    expect(mine.votes.map((v) => v.idea).sort()).toEqual([ids.idea, 'demo-idea-sso'].sort());
    expect(mine.scores.length).toBeGreaterThan(0);
    expect(mine.statusChanges.map((c) => c.to)).toEqual(['planned']);
    expect(mine.comments.map((c) => c.id)).toEqual([ids.adaComment]);
    expect(mine.commentRevisions.map((r) => r.body)).toEqual(['Ada thanks @bo.keeper']);
    expect(mine.reactions).toMatchObject([{ comment: ids.boComment, reaction: 'like' }]);
    expect(mine.flags).toMatchObject([{ comment: 'demo-comment-1', reason: 'spam' }]);
    expect(mine.mentions).toEqual([{ comment: ids.mention }]);
    expect(mine.cards).toMatchObject([{ id: ids.card, roles: ['author', 'owner'], version: 2 }]);
    expect(mine.cardVersions.map((v) => v.version)).toEqual([1, 2]);
    expect(mine.cardEdits).toMatchObject([{ card: ids.boCard, state: 'pending' }]);
    expect(mine.helped).toMatchObject([{ card: demoCardId('business-case') }]);
    expect(mine.subscriptions).toContainEqual(expect.objectContaining({ target: 'idea', id: ids.idea, source: 'author', active: true }));
    expect(mine.notificationSettings).toEqual({ email: { mentions: 'daily' } });
    expect(mine.notifications).toContainEqual(expect.objectContaining({ id: 'n-ada', event: 'comment.created', reason: 'mention' }));
    expect(mine.moderationActions).toMatchObject([{ action: 'reject', target: { type: 'comment', id: ids.boComment } }]);
    // Her changes as an admin; the role she granted names nobody (other people appear by id only).
    expect(mine.configChanges).toEqual([
      { action: 'role.granted', target: null, changes: { role: { to: 'evaluator' } }, createdAt: expect.any(String) },
      {
        action: 'api_key.created',
        target: expect.any(String),
        changes: expect.objectContaining({ name: { to: 'Ada’s automation' } }),
        createdAt: expect.any(String),
      },
    ]);
    expect(mine.healthInvitations).toMatchObject([{ round: 'hr-ada', title: 'Finance, spring', unit: 'finance', side: 'business' }]);
    expect(mine.healthAnswers).toEqual([
      { round: 'hr-ada', title: 'Finance, spring', item: 'communication', score: 4, comment: null },
      { round: 'hr-ada', title: 'Finance, spring', item: 'trust', score: 2, comment: 'Slow answers on invoices' },
    ]);
    expect(mine.intakeDecisions).toMatchObject([
      { idea: 'demo-idea-sso', step: 'qualified', forum: 'Finance demand board', note: 'Worth a case', roles: ['decider', 'recorder'] },
      { idea: 'demo-idea-sso', step: 'approved', roles: ['decider'] },
    ]);
    expect(mine.valueBenefits).toMatchObject([{ id: 'vb-ada', card: ids.boCard, title: 'Days to close', baseline: 9, target: 5 }]);
    expect(mine.valueActuals).toMatchObject([{ benefit: 'vb-ada', measuredOn: '2026-12-01', value: 7, note: 'First month' }]);
    expect(mine.ideas.find((i) => i.id === 'demo-idea-invoice')?.role).toBe('sponsor');
    const text = JSON.stringify(mine);
    for (const other of [BO.email, BO.sub, 'n-bo', 'sub-someone-else']) expect(text).not.toContain(other);

    const byAdmin = await json<PersonalExport>(await admin(`${DEMO}/people/${encodeURIComponent(ADA.sub)}/export`));
    expect({ ...byAdmin, exportedAt: '' }).toEqual({ ...mine, exportedAt: '' });
    expect((await json<PersonalExport>(await admin(`${DEMO}/people/${adaId}/export`))).person.id).toBe(adaId);
  });

  it('refuses others’ exports to members, and exports without a person to keys and nobody', async () => {
    const res = await call(`${DEMO}/people/${adaId}/export`, { token: await bo() });
    expect(res.status).toBe(403);
    const key = await json<NewApiKey>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Reader', scopes: ['admin'] }));
    const keyed = await call(`${DEMO}/me/export`, { token: key.key });
    expect(keyed.status).toBe(403);
    expect((await errorOf(keyed)).reason).toBe('forbidden.not_a_person');
    expect((await call(`${DEMO}/me/export`)).status).toBe(401);
    expect((await admin(`${DEMO}/people/nobody-here/export`)).status).toBe(404);
    // Someone who never wrote: what their token says, and nothing else.
    const fresh = await send<PersonalExport>('GET', '/me/export', await token({ sub: 'sub-fresh', name: 'Fresh Face' }));
    expect(fresh.person).toMatchObject({ id: null, subject: 'sub-fresh', name: 'Fresh Face' });
    expect(fresh.ideas).toEqual([]);
  });

  it('erases: no personal field left in any table, content kept as "removed person", counts unchanged, others untouched', async () => {
    const declared = Object.values(schema as Record<string, unknown>)
      .filter((value): value is SQLiteTable => is(value, SQLiteTable))
      .map((table) => getTableName(table))
      .sort();
    expect(declared, 'every table of schema.ts is classified for erasure').toEqual(Object.keys(CLASSIFIED).sort());
    expect(tracesIn(await allRows(), ADA_TRACES).length, 'the seed put her data in place').toBeGreaterThan(10);

    const bad = await admin(`${DEMO}/people/${adaId}/erase`, 'POST', {});
    expect(bad.status).toBe(400);
    const erased = await json<PersonErasure>(await admin(`${DEMO}/people/${adaId}/erase`, 'POST', { confirm: true }));
    expect(erased).toMatchObject({ id: adaId, erasedNow: true, kept: { ideas: 1, comments: 1, cards: 1, votes: 2 } });

    const rows = await allRows();
    expect(tracesIn(rows, ADA_TRACES)).toEqual([]);
    // Every table the schema declares was walked (those with rows), not only some.
    const walked = new Set(rows.map((r) => r.table));
    for (const table of [
      'users',
      'ideas',
      'idea_revisions',
      'idea_status_changes',
      'comments',
      'comment_revisions',
      'cards',
      'card_versions',
      'card_edits',
      'moderation_log',
      'config_log',
      'events',
    ]) {
      expect(walked.has(table), table).toBe(true);
    }

    const row = await one<Record<string, unknown>>('select * from users where id = ?', adaId);
    expect(row).toMatchObject({ name: 'removed person', email: null, business_unit: null, handle: null, kind: 'erased' });
    expect(String(row.subject)).toMatch(/^erased\|/);
    expect(row.erased_at).toBeTypeOf('number');

    // Content kept, attributed to "removed person".
    const idea = await send<Idea>('GET', `/ideas/${ids.idea}`, await bo());
    expect(idea.title).toBe('Ada wants a faster month-end close');
    expect(idea.author.name).toBe('removed person');
    expect(await one('select author_id from comments where id = ?', ids.adaComment)).toEqual({ author_id: adaId });
    expect(await one('select author_id, owner_id, created_by, updated_by, obsolete_by from cards where id = ?', ids.card)).toEqual({
      author_id: adaId,
      owner_id: null,
      created_by: 'removed person',
      updated_by: 'removed person',
      obsolete_by: 'removed person',
    });
    // Decisions and measurements stay hers, under "removed person"; what she was responsible for has no one now.
    expect(await one("select decider_id, created_by, note from intake_decisions where id = 'in-ada'")).toEqual({
      decider_id: adaId,
      created_by: adaId,
      note: 'Worth a case',
    });
    expect(await one("select recorded_by from value_actuals where id = 'va-ada'")).toEqual({ recorded_by: adaId });
    expect(await one("select owner_id from value_benefits where id = 'vb-ada'")).toEqual({ owner_id: null });
    expect(await one("select sponsor_id from ideas where id = 'demo-idea-invoice'")).toEqual({ sponsor_id: null });
    expect(await one("select count(*) as n from health_answers where round_id = 'hr-ada'")).toEqual({ n: 2 });
    // Counts: exactly as before.
    expect(await one('select vote_count, supporter_count, trend_score from ideas where id = ?', 'demo-idea-sso')).toEqual(before.sso);
    expect(await one('select like_count, reaction_count from comments where id = ?', ids.boComment)).toEqual(before.reactions);
    expect(await one('select count(*) as n from comment_flags where comment_id = ?', 'demo-comment-1')).toEqual(before.flags);
    expect(await one('select helped_count from cards where id = ?', demoCardId('business-case'))).toEqual(before.helped);
    // Her mention in Bo's comment is plain words now; Bo's mention in hers still links him.
    const mention = await one<{ body: string; html: string }>('select body, html from comments where id = ?', ids.mention);
    expect(mention.body).toBe('Agreed with removed person, and `code`');
    expect(mention.html).not.toContain('bk-mention');
    expect(mention.html).toContain('removed person');
    const hers = await one<{ html: string }>('select html from comments where id = ?', ids.adaComment);
    expect(hers.html).toContain('data-handle="bo.keeper"');
    expect(await one('select count(*) as n from comment_mentions where comment_id = ?', ids.adaComment)).toEqual({ n: 1 });
    // What only served her is gone; Bo's is not.
    for (const table of ['subscriptions', 'notifications', 'notification_settings', 'comment_mentions']) {
      expect(await one(`select count(*) as n from ${table} where user_id = ?`, adaId), table).toEqual({ n: 0 });
    }
    expect(await one("select count(*) as n from notifications where id = 'n-bo'")).toEqual({ n: 1 });
    expect(await one('select count(*) as n from subscriptions where user_id = ?', (before.bo as { id: string }).id)).not.toEqual({ n: 0 });
    expect(
      await one('select id, subject, name, email, handle, business_unit from users where id = ?', (before.bo as { id: string }).id),
    ).toEqual(before.bo);
    // The grant she made stays; the other tenant's namesake is untouched.
    expect(await one("select role from user_roles where subject = 'sub-someone-else'")).toEqual({ role: 'evaluator' });
    expect(await one("select subject, name, email, handle from users where id = 'other-ada'")).toEqual({
      subject: ADA.sub,
      name: ADA.name,
      email: ADA.email,
      handle: ADA_HANDLE,
    });
    // The audit log says who erased whom, by id only.
    const log = await json<{ items: AuditEntry[] }>(await admin(`${DEMO}/moderation/audit-log`));
    expect(log.items[0]).toMatchObject({ action: 'erase', target: { type: 'user', id: adaId }, reason: null });

    // Again: nothing changes.
    const again = await json<PersonErasure>(await admin(`${DEMO}/people/${adaId}/erase`, 'POST', { confirm: true }));
    expect(again).toMatchObject({ id: adaId, erasedNow: false, erasedAt: erased.erasedAt });
    expect(await allRows()).toEqual(rows);

    // The same identity signing in again is a new person, with none of the old content.
    const comeback = await send<Comment>('POST', '/threads/comments', await ada(), { key: DEMO_THREAD.key, body: 'Back again' }, 201);
    const newRow = await one<{ id: string; name: string }>(
      'select u.id, u.name from comments c join users u on u.id = c.author_id where c.id = ?',
      comeback.id,
    );
    expect(newRow.id).not.toBe(adaId);
    expect(newRow.name).toBe(ADA.name);
    expect((await send<PersonalExport>('GET', '/me/export', await ada())).ideas).toEqual([]);
  }, 30_000);

  it('lets a person erase themselves, with a confirmation, and not an API key', async () => {
    const res = await call(`${DEMO}/me/erase`, { method: 'POST', token: await bo(), body: JSON.stringify({ confirm: false }) });
    expect(res.status).toBe(400);
    const key = await json<NewApiKey>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Eraser', scopes: ['admin'] }));
    const keyed = await call(`${DEMO}/me/erase`, { method: 'POST', token: key.key, body: JSON.stringify({ confirm: true }) });
    expect((await errorOf(keyed)).reason).toBe('forbidden.not_a_person');
    const member = await call(`${DEMO}/people/${(before.bo as { id: string }).id}/erase`, {
      method: 'POST',
      token: await token({ sub: 'sub-member' }),
      body: JSON.stringify({ confirm: true }),
    });
    expect(member.status).toBe(403);

    const erased = await send<PersonErasure>('POST', '/me/erase', await bo(), { confirm: true });
    expect(erased).toMatchObject({ id: (before.bo as { id: string }).id, erasedNow: true });
    expect(tracesIn(await allRows(), [BO.name, BO.email, BO.sub, 'bo.keeper'])).toEqual([]);
    // His own audit entry names nobody.
    const log = await json<{ items: AuditEntry[] }>(await admin(`${DEMO}/moderation/audit-log`));
    expect(log.items[0]).toMatchObject({ action: 'erase', actor: { name: 'removed person' } });
    expect(log.items[0]?.actor.subject).toMatch(/^erased\|/);
  });

  it('does not reach across tenants', async () => {
    const other = await call(`${ORIGIN}/v1/tenants/other/people/other-ada/erase`, {
      method: 'POST',
      token: await ada(),
      body: JSON.stringify({ confirm: true }),
    });
    expect([401, 403]).toContain(other.status);
    expect((await admin(`${DEMO}/people/other-ada/erase`, 'POST', { confirm: true })).status).toBe(404);
    expect(await one("select name from users where id = 'other-ada'")).toEqual({ name: ADA.name });
  });
});
