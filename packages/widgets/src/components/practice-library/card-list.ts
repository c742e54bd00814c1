/**
 * The library's list: the search and filter form, and the cards found. Render functions over
 * the library's state; the library owns the state and the loading.
 */
import type { BridgekitMemberClient, CardSort, CardSummary, CardTemplate, Freshness, PracticeArea, PracticeCard } from '@bridgekit/sdk';
import { PRACTICE_AREAS } from '@bridgekit/sdk/card-types';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { type MessageKey, relativeTime } from '../../shared/i18n.ts';
import { type Page, type PagedList, renderLoadMore } from '../../shared/paged-list.ts';
import { shownName } from '../../shared/person-name.ts';
import { areaLabel, type CardViewContext, renderFreshness, renderTags, renderVisibility } from '../practice-card/card-view.ts';
import type { Viewer } from './card-detail.ts';
import { isMarkOnly } from './snippet.ts';

/** The list's search, filters and order; `sort` `''` is the default order. */
export interface Filters {
  q: string;
  tag: PracticeArea | '';
  template: string;
  mine: boolean;
  freshness: Freshness | '';
  sort: CardSort | '';
}

export const NO_FILTERS: Filters = { q: '', tag: '', template: '', mine: false, freshness: '', sort: '' };

const SORTS: CardSort[] = ['relevance', 'updated', 'helpful', 'views', 'title'];
const FRESHNESS: Freshness[] = ['current', 'due', 'overdue', 'obsolete'];

export const isArea = (value: string | null | undefined): value is PracticeArea => PRACTICE_AREAS.some((a) => a === value);

/** The order the list is in: best match when searching, else recently updated, unless chosen. */
export function effectiveSort({ q, sort }: Filters): CardSort {
  if (sort === 'relevance' && !q.trim()) return 'updated';
  return sort || (q.trim() ? 'relevance' : 'updated');
}

/** The API query for the list. */
export function listQuery(f: Filters, signedIn: boolean, limit: number) {
  return {
    q: f.q.trim() || undefined,
    tag: f.tag || undefined,
    template: f.template || undefined,
    owner: f.mine && signedIn ? ('me' as const) : undefined,
    freshness: f.freshness || undefined,
    sort: effectiveSort(f),
    limit,
  };
}

/** The first page of the list, with what the library reads along with it. */
export type FirstPage = Page<CardSummary> & { templates?: CardTemplate[]; viewer?: Viewer | null };

/** The list's first page, with the templates (read once) and who is signed in. */
export async function readFirstPage(
  client: BridgekitMemberClient,
  query: ReturnType<typeof listQuery> & { signal: AbortSignal },
  known: { templates: CardTemplate[]; locale: string; signedIn: boolean },
): Promise<FirstPage> {
  const { signal } = query;
  const [page, templates, me] = await Promise.all([
    client.cards.list(query),
    known.templates.length > 0
      ? Promise.resolve(known.templates)
      : client.templates.list({ signal }).then((t) => localize(t, known.locale)),
    known.signedIn ? import('../../shared/viewer.ts').then((m) => m.viewer(client, signal)).catch(() => null) : Promise.resolve(null),
  ]);
  return { ...page, templates, viewer: me?.user ? { handle: me.user.handle, role: me.user.role } : null };
}

export interface CardListContext {
  view: CardViewContext;
  filters: Filters;
  templates: CardTemplate[];
  signedIn: boolean;
  list: PagedList<CardSummary>;
  /** "4 cards". */
  count: string;
  /** The card's template name in the reader's language. */
  templateName: (card: CardSummary) => string;
  onSearchInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  setFilter: (change: Partial<Filters>) => void;
  /** A failed first page, said as `text` (the element's renderFailure). */
  failure: (text: string) => unknown;
  open: (id: string) => void;
  /** The address of a card's view (the tenant's page for cards, else this page with `#bk-card=`). */
  href: (id: string) => string;
}

/** A plain click on a card's title opens it in place; a click that asks for a new tab or window is the browser's. */
function openInPlace(event: MouseEvent, open: () => void): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  open();
}

