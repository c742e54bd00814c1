/**
 * The library's heavier parts — a card's detail and actions, the card form, the history, the
 * review queue and the practice areas — loaded when first wanted, since most readers start by
 * searching and browsing the list. Each is an
 * internal element, registered on first use.
 */
import { defineElement } from '../../shared/define.ts';

const PARTS = {
  'bk-card-detail': () => import('./card-detail.ts').then((m) => m.BkCardDetail),
  'bk-card-form': () => import('./card-form.ts').then((m) => m.BkCardForm),
  'bk-card-history': () => import('./version-history.ts').then((m) => m.BkCardHistory),
  'bk-card-review-queue': () => import('./review-queue.ts').then((m) => m.BkCardReviewQueue),
  'bk-card-practice-areas': () => import('./practice-areas.ts').then((m) => m.BkCardPracticeAreas),
} satisfies Record<string, () => Promise<CustomElementConstructor>>;

export type PartTag = keyof typeof PARTS;

export async function loadPart(tag: PartTag): Promise<void> {
  if (customElements.get(tag)) return;
  defineElement(tag, await PARTS[tag]());
}
