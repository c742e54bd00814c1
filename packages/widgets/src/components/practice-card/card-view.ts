/**
 * How a practice card reads: its badges, practice areas and the template's fields rendered
 * read-only. Shared by `bk-practice-card` (expanded) and the detail view of
 * `bk-practice-library`, so a card looks the same wherever it is shown.
 */
import type { CardTemplate, FieldDef, FieldType, FieldValue, LinkValue, PracticeArea, PracticeCard } from '@bridgekit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../../shared/i18n.ts';
import { shownName } from '../../shared/person-name.ts';
import { type UserHtmlLinker, userHtml } from '../../shared/user-links.ts';
import {
  type FormatContext,
  formatAny,
  formatDate,
  formatLink,
  formatTyped,
  humanize,
  isEmptyValue,
  isLink,
  isMoney,
  isObject,
} from './card-format.ts';

export interface CardViewContext extends FormatContext {
  /** In the library, a link to another card opens it there; elsewhere links are text. */
  openCard?: (id: string) => void;
  /** Makes links to items' views in the card's texts open in place, once loaded (`user-html.ts`). */
  linker?: UserHtmlLinker | null | undefined;
}

/** Labels of the values the server derives (power × interest, health gaps) that no template field names. */
const DERIVED_LABELS: Record<string, MessageKey> = {
  approach: 'card.derived.approach',
  gap: 'card.derived.gap',
  averagePartner: 'card.derived.averagePartner',
  averageIt: 'card.derived.averageIt',
  estimatedMaturity: 'card.derived.estimatedMaturity',
  estimatedMaturityLabel: 'card.derived.estimatedMaturityLabel',
};

const derivedLabel = (ctx: CardViewContext, key: string): string => {
  const label = DERIVED_LABELS[key];
  return label ? ctx.t(label) : humanize(key);
};

export const areaLabel = (ctx: Pick<FormatContext, 't'>, area: PracticeArea): string => ctx.t(`card.area.${area}` as MessageKey);

export function renderFreshness(ctx: CardViewContext, card: Pick<PracticeCard, 'freshness' | 'reviewBy'>): TemplateResult {
  const label = ctx.t(`card.freshness.${card.freshness}` as MessageKey);
  return html`<span class="freshness ${card.freshness}" part="freshness">${label}</span>`;
}

/** "Finance team only" or "Only its owner": who reads a card that not everyone reads. */
export function renderVisibility(ctx: CardViewContext, card: Pick<PracticeCard, 'visibility' | 'unit'>): TemplateResult | typeof nothing {
  if (card.visibility === 'everyone') return nothing;
  const label =
    card.visibility === 'unit'
      ? ctx.t('card.visibilityBadge.unit', { unit: card.unit?.name ?? '' })
      : ctx.t('card.visibilityBadge.private');
  return html`<span class="visibility" part="visibility">${label}</span>`;
}

/** The unmistakable "obsolete" notice, with who marked it, when and why. */
export function renderObsolete(ctx: CardViewContext, card: PracticeCard): TemplateResult | typeof nothing {
  if (!card.obsolete) return nothing;
  return html`<div class="obsolete-note" part="obsolete" role="note">
    <strong>${ctx.t('card.obsoleteHeading')}</strong>
    <span>${ctx.t('card.obsoleteBy', { by: shownName(ctx.t, card.obsolete.by), date: formatDate(ctx.locale, card.obsolete.at.slice(0, 10)) })}</span>
    <span class="obsolete-reason">${card.obsolete.reason}</span>
  </div>`;
}

export function renderTags(ctx: CardViewContext, tags: readonly PracticeArea[]): TemplateResult | typeof nothing {
  if (tags.length === 0) return nothing;
  return html`<ul class="tags" part="tags" aria-label=${ctx.t('card.tagsLabel')}>
    ${tags.map((tag) => html`<li class="tag">${areaLabel(ctx, tag)}</li>`)}
  </ul>`;
}

