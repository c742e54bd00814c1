/**
 * A save of a card the isolate saved before is written in one round trip from what the isolate
 * knows (store/cards.ts `guessedSave`), guarded by all of it: when the card, the saver or what
 * the fields name changed since, the guessed writes write nothing and the save is answered as
 * one that reads first — refused as it would be, or saved from what it read. A card of a tenant's
 * template is guessed too, once a save read the template, while the tenant's templates are as read.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { PracticeCard } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { forgetKnownCards } from '../src/store/cards.ts';
import { countingD1 } from './counting-d1.ts';
import { admin, call, DEMO, errorOf, json, token } from './helpers.ts';

let owner: string;
let other: string;
beforeAll(async () => {
  [owner, other] = await Promise.all([token({ sub: 'guess-owner', name: 'Gia Owner' }), token({ sub: 'guess-other', name: 'Otto Other' })]);
});

const db = () => versioned(env.DB, DEMO_TENANT.id);

async function newCard(title: string): Promise<PracticeCard> {
  const res = await call(`${DEMO}/cards`, {
    method: 'POST',
    token: owner,
    body: JSON.stringify({ templateId: 'practice', title, fields: EXAMPLE_CARDS.practice?.fields }),
  });
  expect(res.status).toBe(201);
  return json<PracticeCard>(res);
}

const save = (t: string, card: PracticeCard, baseVersion: number, summary: string) =>
  call(`${DEMO}/cards/${card.id}`, {
    method: 'PUT',
    token: t,
    body: JSON.stringify({ title: card.title, fields: card.fields, summary, baseVersion }),
  });

const stored = async (id: string) =>
  env.DB.prepare('select version, summary from cards where tenant_id = ? and id = ?').bind(DEMO_TENANT.id, id).first();

describe('a save the isolate guesses', () => {
  it('is refused, and writes nothing, once the saver is paused', async () => {
    const card = await newCard('Guess test: paused saver');
    expect((await save(other, card, 1, 'First')).status).toBe(200);
    await db()
      .prepare('update users set restricted_until = ? where tenant_id = ? and subject = ?')
      .bind(Date.now() + 3_600_000, DEMO_TENANT.id, 'guess-other')
      .run();
    try {
      const res = await save(other, card, 2, 'While paused');
      expect(res.status).toBe(403);
      expect(await stored(card.id)).toEqual({ version: 2, summary: 'First' });
    } finally {
      await db()
        .prepare('update users set restricted_until = null where tenant_id = ? and subject = ?')
        .bind(DEMO_TENANT.id, 'guess-other')
        .run();
    }
  });

  it('is not found once the owner made the card private, and writes nothing', async () => {
    const card = await newCard('Guess test: made private');
    expect((await save(other, card, 1, 'First')).status).toBe(200);
    await db().prepare("update cards set visibility = 'private' where tenant_id = ? and id = ?").bind(DEMO_TENANT.id, card.id).run();
    const res = await save(other, card, 2, 'After it was closed');
    expect(res.status).toBe(404);
    expect(await stored(card.id)).toEqual({ version: 2, summary: 'First' });
  });

  it('is refused when an idea it cites is no longer published, and writes nothing', async () => {
    const card = await newCard('Guess test: cited idea held');
    expect((await save(owner, card, 1, 'First')).status).toBe(200);
    await db()
      .prepare("update ideas set state = 'pending' where tenant_id = ? and id = 'demo-idea-spend-report'")
      .bind(DEMO_TENANT.id)
      .run();
    try {
      const res = await save(owner, card, 2, 'Citing a held idea');
      expect(res.status).toBe(400);
      expect((await errorOf(res)).reason).toBe('validation_failed.card_references');
      expect(await stored(card.id)).toEqual({ version: 2, summary: 'First' });
    } finally {
      await db()
        .prepare("update ideas set state = 'published' where tenant_id = ? and id = 'demo-idea-spend-report'")
        .bind(DEMO_TENANT.id)
        .run();
    }
  });

  it('is saved from what the save read when the card changed in a way the guess did not assume: a unit', async () => {
    const card = await newCard('Guess test: given a unit');
    expect((await save(owner, card, 1, 'First')).status).toBe(200);
    await db()
      .prepare(
        "update cards set unit_id = (select id from business_units where tenant_id = ? and key = 'finance') where tenant_id = ? and id = ?",
      )
      .bind(DEMO_TENANT.id, DEMO_TENANT.id, card.id)
      .run();
    const res = await save(owner, card, 2, 'About finance now');
    expect(res.status).toBe(200);
    expect(await json<PracticeCard>(res)).toMatchObject({ version: 3, summary: 'About finance now', unit: { key: 'finance' } });
    expect(await stored(card.id)).toEqual({ version: 3, summary: 'About finance now' });
  });
});

describe('a save the isolate guesses, of a card of a tenant template', () => {
  const TEMPLATE = { id: 'guess-review', name: 'Guess review', fields: [{ key: 'notes', label: 'Notes', type: 'text' }] };

  /** A save through the real Worker, counting its D1 round trips. */
  async function measuredSave(card: PracticeCard, baseVersion: number, notes: string) {
    const { db: counted, counts } = countingD1(env.DB);
    const ctx = createExecutionContext();
    const request = new Request(`${DEMO}/cards/${card.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: card.title, fields: { notes }, baseVersion }),
    });
    const res = await app.fetch(request, { ...env, DB: counted }, ctx);
    await waitOnExecutionContext(ctx);
    return { res, roundTrips: counts.roundTrips };
  }

  async function newReviewCard(title: string): Promise<PracticeCard> {
    const res = await call(`${DEMO}/cards`, {
      method: 'POST',
      token: owner,
      body: JSON.stringify({ templateId: TEMPLATE.id, title, fields: { notes: 'First notes' } }),
    });
    expect(res.status).toBe(201);
    return json<PracticeCard>(res);
  }

  beforeAll(async () => {
    expect((await admin(`${DEMO}/templates/${TEMPLATE.id}`, 'PUT', TEMPLATE)).status).toBe(200);
  });

  it('is one round trip once a save read its template', async () => {
    const card = await newReviewCard('Guess test: tenant template');
    forgetKnownCards();
    const first = await measuredSave(card, 1, 'Second notes');
    expect([first.res.status, first.roundTrips]).toEqual([200, 2]);
    const second = await measuredSave(card, 2, 'Third notes');
    expect([second.res.status, second.roundTrips]).toEqual([200, 1]);
    expect(await json<PracticeCard>(second.res)).toMatchObject({ version: 3, fields: { notes: 'Third notes' } });
  });

  it('is one round trip on the first save after the card was read (the read found its template)', async () => {
    const card = await newReviewCard('Guess test: read first');
    forgetKnownCards();
    expect((await call(`${DEMO}/cards/${card.id}`, { token: owner })).status).toBe(200);
    const first = await measuredSave(card, 1, 'Read, then saved');
    expect([first.res.status, first.roundTrips]).toEqual([200, 1]);
    expect(await stored(card.id)).toMatchObject({ version: 2 });
  });

  it('is checked against the template as it is now once the tenant changed it, and writes nothing it refuses', async () => {
    const card = await newReviewCard('Guess test: template changed');
    expect((await measuredSave(card, 1, 'Known now')).res.status).toBe(200);
    // Notes of at most five characters: the isolate's copy of the template would let the next save through.
    const stricter = { ...TEMPLATE, fields: [{ key: 'notes', label: 'Notes', type: 'text', maxLength: 5 }] };
    const put = await admin(`${DEMO}/templates/${TEMPLATE.id}`, 'PUT', stricter);
    expect(put.status, await put.clone().text()).toBe(200);
    try {
      const { res } = await measuredSave(card, 2, 'Far longer than five characters');
      expect(res.status).toBe(400);
      expect((await errorOf(res)).reason).toMatch(/^validation_failed\.card_fields/);
      expect(await stored(card.id)).toMatchObject({ version: 2 });
    } finally {
      expect((await admin(`${DEMO}/templates/${TEMPLATE.id}`, 'PUT', TEMPLATE)).status).toBe(200);
    }
  });
});
