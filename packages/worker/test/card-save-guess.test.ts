/**
 * A save of a card the isolate saved before is written in one round trip from what the isolate
 * knows (store/cards.ts `guessedSave`), guarded by all of it: when the card, the saver or what
 * the fields name changed since, the guessed writes write nothing and the save is answered as
 * one that reads first — refused as it would be, or saved from what it read.
 */
import { env } from 'cloudflare:workers';
import type { PracticeCard } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { call, DEMO, errorOf, json, token } from './helpers.ts';

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