/** Owner, review-by date and maturity level, as one line of facts. */
export function renderFacts(ctx: CardViewContext, card: Pick<PracticeCard, 'owner' | 'reviewBy' | 'maturityLevel'>): TemplateResult {
  const facts: string[] = [];
  facts.push(card.owner ? ctx.t('card.owner', { name: shownName(ctx.t, card.owner.name) }) : ctx.t('card.noOwner'));
  if (card.reviewBy) facts.push(ctx.t('card.reviewBy', { date: formatDate(ctx.locale, card.reviewBy) }));
  if (card.maturityLevel)
    facts.push(
      ctx.t('card.helpsToward', { level: ctx.t(`card.maturity.${card.maturityLevel}` as MessageKey), number: card.maturityLevel }),
    );
  return html`<p class="facts" part="facts">${facts.map((f, i) => html`${i > 0 ? html`<span aria-hidden="true"> · </span>` : nothing}<span>${f}</span>`)}</p>`;
}

/** The template's fields, read-only, in the template's order; empty ones are left out. */
export function renderFields(ctx: CardViewContext, card: PracticeCard, template: CardTemplate | null): TemplateResult {
  const defs = template?.fields ?? [];
  const known = new Set(defs.map((d) => d.key));
  const shown = defs.filter((def) => !isEmptyValue(valueAt(card, def.key)));
  const extras = Object.entries(card.derived).filter(([path]) => !path.includes('.') && !known.has(path));
  // Without the template (it failed to load), the values still show, under their keys.
  const untyped = template ? [] : Object.entries(card.fields).filter(([, v]) => !isEmptyValue(v));
  if (shown.length === 0 && extras.length === 0 && untyped.length === 0) return html`<p class="no-fields">${ctx.t('card.noFields')}</p>`;
  return html`<dl class="fields" part="fields">
    ${shown.map(
      (def) => html`<div class="field" data-field=${def.key}>
        <dt>${def.label}</dt>
        <dd>${renderValue(ctx, card, def, valueAt(card, def.key) as FieldValue, def.key, def.label)}</dd>
      </div>`,
    )}
    ${untyped.map(
      ([key, value]) => html`<div class="field" data-field=${key}>
        <dt>${humanize(key)}</dt>
        <dd>${formatAny(ctx, value)}</dd>
      </div>`,
    )}
    ${extras.map(
      ([key, value]) => html`<div class="field derived" data-field=${key}>
        <dt>${derivedLabel(ctx, key)}</dt>
        <dd>${formatAny(ctx, value)}</dd>
      </div>`,
    )}
  </dl>`;
}

/** A stored value, or the one the server derives at that path. */
function valueAt(card: PracticeCard, path: string): FieldValue | undefined {
  const parts = path.split('.');
  let value: FieldValue | undefined = card.fields[parts[0] ?? ''];
  for (const part of parts.slice(1)) {
    if (Array.isArray(value)) value = value[Number(part)];
    else if (isObject(value)) value = (value as Record<string, FieldValue>)[part];
    else value = undefined;
  }
  return value ?? card.derived[path];
}

function renderValue(ctx: CardViewContext, card: PracticeCard, type: FieldType, value: FieldValue, path: string, label: string): unknown {
  switch (type.type) {
    case 'richtext': {
      // `rendered` is the server's HTML of the Markdown, sanitised there (the same pipeline as
      // comments), which is why it may be inserted as HTML; its links open outside the widget, but
      // for links to items' views (user-html.ts).
      const rendered = card.rendered[path];
      return rendered !== undefined
        ? html`<div class="richtext">${userHtml(rendered, ctx.linker)}</div>`
        : html`<span class="multiline">${String(value)}</span>`;
    }
    case 'text':
      return type.multiline ? html`<span class="multiline">${String(value)}</span>` : String(value);
    case 'link':
      return isLink(value) ? renderLink(ctx, value) : formatAny(ctx, value);
    case 'money':
      return unbroken(ctx, value);
    case 'record':
      return renderRecord(ctx, card, type.fields, path);
    case 'list':
      return Array.isArray(value) ? renderList(ctx, card, type.of, value, path, label) : formatAny(ctx, value);
    default:
      return formatTyped(ctx, type, value);
  }
}

/** An amount on one line: "€45,000.00", never "€4 5,0 00. 00". */
const unbroken = (ctx: CardViewContext, value: FieldValue | undefined) =>
  isMoney(value) ? html`<span class="money">${formatAny(ctx, value)}</span>` : formatAny(ctx, value);

