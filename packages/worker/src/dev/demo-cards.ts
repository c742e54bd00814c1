import { searchableText } from '../cards/search-text.ts';
import type { ExampleCard } from '../cards/templates/examples.ts';
import { BUILT_IN_TEMPLATES } from '../cards/templates/index.ts';
import { validateFields } from '../cards/validate.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { DEMO_TENANT, DEMO_USERS } from './demo-data.ts';
import { demoUnitId } from './demo-units.ts';
import type { Statement } from './seed.ts';

/**
 * One demo card on a built-in template, checked by its template and rendered as a save would:
 * the card, its first version and its links. About `example.unit` with the template's default
 * visibility (the stakeholder map, account plan and health check: the Finance team's only).
 */
export function demoCardStatements(card: {
  id: string;
  templateId: string;
  example: ExampleCard;
  owner: string;
  reviewBy: string;
  at: number;
  promotion?: { thread: string | null; comment: string | null; promotedFrom: string } | null;
}): Statement[] {
  const t = DEMO_TENANT;
  const { id, example, owner, reviewBy, at } = card;
  const template = BUILT_IN_TEMPLATES.find((candidate) => candidate.id === card.templateId);
  if (!template) throw new Error(`No built-in template ${card.templateId}`);
  const checked = validateFields(template, example.fields);
  if (!checked.ok) throw new Error(`The demo card ${id} is not valid: ${checked.errors[0]?.message}`);
  const rendered = Object.fromEntries(checked.richtext.map((r) => [r.path, renderMarkdown(r.source).html]));
  const name = DEMO_USERS.find((u) => u.key === owner)?.name ?? owner;
  const promotion = card.promotion ?? null;
  const common = [
    t.id,
    example.title,
    example.summary,
    JSON.stringify(checked.fields),
    JSON.stringify(example.tags),
    example.maturityLevel,
  ];
  return [
    {
      sql: `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, maturity_level, owner_id, review_by, version, save_id, created_by, created_at, updated_by, updated_at,
          source_thread_id, source_comment_id, promoted_from, unit_id, visibility)
        values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
      params: [
        id,
        t.id,
        template.id,
        example.title,
        example.summary,
        JSON.stringify(checked.fields),
        JSON.stringify(rendered),
        searchableText(template, checked.fields),
        JSON.stringify(example.tags),
        example.maturityLevel,
        `demo-user-${owner}`,
        reviewBy,
        'seed',
        name,
        at,
        name,
        at,
        promotion?.thread ?? null,
        promotion?.comment ?? null,
        promotion?.promotedFrom ?? null,
        example.unit ? demoUnitId(example.unit) : null,
        example.unit ? (template.visibility ?? 'everyone') : 'everyone',
      ],
    },
    {
      sql: `insert into card_versions (card_id, version, tenant_id, title, summary, fields, tags, maturity_level, owner_id, review_by, note, by_name, by_subject, created_at)
        values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'First version', ?, ?, ?) on conflict do nothing`,
      params: [id, ...common, `demo-user-${owner}`, reviewBy, name, `demo|${owner}`, at],
    },
    ...checked.links.map(({ path, link }) => ({
      sql: 'insert into card_links (card_id, path, tenant_id, to_kind, to_id) values (?, ?, ?, ?, ?) on conflict do nothing',
      params: [id, path, t.id, link.kind, link.id],
    })),
  ];
}
