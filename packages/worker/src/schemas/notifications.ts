/** A person's notifications, their e-mail cadence, and what they follow. */
import {
  type Cadence,
  EVENT_TYPES,
  type FollowState,
  type Inbox,
  type InboxQuery,
  NOTIFICATION_KINDS,
  type NotificationSettings,
  type NotificationSettingsUpdate,
  type Subscription,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { REASONS } from '../notify/audience.ts';
import { TenantParams } from './common.ts';
import { type Exact, expectType, requestType, requestTypeWithin } from './contract.ts';

const iso = () => z.string().openapi({ format: 'date-time' });

export const EventTypeSchema = z
  .enum(EVENT_TYPES)
  .openapi('EventType', { description: 'A kind of event (docs/notifications.md, docs/webhooks.md#events).' });

const EventActorSchema = z
  .object({ id: z.string(), name: z.string(), handle: z.string().nullable() })
  .openapi('EventActor', { description: 'Who did it; null for the system (a review date passing, the moderation pipeline).' });

export const EventItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(['idea', 'card', 'comment', 'health']).openapi({ description: '`health`: a health round.' }),
    url: z.string().nullable().openapi({
      description:
        "The tenant's page for the item (its item pages), or for a comment its thread's page with `#bk-comment=<id>` (an idea's or card's own discussion: that item's page); null when no page is known.",
    }),
    threadKey: z.string().optional().openapi({ description: "For a comment: its thread's key (an idea's discussion is `idea:<id>`)." }),
  })
  .openapi('EventItem');

const EventDataSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).openapi('EventData', {
  description:
    'What else the event carries, by type: `status`, `from`, `category`, `reason`, `card` (status changed), `into` (merged), `thread`, `parentId`, `snippet` (comments), `reviewBy` (verified, reviews), `reason` (held, rejected, obsolete), `edit` (a held card edit). Codes, not sentences, where there is a code.',
});

export const NotificationReasonSchema = z.enum(REASONS);

export const NotificationSchema = z
  .object({
    id: z.string(),
    event: EventTypeSchema,
    reason: NotificationReasonSchema.openapi({
      description: 'Why it reached the person; a person is told once per event, for the strongest reason.',
    }),
    actor: EventActorSchema.nullable(),
    item: EventItemSchema,
    data: EventDataSchema,
    readAt: iso().nullable(),
    createdAt: iso(),
  })
  .openapi('Notification');
expectType<Exact<z.infer<typeof NotificationSchema>['reason'], import('@bridgekit/sdk').NotificationReason>>(true);

export const InboxSchema = z
  .object({
    items: z.array(NotificationSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int().openapi({ description: 'Unread notifications in all, not only on this page.' }),
  })
  .openapi('Inbox');
expectType<Exact<z.infer<typeof InboxSchema>, Inbox>>(true);

export const InboxQuerySchema = z.strictObject({
  cursor: z.string().max(512).optional().openapi({ description: '`nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  unread: z
    .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional())
    .openapi({ type: 'string', enum: ['true', 'false'], description: '`true`: only unread ones.' }),
});
requestTypeWithin<InboxQuery>()(InboxQuerySchema, true);

/** At most this many ids per request. */
const READ_MAX = 100;

export const MarkReadSchema = z
  .union([z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1).max(READ_MAX) }), z.strictObject({ all: z.literal(true) })])
  .openapi('MarkRead', { description: `\`{"ids": [...]}\` (1–${READ_MAX} of the caller's notifications), or \`{"all": true}\`.` });
requestType<{ ids: string[] } | { all: true }>()(MarkReadSchema, true);

export const UnreadSchema = z.object({ unread: z.number().int() }).openapi('UnreadCount');

export const CadenceSchema = z.enum(['immediate', 'daily', 'weekly', 'off'] satisfies Cadence[]);

export const NotificationSettingsSchema = z
  .object({
    email: z
      .object({
        mentions: CadenceSchema,
        replies: CadenceSchema,
        following: CadenceSchema,
        my_ideas: CadenceSchema,
        my_cards: CadenceSchema,
        moderation: CadenceSchema,
      })
      .openapi({
        description: `How often each kind (${NOTIFICATION_KINDS.join(', ')}) is e-mailed: at once, in a daily or weekly digest, or never.`,
      }),
  })
  .openapi('NotificationSettings');
expectType<Exact<z.infer<typeof NotificationSettingsSchema>, NotificationSettings>>(true);

export const NotificationSettingsUpdateSchema = z
  .strictObject({
    email: z.strictObject({
      mentions: CadenceSchema.optional(),
      replies: CadenceSchema.optional(),
      following: CadenceSchema.optional(),
      my_ideas: CadenceSchema.optional(),
      my_cards: CadenceSchema.optional(),
      moderation: CadenceSchema.optional(),
    }),
  })
  .openapi('NotificationSettingsUpdate', { description: 'The kinds given change; the others stay.' });
requestType<NotificationSettingsUpdate>()(NotificationSettingsUpdateSchema, true);

export const TargetSchema = z.enum(['idea', 'board', 'thread', 'card', 'area', 'tag']);
export const SourceSchema = z.enum(['manual', 'author', 'voter', 'commenter', 'owner']);

export const SubscriptionSchema = z
  .object({
    target: TargetSchema,
    id: z.string(),
    title: z.string().nullable().openapi({ description: "The followed item's title or name; null for areas and tags." }),
    source: SourceSchema.openapi({ description: '`manual`: followed on purpose; else by taking part.' }),
    createdAt: iso(),
  })
  .openapi('Subscription');
expectType<Exact<z.infer<typeof SubscriptionSchema>, Subscription>>(true);

export const SubscriptionListSchema = z.object({ items: z.array(SubscriptionSchema) }).openapi('SubscriptionList');

export const FollowStateSchema = z
  .object({
    target: TargetSchema,
    id: z.string(),
    following: z.boolean(),
    source: SourceSchema.nullable().openapi({
      description:
        'How the subscription came about; set with `following: false` when the person unfollowed (taking part again does not follow again).',
    }),
  })
  .openapi('FollowState');
expectType<Exact<z.infer<typeof FollowStateSchema>, FollowState>>(true);

export const FollowParams = TenantParams.extend({
  target: TargetSchema.openapi({ param: { name: 'target', in: 'path' }, example: 'idea' }),
  id: z
    .string()
    .min(1)
    .max(500)
    .openapi({
      param: { name: 'id', in: 'path' },
      example: 'k3v9q0m2x7h1c8td',
      description: "The idea's, board's, thread's or card's id, the practice area, or the tag (at most 40 characters).",
    }),
});