function renderLink(ctx: CardViewContext, link: LinkValue): unknown {
  const text = formatLink(ctx, link);
  const open = ctx.openCard;
  if (link.kind === 'card' && open) {
    return html`<button type="button" class="link-button" @click=${() => open(link.id)}>${text}</button>`;
  }
  return html`<span class="link-ref" data-kind=${link.kind}>${text}</span>`;
}

/** Derived values under `path` that the record's own fields do not name (e.g. a stakeholder's approach). */
function derivedUnder(card: PracticeCard, path: string, fields: readonly FieldDef[]): [string, FieldValue][] {
  const known = new Set(fields.map((f) => f.key));
  const prefix = `${path}.`;
  return Object.entries(card.derived).flatMap(([p, v]): [string, FieldValue][] => {
    if (!p.startsWith(prefix)) return [];
    const key = p.slice(prefix.length);
    return key.includes('.') || known.has(key) ? [] : [[key, v]];
  });
}

function renderRecord(ctx: CardViewContext, card: PracticeCard, fields: readonly FieldDef[], path: string): TemplateResult {
  const shown = fields.filter((f) => !isEmptyValue(valueAt(card, `${path}.${f.key}`)));
  const extras = derivedUnder(card, path, fields);
  return html`<dl class="record">
    ${shown.map(
      (f) => html`<div class="field">
        <dt>${f.label}</dt>
        <dd>${renderValue(ctx, card, f, valueAt(card, `${path}.${f.key}`) as FieldValue, `${path}.${f.key}`, f.label)}</dd>
      </div>`,
    )}
    ${extras.map(
      ([key, value]) => html`<div class="field derived">
        <dt>${derivedLabel(ctx, key)}</dt>
        <dd>${formatAny(ctx, value)}</dd>
      </div>`,
    )}
  </dl>`;
}

const isFlat = (f: FieldDef) => f.type !== 'list' && f.type !== 'record';

function renderList(ctx: CardViewContext, card: PracticeCard, of: FieldType, items: FieldValue[], path: string, label: string): unknown {
  if (of.type === 'record' && of.fields.every(isFlat)) return renderTable(ctx, card, of.fields, items, path, label);
  if (of.type === 'record') {
    return html`<ol class="rows">
      ${items.map((_, i) => html`<li>${renderRecord(ctx, card, of.fields, `${path}.${i}`)}</li>`)}
    </ol>`;
  }
  return html`<ul class="values">
    ${items.map((item, i) => html`<li>${renderValue(ctx, card, of, item, `${path}.${i}`, label)}</li>`)}
  </ul>`;
}

/** A list of flat records as a table: one row per item, a column per field that has a value. */
function renderTable(
  ctx: CardViewContext,
  card: PracticeCard,
  fields: readonly FieldDef[],
  items: FieldValue[],
  path: string,
  label: string,
) {
  const columns = fields.filter((f) => items.some((_, i) => !isEmptyValue(valueAt(card, `${path}.${i}.${f.key}`))));
  const derivedKeys = [...new Set(items.flatMap((_, i) => derivedUnder(card, `${path}.${i}`, fields).map(([k]) => k)))];
  return html`<div class="table-scroll" role="region" tabindex="0" aria-label=${label}>
    <table>
      <caption class="visually-hidden">${label}</caption>
      <thead>
        <tr>
          ${columns.map((f) => html`<th scope="col">${f.label}</th>`)}
          ${derivedKeys.map((k) => html`<th scope="col">${derivedLabel(ctx, k)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (_, i) => html`<tr>
            ${columns.map((f) => {
              const cellPath = `${path}.${i}.${f.key}`;
              const value = valueAt(card, cellPath);
              return html`<td data-label=${f.label}>
                ${isEmptyValue(value) ? nothing : renderValue(ctx, card, f, value as FieldValue, cellPath, f.label)}
              </td>`;
            })}
            ${derivedKeys.map((k) => html`<td data-label=${derivedLabel(ctx, k)}>${unbroken(ctx, card.derived[`${path}.${i}.${k}`])}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
