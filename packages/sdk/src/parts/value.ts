/** Value-realisation plans: `@bridgekit/sdk/parts/value`. */
import type { MemberPart } from '../core.ts';
import { createValueApi } from '../value.ts';

/**
 * `value` of the member client.
 *
 * @example
 * const { value } = valuePart(memberTransport({ baseUrl, tenant: 'acme' }));
 */
export const valuePart: MemberPart<'value'> = (http) => ({ value: createValueApi(http) });
