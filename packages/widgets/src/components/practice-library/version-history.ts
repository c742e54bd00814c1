import type { CardDiff, CardTemplate, CardVersion, FieldChange, FieldValue, PracticeArea, PracticeCard } from '@bridgekit/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { BkCardSaveEvent } from '../../events/card-save.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { type MessageKey, registerFeature, relativeTime } from '../../shared/i18n.ts';
import { cardHistoryMessages } from '../../shared/messages/card-history.ts';
import { columnHeads } from '../../shared/table.ts';
import { userHtml } from '../../shared/user-links.ts';
import { type FormatContext, formatInstant, formatWithType, labelAt, typeAt } from '../practice-card/card-format.ts';
import { areaLabel } from '../practice-card/card-view.ts';
import { notPrintedStyles, partStyles } from './controls.styles.ts';
import { type DiffCues, diffHtml, diffText, type MarkedPair } from './word-diff.ts';

registerFeature(cardHistoryMessages);

/** The names of the card's own properties in a diff (cards/card-library.ts `contentChanges`). */
const OWN_PROPERTY_LABELS: Partial<Record<string, MessageKey>> = {
  title: 'library.field.title',
  summary: 'library.field.summary',
  tags: 'library.field.tags',
  maturityLevel: 'library.diffMaturity',
  owner: 'library.diffOwner',
  reviewBy: 'library.field.reviewBy',
};

type Status = 'loading' | 'ready' | 'error';

/** The card's own properties that are texts, compared word by word as the template's text fields are. */
const OWN_TEXTS = new Set(['title', 'summary']);

/**
 * A card's history: every saved version (who, when, the note), the changes between any two —
 * field by field, and inside a text or a rich text (as the card renders it) word by word — and
 * "Restore this version" (which saves it as the newest version).
 *
 * Internal to `bk-practice-library`; a restore fires `bk-card-save`.
 *
 * @csspart versions - The list of versions.
 * @csspart compare - The "compare versions" form.
 * @csspart diff - The table of changes.
 */
export class BkCardHistory extends BridgekitElement {
  static override styles = [
    ...partStyles,
    notPrintedStyles,
    css`
      h4 {
        margin: 0;
        font-size: 1rem;
      }

      .versions {
        display: grid;
        gap: 0.375rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .version {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.25rem 0.75rem;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }

      .version .note {
        display: block;
        color: var(--_text-subtle);
      }

      .current {
        font-size: 0.75rem;
        font-weight: 600;
        color: var(--_brand);
      }

      .compare {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 0.75rem;
      }

      .compare .field {
        display: grid;
        gap: 0.25rem;
        min-width: 10rem;
      }

      .change {
        font-size: 0.75rem;
        color: var(--_text-subtle);
      }

      .empty {
        color: var(--_text-subtle);
      }

      ins,
      del {
        color: inherit;
        border-radius: 2px;
      }

      ins {
        text-decoration: underline;
        text-decoration-thickness: 2px;
        background: light-dark(#dff6dd, #0d3b1e);
      }

      del {
        text-decoration: line-through;
        text-decoration-thickness: 2px;
        background: light-dark(#fde7e9, #442726);
      }

      .richtext > :first-child {
        margin-top: 0;
      }

      .richtext > :last-child {
        margin-bottom: 0;
      }

      .richtext a {
        color: var(--_brand);
      }

      @media (forced-colors: active) {
        ins,
        del {
          background: none;
        }
      }
    `,
  ];
  static override properties = {
    card: { attribute: false },
    template: { attribute: false },
    _versions: { state: true },
    _status: { state: true },
    _error: { state: true },
    _from: { state: true },
    _to: { state: true },
    _diff: { state: true },
    _diffError: { state: true },
    _busy: { state: true },
    _announcement: { state: true },
    _notice: { state: true },
  };

  declare card: PracticeCard | null;
  /** The card's template, to show changed values with their labels; optional. */
  declare template: CardTemplate | null;
  declare _versions: CardVersion[];
  declare _status: Status;
  declare _error: string;
  declare _from: number;
  declare _to: number;
  declare _diff: CardDiff | null;
  declare _diffError: string;
  declare _busy: boolean;
  declare _announcement: string;
  /** A restore that changed nothing, said where the person looks. */
  declare _notice: string;
  /** Each text change of the diff shown, its words marked (made once per diff). */
  #marked = new WeakMap<FieldChange, MarkedPair>();

