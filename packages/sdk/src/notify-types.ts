/**
 * Bringing people back: what happened (events), who is told (subscriptions, notifications,
 * e-mail cadence), and where else it goes (webhooks). One registry of event types,
 * `EVENT_TYPES`, that the Worker, the widgets and the docs all read.
 */
import type { ItemRef } from './community-types.ts';

/** Every kind of event, in the order the docs list them. */
export const EVENT_TYPES = [
  'idea.created',
  'idea.status_changed',
  'idea.merged',
  'idea.scored',
  'idea.need_confirmed',
  'idea.intake_decided',
  'comment.created',
  'comment.edited',
  'comment.removed',
  'card.created',
  'card.updated',
  'card.review_due',
  'card.review_overdue',
  'card.verified',
  'card.obsolete',
  'value.measured',
  'health.invited',
  'moderation.queued',
  'content.held',
  'content.rejected',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The kinds of item an event is about; `health` is a health round (docs/health.md). */
export type EventItemKind = 'idea' | 'card' | 'comment' | 'health';

/**
 * The item an event is about: enough to name it and open its view. `url` is the tenant's page
 * for the kind (see `ItemPages`), or for a comment its thread's page with `#bk-comment=<id>`;
 * null when neither is known (then widgets link to the view on the current page).
 */
export interface EventItem extends ItemRef {
  kind: EventItemKind;
  url: string | null;
  /** For a comment: its thread's key (an idea's discussion is `idea:<id>`). */
  threadKey?: string;
}

/** Who did it: `null` for the system (a review date passing, the moderation pipeline). */
export interface EventActor {
  id: string;
  name: string;
  handle: string | null;
}

/**
 * One thing that happened in a tenant, as webhooks receive it (`format: 'raw'`) and as the
 * inbox and digests are built from. Recorded in the same D1 batch as the change (an outbox).
 */
export interface BridgekitEvent {
  /** Sortable: later events have greater ids. */
  id: string;
  type: EventType;
  tenant: string;
  /** ISO 8601. */
  occurredAt: string;
  actor: EventActor | null;
  item: EventItem;
  /**
   * What else the event carries, by type: `status` / `reason` / `card` (status changed), `into`
   * (merged), `commentId` / `parentId` / `snippet` (comments), `reviewBy` (card reviews),
   * `reason` (held, rejected, obsolete). Codes, not sentences: readers translate them.
   */
  data: Record<string, string | number | boolean | null>;
}

/** What a person can follow. `area` is a practice area, `tag` a card tag; `thread` any discussion. */
export type SubscriptionTarget = 'idea' | 'board' | 'thread' | 'card' | 'area' | 'tag';

/** How a subscription came about: `manual` (they chose to follow), or by taking part. */
export type SubscriptionSource = 'manual' | 'author' | 'voter' | 'commenter' | 'owner';

export interface Subscription {
  target: SubscriptionTarget;
  id: string;
  /** The followed item's title or name, when it has one. */
  title: string | null;
  source: SubscriptionSource;
  /** ISO 8601. */
  createdAt: string;
}

/**
 * Whether the caller follows an item. `following: false` with `source` set means they once took
 * part and unfollowed: taking part again does not subscribe them again.
 */
export interface FollowState {
  target: SubscriptionTarget;
  id: string;
  following: boolean;
  source: SubscriptionSource | null;
}

/**
 * Why a notification reached a person. Mentions always notify, whatever they follow; `invited`:
 * they were invited to answer a health round.
 */
export type NotificationReason = 'mention' | 'reply' | 'invited' | 'author' | 'voter' | 'owner' | 'following' | 'moderator';

export interface Notification {
  id: string;
  event: EventType;
  reason: NotificationReason;
  actor: EventActor | null;
  item: EventItem;
  /** As in {@link BridgekitEvent.data}. */
  data: BridgekitEvent['data'];
  /** ISO 8601, or null while unread. */
  readAt: string | null;
  createdAt: string;
}

export interface Inbox {
  items: Notification[];
  nextCursor: string | null;
  /** Unread notifications in all, not only on this page. */
  unread: number;
}

export interface InboxQuery {
  cursor?: string;
  /** 1–50, default 20. */
  limit?: number;
  /** Only unread ones. */
  unread?: boolean;
}

/** Kinds of notification a person sets the e-mail cadence of. */
export const NOTIFICATION_KINDS = ['mentions', 'replies', 'following', 'my_ideas', 'my_cards', 'moderation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** E-mail: at once, in a daily or weekly digest, or never (the inbox still shows it). */
export type Cadence = 'immediate' | 'daily' | 'weekly' | 'off';

export interface NotificationSettings {
  email: Record<NotificationKind, Cadence>;
}

export interface NotificationSettingsUpdate {
  email: Partial<Record<NotificationKind, Cadence>>;
}

/** What a webhook sends: the raw event, a Microsoft Teams Adaptive Card (workflow webhook), or Slack Block Kit. */
export type WebhookFormat = 'raw' | 'teams' | 'slack';

export interface WebhookInput {
  /** https only (http on loopback for development). */
  url: string;
  /** At least one; see `EVENT_TYPES`. */
  events: EventType[];
  /** Default `raw`. */
  format?: WebhookFormat;
  description?: string;
}

export interface WebhookUpdate {
  url?: string;
  events?: EventType[];
  format?: WebhookFormat;
  description?: string;
  /** `true` re-enables a webhook that was disabled after repeated failures. */
  enabled?: boolean;
}

export interface Webhook {
  id: string;
  url: string;
  events: EventType[];
  format: WebhookFormat;
  description: string;
  enabled: boolean;
  /** Why it was disabled (after repeated failures: the last status code or error). */
  disabledReason: string | null;
  /** Failed deliveries in a row; reset by a success. */
  consecutiveFailures: number;
  createdAt: string;
  updatedAt: string;
}

/** A webhook as created or rotated: `secret` is shown this once. */
export interface WebhookWithSecret extends Webhook {
  secret: string;
}

/** What a test delivery (a signed `ping`) got back from the receiver; it is not logged as a delivery. */
export interface WebhookTestResult {
  delivered: boolean;
  /** The receiver's HTTP status, or null when no answer came. */
  statusCode: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: EventType;
  /** 1 for the first try. */
  attempt: number;
  status: 'delivered' | 'failed';
  /** The receiver's HTTP status, or null when no answer came (the error says why). */
  statusCode: number | null;
  error: string | null;
  createdAt: string;
}
