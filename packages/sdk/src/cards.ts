import type {
  CardDiff,
  CardDiffQuery,
  CardExportQuery,
  CardInput,
  CardLinks,
  CardListQuery,
  CardObsolete,
  CardRestore,
  CardSummary,
  CardTemplate,
  CardUpdate,
  CardVerify,
  CardVersion,
  CardVersionDetail,
  PracticeAreaSummary,
  PracticeCard,
  ReviewQueueQuery,
  TemplateInput,
} from './card-types.ts';
import { type CallOptions, callOf, type Transport } from './http.ts';
import type { Page } from './types.ts';

/** The card list's query (see {@link CardListQuery}); `cursor` may be the `null` of a last page. */
export type CardListOptions = CallOptions & Omit<CardListQuery, 'cursor'> & { cursor?: string | null };

/** Practice cards: a living library of practices on structured templates. */
export interface CardsApi {
  list(options?: CardListOptions): Promise<Page<CardSummary>>;
  get(id: string, options?: CallOptions): Promise<PracticeCard>;
  /**
   * Passes the moderation pipeline: refused with `card_rejected` (naming the field), or stored —
   * published, or held whole (`moderation.state: 'pending'`) until a moderator approves it.
   */
  create(input: CardInput, options?: CallOptions): Promise<PracticeCard>;
  /**
   * Refused with `409 conflict` when `baseVersion` is not the latest (the message names the newer
   * version and who saved it): fetch the card again, and re-apply the change. Only the owner or a
   * moderator may change `owner`. A save the moderation pipeline holds leaves the card as it was
   * for everyone; the answer carries it as `pendingEdit` until a moderator decides.
   */
  update(id: string, update: CardUpdate, options?: CallOptions): Promise<PracticeCard>;
  versions(id: string, options?: CallOptions): Promise<CardVersion[]>;
  version(id: string, version: number, options?: CallOptions): Promise<CardVersionDetail>;
  /** Field-level changes from one version to another. */
  diff(id: string, from: number, to: number, options?: CallOptions): Promise<CardDiff>;
  /** Saves an old version's content as the newest version (the owner and review date stay as they are). */
  restore(id: string, version: number, baseVersion: number, options?: CallOptions): Promise<PracticeCard>;
  /** The owner (or a moderator) confirms the card is still right: the review-by date moves on. */
  verify(id: string, options?: CallOptions & CardVerify): Promise<PracticeCard>;
  /** Marks the card obsolete (it stays findable, clearly marked); `unmarkObsolete` takes it back. */
  markObsolete(id: string, reason: string, options?: CallOptions): Promise<PracticeCard>;
  unmarkObsolete(id: string, options?: CallOptions): Promise<PracticeCard>;
  /** "This helped me": once per reader. */
  helped(id: string, options?: CallOptions): Promise<PracticeCard>;
  notHelped(id: string, options?: CallOptions): Promise<PracticeCard>;
  /** Counts a view (signed in; widgets call it when a reader opens a card). */
  view(id: string, options?: CallOptions): Promise<void>;
  links(id: string, options?: CallOptions): Promise<CardLinks>;
  /** Cards past (or near) their review-by date, for their owner: `owner` defaults to `me`. */
  reviewQueue(options?: CallOptions & Omit<ReviewQueueQuery, 'cursor'> & { cursor?: string | null }): Promise<Page<CardSummary>>;
  /** `markdown` (text) or `json` (the card with its template). */
  export(id: string, format: 'markdown', options?: CallOptions): Promise<string>;
  export(id: string, format: 'json', options?: CallOptions): Promise<{ card: PracticeCard; template: CardTemplate }>;
}

export interface TemplatesApi {
  list(options?: CallOptions): Promise<CardTemplate[]>;
  get(id: string, options?: CallOptions): Promise<CardTemplate>;
  /** Admins: create or replace a tenant template (built-in ones cannot be replaced). */
  put(template: TemplateInput, options?: CallOptions): Promise<CardTemplate>;
  /**
   * Admins: checks a definition without saving it — the template as `put` would store it (its
   * next version), or the same error with every problem at its path (`body.fields.2.key`).
   *
   * @example
   * const preview = await client.templates.validate({ id: 'lessons-learned', name: 'Lessons learned', fields });
   */
  validate(template: TemplateInput, options?: CallOptions): Promise<CardTemplate>;
  /** Admins: remove a tenant template no card uses. */
  remove(id: string, options?: CallOptions): Promise<void>;
}

