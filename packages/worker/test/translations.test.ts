/**
 * Texts people read that Bridgekit or a tenant defines come with their translations: the
 * built-in statuses, scoring criteria and templates in every shipped language, and a tenant's
 * own board names, status and criterion labels and templates as its admins give them, under
 * the same text rules as the English.
 */
import { env } from 'cloudflare:workers';
import type { Board, CardTemplate, FieldDef, FieldType, Scorecard } from '@bridgekit/sdk';
import { localize, TRANSLATION_LOCALES } from '@bridgekit/sdk/translations';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../src/cards/templates/index.ts';
import { PRESETS } from '../src/domain/scorecard.ts';
import { DEFAULT_STATUSES, MERGED_STATUS, WITHDRAWN_STATUS } from '../src/domain/statuses.ts';
import { admin, call, DEMO, errorOf, json } from './helpers.ts';

/** Every text of a template a reader sees, with where it is and its translations. */
function textsOf(template: CardTemplate) {
  const texts: { where: string; english: string; translated: (locale: string) => string | undefined }[] = [];
  const add = (
    where: string,
    english: string | undefined,
    translations: Record<string, Record<string, string | undefined> | undefined> | undefined,
    key: string,
  ) => {
    if (english !== undefined) texts.push({ where, english, translated: (locale) => translations?.[locale]?.[key] });
  };
  add(`${template.id} name`, template.name, template.translations, 'name');
  add(`${template.id} description`, template.description, template.translations, 'description');
  const type = (t: FieldType, where: string) => {
    if (t.type === 'enum') for (const o of t.options) add(`${where} option ${o.value}`, o.label, o.translations, 'label');
    if (t.type === 'list') type(t.of, where);
    if (t.type === 'record') fields(t.fields, where);
  };
  const fields = (defs: readonly FieldDef[], prefix: string) => {
    for (const def of defs) {
      const where = `${prefix}.${def.key}`;
      add(`${where} label`, def.label, def.translations, 'label');
      add(`${where} help`, def.help, def.translations, 'help');
      type(def, where);
    }
  };
  fields(template.fields, template.id);
  return texts;
}

describe('built-in texts in every shipped language', () => {
  it('translate every name, description, label, help and choice of every built-in template', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      for (const text of textsOf(template)) {
        for (const locale of TRANSLATION_LOCALES) expect(text.translated(locale)?.trim(), `${text.where} (${locale})`).toBeTruthy();
      }
    }
  });

  it('translate the default statuses, the merged status and every preset’s criteria', () => {
    for (const locale of TRANSLATION_LOCALES) {
      for (const status of [...DEFAULT_STATUSES, MERGED_STATUS, WITHDRAWN_STATUS])
        expect(status.translations?.[locale]?.label, status.key).toBeTruthy();
      for (const criterion of Object.values(PRESETS).flat()) expect(criterion.translations?.[locale]?.label, criterion.key).toBeTruthy();
    }
  });

  it('answer them with the board, its ideas and the templates', async () => {
    const board = await json<Board>(await call(`${DEMO}/boards/general`));
    expect(board.statuses.find((s) => s.key === 'planned')?.translations).toEqual({ de: { label: 'Geplant' } });
    expect(board.scorecard.criteria.find((c) => c.key === 'impact')?.translations).toEqual({ de: { label: 'Geschäftlicher Nutzen' } });
    const german = localize(board, 'de-DE');
    expect(german.statuses.map((s) => s.label)).toContain('In Prüfung');

    const idea = await json<{ status: { key: string; translations?: unknown } }>(await call(`${DEMO}/ideas/demo-idea-sso`));
    expect(idea.status.translations).toEqual({ de: { label: expect.any(String) } });

    const template = await json<CardTemplate>(await call(`${DEMO}/templates/stakeholder-map`));
    expect(localize(template, 'de').name).toBe('Stakeholder-Landkarte');
    expect(localize(template, 'en').name).toBe('Stakeholder Map');
  });

  it('keep them on criteria stored before there were translations, and drop them once an admin renames the label', async () => {
    // As a board created before this release stored its preset's criteria: no translations.
    await env.DB.prepare("update board_criteria set translations = null where tenant_id = 'demo-tenant'").run();
    const before = await json<Scorecard>(await call(`${DEMO}/boards/general/scorecard`));
    expect(before.criteria.find((c) => c.key === 'impact')?.translations?.de?.label).toBe('Geschäftlicher Nutzen');

    const criteria = before.criteria.map((c) =>
      c.key === 'impact' ? { ...c, label: 'Impact on the business', translations: undefined } : c,
    );
    const renamed = await admin(`${DEMO}/boards/general/scorecard`, 'PUT', { preset: 'custom', criteria });
    expect(renamed.status).toBe(200);
    const after = await json<Scorecard>(renamed);
    expect(after.criteria.find((c) => c.key === 'impact')?.translations).toBeUndefined();
    expect(after.criteria.find((c) => c.key === 'financial')?.translations?.de?.label).toBe('Finanzieller Ertrag');
  });
});

