import type { PracticeArea, PracticeAreaSummary } from '@bridgekit/sdk';
import { css, html, nothing } from 'lit';
import { formatList } from '../../shared/i18n.ts';
import { PagedList } from '../../shared/paged-list.ts';
import { columnHeads } from '../../shared/table.ts';
import { areaLabel } from '../practice-card/card-view.ts';
import { partStyles, titleButtonStyles } from './controls.styles.ts';
import { LibrarySection } from './section.ts';

/**
 * The practice areas with their cards and owners — the named experts of each area — and the
 * areas nobody owns, flagged.
 *
 * Internal to `bk-practice-library`.
 *
 * @csspart areas - The table of practice areas.
 */
export class BkCardPracticeAreas extends LibrarySection {
  static override styles = [
    ...partStyles,
    titleButtonStyles,
    css`
      .unowned {
        display: inline-block;
        padding: 0.0625rem 0.5rem;
        border: 1px solid var(--_danger);
        border-radius: 999px;
        color: var(--_danger);
        font-size: 0.75rem;
        font-weight: 600;
      }

      tr.no-owner th {
        border-inline-start: 4px solid var(--_danger);
      }
    `,
  ];
  static override properties = {
    showArea: { attribute: false },
  };

  /** Shows the library filtered by an area. */
  declare showArea: ((area: PracticeArea) => void) | undefined;

  /** All areas come in one answer: a list of one page. */
  #list = new PagedList<PracticeAreaSummary>(this, {
    fetch: async (_cursor, signal) => {
      const client = this.client;
      if (!client) throw new Error('not configured');
      return { items: await client.practiceAreas({ signal }), nextCursor: null };
    },
    key: (summary) => summary.area,
    describe: (err) => this.describeError(err),
  });

  protected load(): void {
    if (!this.client) {
      this.#list.abort();
      return;
    }
    void this.#list.load();
  }

  protected override render() {
    return html`<div class="view">
      <h3 id="bk-areas-heading" tabindex="-1">${this.t('library.areasHeading')}</h3>
      <p class="hint">${this.t('library.areasHint')}</p>
      ${this.#renderBody()}
    </div>`;
  }

  #renderBody() {
    if (this.#list.status === 'loading') return html`<p role="status">${this.t('library.areasLoading')}</p>`;
    if (this.#list.status === 'error') return html`<p class="notice error" role="alert">${this.#list.error}</p>`;
    const view = { t: this.t.bind(this), locale: this.locale };
    const count = new Intl.NumberFormat(this.locale);
    const unowned = this.#list.items.filter((a) => a.owners.length === 0).length;
    return html`
      ${unowned > 0 ? html`<p class="notice">${this.t('library.areasUnowned', { count: unowned })}</p>` : nothing}
      <div class="table-scroll" role="region" tabindex="0" aria-label=${this.t('library.areasTableLabel')}>
        <table part="areas">
          ${columnHeads([
            this.t('library.areaColumn'),
            this.t('library.cardsColumn'),
            this.t('library.ownersColumn'),
            this.t('library.unownedColumn'),
          ])}
          <tbody>
            ${this.#list.items.map(
              (a) => html`<tr class=${a.owners.length === 0 ? 'no-owner' : ''} data-area=${a.area}>
                <th scope="row">
                  <button type="button" class="title-button" @click=${() => this.showArea?.(a.area)}>${areaLabel(view, a.area)}</button>
                </th>
                <td>${count.format(a.cardCount)}</td>
                <td>
                  ${
                    a.owners.length > 0
                      ? formatList(
                          this.locale,
                          a.owners.map((o) => this.personName(o.name)),
                        )
                      : html`<span class="unowned">${this.t('library.noOwner')}</span>`
                  }
                </td>
                <td>${count.format(a.unownedCards)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}