export function createCardsApi(http: Transport): {
  cards: CardsApi;
  templates: TemplatesApi;
  practiceAreas: (options?: CallOptions) => Promise<PracticeAreaSummary[]>;
} {
  const seg = encodeURIComponent;
  const card = (id: string) => `/cards/${seg(id)}`;
  const cards: CardsApi = {
    list: (o) =>
      http.request('GET', '/cards', {
        query: {
          q: o?.q,
          tag: o?.tag,
          template: o?.template,
          owner: o?.owner,
          freshness: o?.freshness,
          cites: o?.cites,
          sort: o?.sort,
          cursor: o?.cursor ?? undefined,
          limit: o?.limit,
        } satisfies CardListQuery,
        signal: o?.signal,
      }),
    get: (id, o) => http.request('GET', card(id), { signal: o?.signal }),
    create: (input, o) => http.request('POST', '/cards', { body: input, ...callOf(o) }),
    update: (id, update, o) => http.request('PUT', card(id), { body: update, ...callOf(o) }),
    versions: async (id, o) => (await http.request<{ items: CardVersion[] }>('GET', `${card(id)}/versions`, { signal: o?.signal })).items,
    version: (id, version, o) => http.request('GET', `${card(id)}/versions/${version}`, { signal: o?.signal }),
    diff: (id, from, to, o) => http.request('GET', `${card(id)}/diff`, { query: { from, to } satisfies CardDiffQuery, signal: o?.signal }),
    restore: (id, version, baseVersion, o) =>
      http.request('POST', `${card(id)}/restore`, {
        body: { version, baseVersion } satisfies CardRestore,
        ...callOf(o),
      }),
    verify: (id, o) =>
      http.request('POST', `${card(id)}/verify`, {
        body: (o?.reviewBy ? { reviewBy: o.reviewBy } : {}) satisfies CardVerify,
        ...callOf(o),
      }),
    markObsolete: (id, reason, o) =>
      http.request('PUT', `${card(id)}/obsolete`, {
        body: { reason } satisfies CardObsolete,
        ...callOf(o),
      }),
    unmarkObsolete: (id, o) => http.request('DELETE', `${card(id)}/obsolete`, { ...callOf(o) }),
    helped: (id, o) => http.request('PUT', `${card(id)}/helped`, { ...callOf(o) }),
    notHelped: (id, o) => http.request('DELETE', `${card(id)}/helped`, { ...callOf(o) }),
    view: (id, o) => http.request('POST', `${card(id)}/views`, { ...callOf(o) }),
    links: (id, o) => http.request('GET', `${card(id)}/links`, { signal: o?.signal }),
    reviewQueue: (o) =>
      http.request('GET', '/cards/review-queue', {
        query: { owner: o?.owner, cursor: o?.cursor ?? undefined, limit: o?.limit } satisfies ReviewQueueQuery,
        signal: o?.signal,
      }),
    export: ((id: string, format: 'markdown' | 'json', o?: CallOptions) =>
      format === 'markdown'
        ? http.request('GET', `${card(id)}/export`, { query: { format } satisfies CardExportQuery, signal: o?.signal, text: true })
        : http.request('GET', `${card(id)}/export`, {
            query: { format } satisfies CardExportQuery,
            signal: o?.signal,
          })) as CardsApi['export'],
  };
  const templates: TemplatesApi = {
    list: async (o) => (await http.request<{ items: CardTemplate[] }>('GET', '/templates', { signal: o?.signal })).items,
    get: (id, o) => http.request('GET', `/templates/${seg(id)}`, { signal: o?.signal }),
    put: (template, o) => http.request('PUT', `/templates/${seg(template.id)}`, { body: template, ...callOf(o) }),
    validate: (template, o) => http.request('POST', '/templates/validate', { body: template, ...callOf(o) }),
    remove: (id, o) => http.request('DELETE', `/templates/${seg(id)}`, { ...callOf(o) }),
  };
  const practiceAreas = async (o?: CallOptions) =>
    (await http.request<{ items: PracticeAreaSummary[] }>('GET', '/practice-areas', { signal: o?.signal })).items;
  return { cards, templates, practiceAreas };
}
