/** Business units' objectives: `@bridgekit/sdk/parts/objectives`. */
import type { MemberPart } from '../core.ts';
import { createObjectivesApi } from '../intake.ts';

/**
 * `objectives` of the member client.
 *
 * @example
 * const { objectives } = objectivesPart(memberTransport({ baseUrl, tenant: 'acme' }));
 */
export const objectivesPart: MemberPart<'objectives'> = (http) => ({ objectives: createObjectivesApi(http) });
