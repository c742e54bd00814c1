/** Ideas' intake decisions: `@bridgekit/sdk/parts/intake`. */
import type { MemberPart } from '../core.ts';
import { createIntakeApi } from '../intake.ts';

/**
 * `intake` of the member client.
 *
 * @example
 * const { intake } = intakePart(memberTransport({ baseUrl, tenant: 'acme' }));
 */
export const intakePart: MemberPart<'intake'> = (http) => ({ intake: createIntakeApi(http) });
