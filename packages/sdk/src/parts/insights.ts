/** The cockpit's figures: `@bridgekit/sdk/parts/insights`. */
import type { MemberPart } from '../core.ts';
import { createInsightsApi } from '../insights.ts';

/**
 * `insights` of the member client.
 *
 * @example
 * const { insights } = insightsPart(memberTransport({ baseUrl, tenant: 'acme' }));
 */
export const insightsPart: MemberPart<'insights'> = (http) => ({ insights: createInsightsApi(http) });
