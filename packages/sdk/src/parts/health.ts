/** Relationship health rounds: `@bridgekit/sdk/parts/health`. */
import type { MemberPart } from '../core.ts';
import { createHealthApi } from '../health.ts';

/**
 * `health` of the member client.
 *
 * @example
 * const { health } = healthPart(memberTransport({ baseUrl, tenant: 'acme' }));
 */
export const healthPart: MemberPart<'health'> = (http) => ({ health: createHealthApi(http) });