  constructor() {
    super();
    this.card = null;
    this.template = null;
    this._versions = [];
    this._status = 'loading';
    this._error = '';
    this._from = 0;
    this._to = 0;
    this._diff = null;
    this._diffError = '';
    this._busy = false;
    this._announcement = '';
    this._notice = '';
  }

  protected configChanged(): void {
    void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('card') && this.card && changed.get('card')?.id !== this.card.id) void this.#load();
  }

  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h3')?.focus(options));
  }

  async #load(): Promise<void> {
    const client = this.client;
    const card = this.card;
    if (!client || !card) return;
    this._status = 'loading';
    try {
      const versions = await client.cards.versions(card.id);
      this._versions = [...versions].sort((a, b) => b.version - a.version);
      this._status = 'ready';
      const [latest, previous] = this._versions;
      if (latest && previous) {
        this._from = previous.version;
        this._to = latest.version;
        await this.#compare();
      }
    } catch (err) {
      this._error = await this.describeError(err);
      this._status = 'error';
    }
  }

  async #compare(event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const client = this.client;
    const card = this.card;
    if (!client || !card || !this._from || !this._to) return;
    if (this._from === this._to) {
      this._diff = null;
      this._diffError = this.t('library.historySame');
      return;
    }
    this._diffError = '';
    try {
      this._diff = await client.cards.diff(card.id, this._from, this._to);
      if (event) this._announcement = this.t('library.diffShown', { count: this._diff.changes.length });
    } catch (err) {
      this._diff = null;
      this._diffError = await this.describeError(err);
    }
  }

  async #restore(version: number): Promise<void> {
    const client = this.client;
    const card = this.card;
    if (!client || !card || this._busy) return;
    this._busy = true;
    this._announcement = '';
    this._notice = '';
    try {
      const restored = await client.cards.restore(card.id, version, card.version);
      // The server keeps no version that changes nothing.
      if (restored.version === card.version) {
        this._notice = this.t('library.restoreSame', { version });
        this._announcement = this._notice;
      } else this.dispatchEvent(new BkCardSaveEvent(restored));
    } catch (err) {
      this._announcement = this.t('library.restoreFailed', { reason: await this.describeError(err) });
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const card = this.card;
    if (!card) return nothing;
    return html`<div class="view">
      <h3 id="bk-history-heading" tabindex="-1">${this.t('library.historyHeading', { title: card.title })}</h3>
      ${this.#renderBody(card)}
      <p class="visually-hidden" role="status">${this._announcement}</p>
      ${this._notice ? html`<p class="notice">${this._notice}</p>` : nothing}
    </div>`;
  }

  #renderBody(card: PracticeCard) {
    if (this._status === 'loading') return html`<p role="status">${this.t('library.historyLoading')}</p>`;
    if (this._status === 'error') return html`<p class="notice error" role="alert">${this._error}</p>`;
    const latest = this._versions[0]?.version ?? card.version;
    return html`
      <ol class="versions" part="versions" aria-label=${this.t('library.versionsLabel')}>
        ${this._versions.map(
          (v) => html`<li class="version">
            <div>
              <strong id="bk-version-${v.version}">${this.t('library.versionLabel', { version: v.version })}</strong>
              ${this.t('library.versionBy', { by: this.personName(v.by) })},
              <time datetime=${v.at} title=${formatInstant(this.locale, v.at)}>${relativeTime(this.locale, v.at)}</time>
              ${v.note ? html`<span class="note">${v.note}</span>` : nothing}
            </div>
            ${
              v.version === latest
                ? html`<span class="current">${this.t('library.currentVersion')}</span>`
                : html`<button
                  type="button"
                  class="button"
                  aria-describedby="bk-version-${v.version}"
                  aria-disabled=${this._busy ? 'true' : 'false'}
                  @click=${() => this.#restore(v.version)}
                >
                  ${this.t('library.restore')}
                </button>`
            }
          </li>`,
        )}
      </ol>
      ${this._versions.length > 1 ? this.#renderCompare() : html`<p class="empty">${this.t('library.historyOnlyOne')}</p>`}
    `;
  }

  #renderCompare() {
    /** A choice of one version, `selected` first chosen; `choose` takes the version picked. */
    const versionField = (id: string, label: string, selected: number, choose: (version: number) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => choose(Number((e.target as HTMLSelectElement).value))}>
          ${this._versions.map(
            (v) =>
              html`<option value=${v.version} ?selected=${v.version === selected}>${this.t('library.versionLabel', { version: v.version })}</option>`,
          )}
        </select>
      </div>`;
    return html`
      <form class="compare" part="compare" @submit=${this.#compare}>
        ${versionField('bk-diff-from', this.t('library.compareFrom'), this._from, (version) => {
          this._from = version;
        })}
        ${versionField('bk-diff-to', this.t('library.compareTo'), this._to, (version) => {
          this._to = version;
        })}
        <button type="submit" class="button">${this.t('library.compare')}</button>
      </form>
      ${this._diffError ? html`<p class="notice error" role="alert">${this._diffError}</p>` : nothing} ${this.#renderDiff()}
    `;
  }

  /** A changed text's two sides with their deleted and inserted words marked; `null` for any other change. */
  #markedWords(change: FieldChange): MarkedPair | null {
    const known = this.#marked.get(change);
    if (known) return known;
    const cues: DiffCues = {
      deletedStart: this.t('library.diffDeletedStart'),
      deletedEnd: this.t('library.diffDeletedEnd'),
      insertedStart: this.t('library.diffInsertedStart'),
      insertedEnd: this.t('library.diffInsertedEnd'),
    };
    const { before, after, rendered } = change;
    let marked: MarkedPair | null = null;
    if (rendered && typeof rendered.before === 'string' && typeof rendered.after === 'string') {
      marked = diffHtml(rendered.before, rendered.after, cues);
    } else if (
      typeof before === 'string' &&
      typeof after === 'string' &&
      (OWN_TEXTS.has(change.path) || typeAt(this.template?.fields ?? [], change.path)?.type === 'text')
    ) {
      marked = diffText(before, after, cues);
    }
    if (marked) this.#marked.set(change, marked);
    return marked;
  }

  #renderDiff() {
    const diff = this._diff;
    if (!diff) return nothing;
    const caption = this.t('library.diffCaption', { from: diff.from, to: diff.to });
    if (diff.changes.length === 0) return html`<p class="empty">${this.t('library.diffNone', { from: diff.from, to: diff.to })}</p>`;
    const view: FormatContext = { t: (key, params) => this.t(key, params), locale: this.locale };
    const fields = this.template?.fields ?? [];
    // The server's labels are English; the card's own properties and the (localized) template's
    // fields are named in the reader's language.
    const labelOf = (change: FieldChange) => {
      const own = OWN_PROPERTY_LABELS[change.path];
      return own ? this.t(own) : (labelAt(fields, change.path) ?? change.label);
    };
    const shown = (change: FieldChange, value: FieldValue | null) => {
      if (value === null) return html`<span class="empty">${this.t('library.diffEmpty')}</span>`;
      // The card's own properties come first, under their own paths.
      if (change.path === 'tags' && Array.isArray(value)) return value.map((a) => areaLabel(view, a as PracticeArea)).join(', ');
      if (change.path === 'maturityLevel' && typeof value === 'number')
        return this.t('library.maturityOption', { number: value, level: this.t(`card.maturity.${value}` as MessageKey) });
      return formatWithType(view, typeAt(fields, change.path), value);
    };
    const cell = (change: FieldChange, side: 'before' | 'after') => {
      const marked = this.#markedWords(change);
      if (marked) return marked[side];
      const source = change.rendered?.[side];
      return typeof source === 'string' ? html`<div class="richtext">${userHtml(source)}</div>` : shown(change, change[side]);
    };
    return html`<div class="table-scroll" role="region" tabindex="0" aria-label=${caption}>
      <table part="diff">
        <caption>
          <h4>${caption}</h4>
        </caption>
        ${columnHeads([this.t('library.diffField'), this.t('library.diffBefore'), this.t('library.diffAfter')])}
        <tbody>
          ${diff.changes.map(
            (change) => html`<tr data-path=${change.path}>
              <th scope="row">${labelOf(change)} <span class="change">(${this.t(`library.change.${change.change}`)})</span></th>
              <td>${cell(change, 'before')}</td>
              <td>${cell(change, 'after')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