describe('a tenant’s own translations', () => {
  it('keeps the board name and a status label an admin translated, and gives them to readers', async () => {
    const created = await admin(`${DEMO}/boards`, 'POST', {
      slug: 'translated-board',
      name: 'Workplace ideas',
      translations: { de: { name: 'Ideen für den Arbeitsplatz', description: 'Was unseren Alltag leichter macht.' } },
      statuses: [
        { key: 'open', label: 'Open', category: 'open', requiresReason: false, deflection: false },
        {
          key: 'shortlisted',
          label: 'Shortlisted',
          translations: { de: { label: 'In der engeren Wahl' } },
          category: 'planned',
          requiresReason: false,
          deflection: false,
        },
      ],
    });
    expect(created.status).toBe(201);
    const board = await json<Board>(await call(`${DEMO}/boards/translated-board`));
    expect(localize(board, 'de').name).toBe('Ideen für den Arbeitsplatz');
    expect(localize(board, 'de').statuses.map((s) => s.label)).toEqual(['Offen', 'In der engeren Wahl']);

    const updated = await admin(`${DEMO}/boards/translated-board`, 'PATCH', { translations: { de: { name: 'Arbeitsplatz' } } });
    expect(updated.status).toBe(200);
    expect(localize(await json<Board>(await call(`${DEMO}/boards/translated-board`)), 'de').name).toBe('Arbeitsplatz');
  });

  it('checks translations by the text rules, and knows only the shipped languages', async () => {
    const bidi = await admin(`${DEMO}/boards`, 'POST', {
      slug: 'bidi-board',
      name: 'Fine',
      translations: { de: { name: 'Plan\u202Egnp.exe' } },
    });
    expect(bidi.status).toBe(400);
    expect((await errorOf(bidi)).details).toEqual([
      expect.objectContaining({ path: 'body.translations.de.name', reason: 'field.bidi_override', params: {} }),
    ]);
    const klingon = await admin(`${DEMO}/boards`, 'POST', { slug: 'tlh-board', name: 'Fine', translations: { tlh: { name: 'Qapla’' } } });
    expect(klingon.status).toBe(400);
    expect((await errorOf(klingon)).details?.[0]).toMatchObject({ path: 'body.translations', reason: 'field.unknown_keys' });
  });

  it('keeps a tenant template’s translations, of its name and of its fields and choices', async () => {
    const template = {
      id: 'lessons-learned',
      name: 'Lessons learned',
      translations: { de: { name: 'Erkenntnisse' } },
      fields: [
        {
          key: 'outcome',
          label: 'Outcome',
          translations: { de: { label: 'Ergebnis' } },
          type: 'enum',
          options: [{ value: 'good', label: 'Went well', translations: { de: { label: 'Lief gut' } } }],
        },
      ],
    };
    const stored = await admin(`${DEMO}/templates/lessons-learned`, 'PUT', template);
    expect(stored.status).toBe(200);
    const german = localize(await json<CardTemplate>(stored), 'de');
    expect(german.name).toBe('Erkenntnisse');
    expect(german.fields[0]).toMatchObject({ label: 'Ergebnis', options: [{ label: 'Lief gut' }] });

    const refused = await admin(`${DEMO}/templates/lessons-learned`, 'PUT', {
      ...template,
      fields: [{ ...template.fields[0], translations: { de: { label: 'Ergebnis\nzweite Zeile' } } }],
    });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).details).toEqual([
      expect.objectContaining({ path: 'body.fields.0.translations.de.label', reason: 'field.line_break' }),
    ]);
  });
});
