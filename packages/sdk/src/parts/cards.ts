/** Practice cards, templates and practice areas: `@bridgekit/sdk/parts/cards`. */
import { createCardsApi } from '../cards.ts';
import type { MemberPart } from '../core.ts';

/**
 * `cards`, `templates` and `practiceAreas` of the member client.
 *
 * @example
 * const { cards } = cardsPart(memberTransport({ baseUrl, tenant: 'acme' }));
 * const card = await cards.get(id);
 */
export const cardsPart: MemberPart<'cards' | 'templates' | 'practiceAreas'> = createCardsApi;
