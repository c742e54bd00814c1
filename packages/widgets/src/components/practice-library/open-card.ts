import type { BridgekitMemberClient, CardTemplate, PracticeCard } from '@bridgekit/sdk';
import type { ReactiveControllerHost } from 'lit';
import type { CardSaveReview } from '../../events/card-save.ts';
import type { MessageKey, Params } from '../../shared/i18n.ts';
import { templateFor } from '../practice-card/card-data.ts';
import { formatDate } from '../practice-card/card-format.ts';

export interface OpenCardOptions {
  client: () => BridgekitMemberClient | null;
  locale: () => string;
  /** The message for a card that could not be read. */
  describe: (err: unknown) => Promise<string>;
  /** A view of the card was counted. */
  onViewCounted: (id: string) => void;
}

/**
 * The card open in the library (its detail, form or history) with its template: read when
 * opened, a view counted once per card, replaced when it changes.
 */
export class OpenCard {
  card: PracticeCard | null = null;
  template: CardTemplate | null = null;
  /** Why the card could not be read; `''` when it was. */
  error = '';

  #host: ReactiveControllerHost;
  #options: OpenCardOptions;
  /** Cards a view was counted of. */
  #viewed = new Set<string>();

  constructor(host: ReactiveControllerHost, options: OpenCardOptions) {
    this.#host = host;
    this.#options = options;
  }

  async load(id: string): Promise<void> {
    const client = this.#options.client();
    if (!client) return;
    if (this.card?.id !== id) {
      this.card = null;
      this.template = null;
    }
    this.error = '';
    this.#host.requestUpdate();
    try {
      const card = await client.cards.get(id);
      const template = await templateFor(client, card.templateId, this.#options.locale()).catch(() => null);
      this.card = card;
      this.template = template;
      this.#countView(card.id);
    } catch (err) {
      this.error = await this.#options.describe(err);
    }
    this.#host.requestUpdate();
  }

  /** A newer copy of the card (saved, verified…); keeps the view count already shown. */
  replace(card: PracticeCard): PracticeCard {
    const keep = this.card?.id === card.id ? this.card.viewCount : 0;
    this.card = { ...card, viewCount: Math.max(card.viewCount, keep) };
    if (this.template?.id !== card.templateId) this.#loadTemplate(card.templateId);
    this.#host.requestUpdate();
    return this.card;
  }

  #loadTemplate(templateId: string): void {
    const client = this.#options.client();
    if (!client) return;
    void templateFor(client, templateId, this.#options.locale()).then(
      (template) => {
        this.template = template;
        this.#host.requestUpdate();
      },
      () => undefined,
    );
  }

  /** Opening a card counts a view, once per card. */
  #countView(id: string): void {
    const client = this.#options.client();
    if (!client || this.#viewed.has(id)) return;
    this.#viewed.add(id);
    client.cards.view(id).then(
      () => {
        if (this.card?.id === id) {
          this.card = { ...this.card, viewCount: this.card.viewCount + 1 };
          this.#host.requestUpdate();
        }
        this.#options.onViewCounted(id);
      },
      // A view that was not counted is not worth troubling the reader with.
      () => undefined,
    );
  }
}

/** What the library says once a card was saved: held for review, restored, or saved; and whether it was marked reviewed too. */
export function savedMessage(
  t: (key: MessageKey, params?: Params) => string,
  locale: string,
  card: PracticeCard,
  restored: boolean,
  review: CardSaveReview | null = null,
): string {
  const verified = review?.reviewed
    ? t('library.verified', { title: card.title, date: card.reviewBy ? formatDate(locale, card.reviewBy) : '' })
    : (review?.failed ?? '');
  if (review?.unchanged) return verified;
  let saved: string;
  if (card.moderation.state === 'pending') saved = t('library.savedHeld', { title: card.title });
  else if (card.pendingEdit?.state === 'pending') saved = t('library.editHeld', { title: card.title, version: card.version });
  else saved = t(restored ? 'library.restored' : 'library.saved', { title: card.title, version: card.version });
  return verified ? `${saved} ${verified}` : saved;
}