export function renderFilters(ctx: CardListContext) {
  const { view, filters: f, setFilter } = ctx;
  const t = view.t;
  const sort = effectiveSort(f);
  const searching = Boolean(f.q.trim());
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  return html`<form class="filters no-print" part="filters" role="search" aria-label=${t('library.filtersLabel')} @submit=${ctx.onSubmit}>
    <div class="field search">
      <label for="bk-q">${t('library.searchLabel')}</label>
      <input id="bk-q" part="search" type="search" autocomplete="off" .value=${f.q} @input=${ctx.onSearchInput} />
    </div>
    <div class="field">
      <label for="bk-filter-tag">${t('library.filterArea')}</label>
      <select id="bk-filter-tag" @change=${(e: Event) => setFilter({ tag: isArea(value(e)) ? (value(e) as PracticeArea) : '' })}>
        <option value="" ?selected=${f.tag === ''}>${t('library.allAreas')}</option>
        ${PRACTICE_AREAS.map((a) => html`<option value=${a} ?selected=${f.tag === a}>${areaLabel(view, a)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="bk-filter-template">${t('library.filterTemplate')}</label>
      <select id="bk-filter-template" @change=${(e: Event) => setFilter({ template: value(e) })}>
        <option value="" ?selected=${f.template === ''}>${t('library.allTemplates')}</option>
        ${ctx.templates.map((tpl) => html`<option value=${tpl.id} ?selected=${f.template === tpl.id}>${tpl.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="bk-filter-freshness">${t('library.filterFreshness')}</label>
      <select id="bk-filter-freshness" @change=${(e: Event) => setFilter({ freshness: value(e) as Freshness | '' })}>
        <option value="" ?selected=${f.freshness === ''}>${t('library.anyFreshness')}</option>
        ${FRESHNESS.map((fr) => html`<option value=${fr} ?selected=${f.freshness === fr}>${t(`card.freshness.${fr}` as MessageKey)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="bk-sort">${t('library.sortLabel')}</label>
      <select id="bk-sort" @change=${(e: Event) => setFilter({ sort: value(e) as CardSort })}>
        ${SORTS.filter((s) => s !== 'relevance' || searching).map(
          (s) => html`<option value=${s} ?selected=${sort === s}>${t(`library.sort.${s}` as MessageKey)}</option>`,
        )}
      </select>
    </div>
    ${
      ctx.signedIn
        ? html`<label class="check">
          <input type="checkbox" .checked=${f.mine} @change=${(e: Event) => setFilter({ mine: (e.target as HTMLInputElement).checked })} />
          <span>${t('library.onlyMine')}</span>
        </label>`
        : nothing
    }
  </form>`;
}

export function renderResults(ctx: CardListContext) {
  const { list, filters: f } = ctx;
  const t = ctx.view.t;
  if (list.status === 'loading' && list.items.length === 0) {
    return html`<div role="status">
      <span class="visually-hidden">${t('library.loading')}</span>
      <div class="skeleton" aria-hidden="true"></div>
      <div class="skeleton" aria-hidden="true"></div>
    </div>`;
  }
  if (list.status === 'error') {
    return ctx.failure(`${t('library.loadFailed')} ${list.error}`);
  }
  const filtered = Boolean(f.q.trim() || f.tag || f.template || f.mine || f.freshness);
  if (list.items.length === 0) return html`<p class="notice">${filtered ? t('library.noMatches') : t('library.empty')}</p>`;
  return html`
    <p class="count" part="count">${ctx.count}</p>
    <ol class="cards" part="list" aria-label=${t('library.listLabel')}>
      ${repeat(
        list.items,
        (item) => item.id,
        (item) => renderItem(ctx, item),
      )}
    </ol>
    ${renderLoadMore(list, t('library.loadMore'), t('library.loadingMore'))}
  `;
}

function renderItem(ctx: CardListContext, item: CardSummary) {
  const { view } = ctx;
  const t = view.t;
  const meta = [
    item.owner ? t('card.owner', { name: shownName(t, item.owner.name) }) : t('card.noOwner'),
    t('card.helpedCount', { count: item.helpedCount }),
    t('card.viewCount', { count: item.viewCount }),
  ];
  return html`<li class="item ${item.freshness}" part="item" data-card=${item.id} tabindex="-1" aria-labelledby="bk-item-${item.id}">
    <p class="template-name">${ctx.templateName(item)}</p>
    <h3 class="item-title" id="bk-item-${item.id}" part="title">
      <a class="title-button" href=${ctx.href(item.id)} data-open=${item.id} @click=${(e: MouseEvent) => openInPlace(e, () => ctx.open(item.id))}
        >${item.title}</a
      >
    </h3>
    <p class="badges">
      ${renderFreshness(view, item)} ${renderVisibility(view, item)}
      ${item.moderation.state === 'published' ? nothing : html`<span class="badge held">${t(item.moderation.state === 'pending' ? 'library.badgeHeld' : 'library.badgeRejected')}</span>`}
    </p>
    ${
      item.snippet
        ? html`<p class="snippet" part="snippet">${isMarkOnly(item.snippet) ? unsafeHTML(item.snippet) : item.snippet}</p>`
        : item.summary
          ? html`<p class="summary">${item.summary}</p>`
          : nothing
    }
    ${renderTags(view, item.tags)}
    <p class="facts">
      ${meta.join(' · ')} ·
      <time datetime=${item.updatedAt}>${t('library.updated', { when: relativeTime(view.locale, item.updatedAt) })}</time>
    </p>
  </li>`;
}

/** A saved card as the list shows it. */
export function toSummary(card: PracticeCard): CardSummary {
  return {
    id: card.id,
    templateId: card.templateId,
    templateName: card.templateName,
    title: card.title,
    summary: card.summary,
    tags: card.tags,
    maturityLevel: card.maturityLevel,
    owner: card.owner,
    reviewBy: card.reviewBy,
    freshness: card.freshness,
    helpedCount: card.helpedCount,
    viewCount: card.viewCount,
    updatedAt: card.updatedAt,
    moderation: card.moderation,
    unit: card.unit,
    visibility: card.visibility,
    snippet: null,
  };
}
