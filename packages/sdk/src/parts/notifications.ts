/** The inbox and what one follows: `@bridgekit/sdk/parts/notifications`. */
import type { MemberPart } from '../core.ts';
import { createNotificationsApi } from '../notifications.ts';

/**
 * `notifications` and `subscriptions` of the member client.
 *
 * @example
 * const { notifications } = notificationsPart(memberTransport({ baseUrl, tenant: 'acme', token }));
 * const inbox = await notifications.inbox();
 */
export const notificationsPart: MemberPart<'notifications' | 'subscriptions'> = createNotificationsApi;
