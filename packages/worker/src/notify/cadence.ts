/**
 * How often each kind of notification is e-mailed when a person has not said: the one home of
 * the defaults, read by the settings routes and by the digests.
 */
import { type Cadence, NOTIFICATION_KINDS, type NotificationKind } from '@bridgekit/sdk';

export const DEFAULT_EMAIL_CADENCE: Readonly<Record<NotificationKind, Cadence>> = {
  mentions: 'immediate',
  replies: 'immediate',
  my_ideas: 'daily',
  my_cards: 'daily',
  following: 'weekly',
  moderation: 'daily',
};

/** A person's cadence per kind: what they chose, the default for the rest. */
export function emailCadence(stored: Partial<Record<NotificationKind, Cadence>> | null | undefined): Record<NotificationKind, Cadence> {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, stored?.[kind] ?? DEFAULT_EMAIL_CADENCE[kind]])) as Record<
    NotificationKind,
    Cadence
  >;
}
