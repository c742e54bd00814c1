import {
  AUDIT_ACTIONS,
  type AuditEntry,
  type CardModerationDecision,
  type Comment,
  type CommentCountsQuery,
  type CommentEdit,
  type CommentFlag,
  type CommentPreview,
  type CommentPreviewRequest,
  type CommentRevision,
  type CommentWithReplies,
  LIMITS,
  type LiveTicket,
  type MentionableQuery,
  type MentionableUser,
  type ModerationDecision,
  type ModerationSettings,
  type ModerationSettingsUpdate,
  type NewComment,
  type PageQuery,
  type PromoteStory,
  type Promotion,
  type QueueItem,
  REACTIONS,
  type RestrictedPerson,
  type Restriction,
  type ActivityQuery as SdkActivityQuery,
  type QueueQuery as SdkQueueQuery,
  type ThreadListQuery as SdkThreadListQuery,
  type ThreadPageQuery as SdkThreadPageQuery,
  type Thread,
  type ThreadActivity,
  type ThreadPage,
  type ThreadRef,
} from '@bridgekit/sdk';
import { normalizePageUrl } from '@bridgekit/sdk/page-url';
import { z } from '@hono/zod-openapi';
import { CardSchema, FieldChangeSchema } from './cards.ts';
import { orNull, ReasonParamsSchema, ReasonSchema, TenantParams } from './common.ts';
import { type Exact, expectType, requestType, requestTypeWithin } from './contract.ts';
import { IdeaSchema, PersonSchema } from './ideas.ts';
import { isBlank, line, NOT_BLANK_PATTERN, text, textPattern } from './text.ts';

const iso = () => z.string().openapi({ format: 'date-time' });
const BODY_MIN = LIMITS.commentBody.min;
const BODY_MAX = LIMITS.commentBody.max;

export const ReactionSchema = z.enum(REACTIONS).openapi({ description: '👍 `like`, 💡 `insight`, ❤️ `love`.' });
const ReactionCountsSchema = z.object({ like: z.number().int(), insight: z.number().int(), love: z.number().int() });

/** Who wrote a comment: a member, with the handle others @mention. */
const CommentAuthorSchema = PersonSchema.extend({ handle: z.string() }).openapi('CommentAuthor');

export const CommentSchema = z
  .object({
    id: z.string(),
    threadId: z.string(),
    parentId: z.string().nullable(),
    depth: z.number().int(),
    replyTo: z.object({ id: z.string(), author: z.string().nullable() }).nullable(),
    author: orNull(CommentAuthorSchema).openapi({ description: '`null` on a removed comment that stays as a placeholder.' }),
    body: z.string().nullable().openapi({ description: 'Markdown source.' }),
    html: z
      .string()
      .nullable()
      .openapi({ description: 'Safe HTML rendered on the server: no script, no event handlers, http(s)/mailto links only.' }),
    state: z.enum(['published', 'pending', 'removed']),
    pendingReason: z.string().nullable(),
    pendingReasonCode: orNull(ReasonSchema),
    pendingReasonParams: ReasonParamsSchema,
    editedAt: iso().nullable(),
    createdAt: iso(),
    pinned: z.boolean(),
    accepted: z.boolean(),
    reactions: ReactionCountsSchema,
    myReactions: z.array(ReactionSchema),
    mine: z.boolean(),
    replyCount: z.number().int(),
  })
  .openapi('Comment');
expectType<Exact<z.infer<typeof CommentSchema>, Comment>>(true);

export const CommentWithRepliesSchema = CommentSchema.extend({
  replies: z.array(CommentSchema),
  moreReplies: z.string().nullable(),
}).openapi('CommentWithReplies');
expectType<Exact<z.infer<typeof CommentWithRepliesSchema>, CommentWithReplies>>(true);

export const ThreadSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    commentCount: z.number().int(),
    acceptedCommentId: z.string().nullable(),
    startedByMe: z.boolean(),
    createdAt: iso(),
    lastCommentAt: iso().nullable(),
    practices: z.array(z.object({ id: z.string(), title: z.string(), comment: z.string().nullable() })).openapi({
      description:
        'Published practice cards the war story became, oldest first: promoted from the thread whole (`comment: null`) or from that comment.',
    }),
  })
  .openapi('Thread');
expectType<Exact<z.infer<typeof ThreadSchema>, Thread>>(true);

export const ThreadListSchema = z.object({ items: z.array(ThreadSchema), nextCursor: z.string().nullable() }).openapi('ThreadList');

export const ThreadPageSchema = z
  .object({
    thread: orNull(ThreadSchema).openapi({ description: '`null` until the first comment.' }),
    items: z.array(CommentWithRepliesSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('ThreadPage');
expectType<Exact<z.infer<typeof ThreadPageSchema>, ThreadPage>>(true);

/** An explicit thread key: any printable text up to 256 characters (e.g. `practice-card:42`). */
const ThreadKeySchema = line('The key', { max: 256 });

const PageUrlSchema = z
  .string()
  .max(2048, 'The URL can have at most 2,048 characters.')
  .transform((value, ctx) => {
    const normalized = normalizePageUrl(value);
    if (normalized === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'Give the absolute http(s) URL of the page, e.g. https://intranet.contoso.com/sites/brm/war-stories.',
      });
      return z.NEVER;
    }
    return normalized;
  })
  .openapi({ type: 'string', format: 'uri', maxLength: 2048 });

/** A thread is found by `key` or by `url`: exactly one. */
function oneRef<T extends { key?: string | undefined; url?: string | undefined }>(value: T, ctx: z.RefinementCtx): void {
  if ((value.key === undefined) === (value.url === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['key'], message: 'Give exactly one of `key` (an explicit thread key) or `url` (the page URL).' });
  }
}

export const ThreadPageQuery = z
  .strictObject({
    key: ThreadKeySchema.optional().openapi({
      description: 'The thread key, e.g. `practice-card:42`. Give exactly one of `key` and `url`.',
    }),
    url: PageUrlSchema.optional().openapi({
      description: 'The page URL; query string and fragment are ignored. Give exactly one of `key` and `url`.',
    }),
    sort: z.enum(['oldest', 'newest', 'top']).default('oldest'),
    cursor: z.string().max(512).optional().openapi({ description: '`nextCursor` of the previous page.' }),
    limit: z.coerce.number().int().min(1).max(50, 'At most 50 top-level comments per page.').default(20),
  })
  .superRefine(oneRef);
requestTypeWithin<SdkThreadPageQuery>()(ThreadPageQuery, true);

export const CountsQuery = z
  .strictObject({
    key: z
      .union([ThreadKeySchema, z.array(ThreadKeySchema)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    url: z
      .union([PageUrlSchema, z.array(PageUrlSchema)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  })
  .refine((q) => q.key.length + q.url.length >= 1 && q.key.length + q.url.length <= 100, {
    message: 'Ask for 1 to 100 threads: repeat `key=` or `url=`.',
    path: ['key'],
  });
requestTypeWithin<CommentCountsQuery>()(CountsQuery, true);

export const CountsSchema = z
  .object({
    counts: z
      .record(z.string(), z.number().int())
      .openapi({ description: 'Published comments, by the key or URL as asked; 0 for a page without a thread.' }),
  })
  .openapi('CommentCounts');

const markdownBody = z
  .string()
  .min(BODY_MIN, 'Write something first.')
  .max(BODY_MAX, `A comment can have at most ${BODY_MAX.toLocaleString('en')} characters.`)
  .refine((s) => !isBlank(s), 'Write something first.')
  // Not blank; what the text rules refuse in Markdown is taken out, not refused (text.ts `cleanText`).
  .openapi({ pattern: NOT_BLANK_PATTERN });

export const NewCommentSchema = z
  .strictObject({
    key: ThreadKeySchema.optional(),
    url: PageUrlSchema.optional(),
    body: markdownBody.openapi({ description: 'Markdown: emphasis, lists, links, code, quotes. Raw HTML is shown as text.' }),
    parentId: z.string().min(1).max(64).optional().openapi({ description: 'Reply to this comment of the same thread.' }),
    title: line('The title', { max: 200 })
      .optional()
      .openapi({ description: "The thread's title when this comment starts it (e.g. the page title)." }),
  })
  .superRefine(oneRef)
  .openapi('NewComment', {
    description: 'Give exactly one of `key` (an explicit thread key) and `url` (the page URL).',
    // Exactly one: a body with both matches both, which `oneOf` refuses. Generated clients get `{ key } | { url }`.
    oneOf: [
      { properties: { key: { type: 'string' } }, required: ['key'] },
      { properties: { url: { type: 'string' } }, required: ['url'] },
    ],
  });
requestTypeWithin<ThreadRef & NewComment>()(NewCommentSchema, true);

export const EditCommentSchema = z.strictObject({ body: markdownBody }).openapi('CommentEdit');
requestType<CommentEdit>()(EditCommentSchema, true);

export const CommentPreviewRequestSchema = z.strictObject({ body: markdownBody }).openapi('CommentPreviewRequest');
requestType<CommentPreviewRequest>()(CommentPreviewRequestSchema, true);

export const CommentPreviewSchema = z
  .object({ html: z.string().openapi({ description: 'Safe HTML, exactly as a posted comment with this text would show.' }) })
  .openapi('CommentPreview');
expectType<Exact<z.infer<typeof CommentPreviewSchema>, CommentPreview>>(true);

export const CommentParams = TenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'k3v9q0m2x7h1c8td' }),
});

export const ReactionParams = CommentParams.extend({
  reaction: ReactionSchema.openapi({ param: { name: 'reaction', in: 'path' } }),
});

export const ThreadParams = TenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const RepliesQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
requestTypeWithin<PageQuery>()(RepliesQuery, true);

export const ThreadListQuery = z.strictObject({
  kind: z
    .enum(['page', 'idea', 'card'])
    .optional()
    .openapi({ description: "Only a page's threads (`page`), or only ideas' or cards' own discussions. All when absent." }),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
requestTypeWithin<SdkThreadListQuery>()(ThreadListQuery, true);

export const RepliesPageSchema = z.object({ items: z.array(CommentSchema), nextCursor: z.string().nullable() }).openapi('CommentPage');

/** The text of a full activity answer's `next` (store/threads.ts ActivityCursor): `at.readAt.id`. */
export const ACTIVITY_CURSOR = /^(\d{1,15})\.(\d{1,15})\.([\w-]{1,64})$/;

export const ActivityQuery = z.strictObject({
  since: z
    .string()
    .datetime({ offset: true, message: 'Give `since` as an ISO 8601 time: `until` of the previous answer.' })
    .openapi({ description: '`until` of the previous answer (or the time the page was loaded).' }),
  after: z
    .string()
    .regex(ACTIVITY_CURSOR)
    .optional()
    .openapi({ description: '`next` of the previous answer, which was cut off: goes on where it stopped (with the same `since`).' }),
});
requestTypeWithin<SdkActivityQuery>()(ActivityQuery, true);

export const ThreadActivitySchema = z
  .object({
    created: z.array(z.string()),
    updated: z.array(z.string()),
    removed: z.array(z.string()),
    until: iso(),
    next: z.string().optional().openapi({ description: 'Only on an answer cut off at 500 changes: pass it as `after` for the rest.' }),
  })
  .openapi('ThreadActivity');
expectType<Exact<z.infer<typeof ThreadActivitySchema>, ThreadActivity>>(true);

export const LiveTicketSchema = z.object({ url: z.string(), expiresAt: iso() }).openapi('LiveTicket');
expectType<Exact<z.infer<typeof LiveTicketSchema>, LiveTicket>>(true);

export const PromoteStorySchema = z
  .strictObject({
    template: z.string().min(1).max(64).openapi({ description: 'The card template, e.g. `practice`.', example: 'practice' }),
    comment: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "A comment of the thread to promote, rather than the thread's first comment." }),
  })
  .openapi('PromoteStory');
requestType<PromoteStory>()(PromoteStorySchema, true);

export const PromotionSchema = z
  .object({
    card: CardSchema,
    created: z.boolean().openapi({ description: '`false`: the story had become this card before.' }),
  })
  .openapi('Promotion');
expectType<Exact<z.infer<typeof PromotionSchema>, Promotion>>(true);

export const RevisionSchema = z
  .object({ body: z.string(), html: z.string(), replacedAt: iso(), by: z.string() })
  .openapi('CommentRevision');
expectType<Exact<z.infer<typeof RevisionSchema>, CommentRevision>>(true);

export const FlagSchema = z
  .strictObject({
    reason: z.enum(['spam', 'abuse', 'off_topic', 'confidential', 'other']),
  })
  .openapi('Flag');
requestType<CommentFlag>()(FlagSchema, true);

export const UsersQuery = z.strictObject({
  q: z.string().trim().min(1, 'Type at least one letter.').max(60),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
requestTypeWithin<MentionableQuery>()(UsersQuery, true);

export const MentionableUserSchema = z
  .object({ handle: z.string(), name: z.string(), businessUnit: z.string().nullable() })
  .openapi('MentionableUser');
expectType<Exact<z.infer<typeof MentionableUserSchema>, MentionableUser>>(true);

// ——— Moderation ———

const wordList = z.array(line('A listed word or phrase', { max: 100 })).max(1000, 'At most 1,000 words per list.');

export const ModerationSettingsSchema = z
  .object({
    preModeration: z.enum(['off', 'new_users', 'all']),
    newUserComments: z.number().int().min(1).max(100),
    bannedWords: z.array(z.string()),
    suspectWords: z.array(z.string()),
    maxLinks: z.number().int().min(0).max(100),
    repeatWindowMinutes: z.number().int().min(0).max(10_080),
    flagThreshold: z.number().int().min(0).max(100),
    maxDepth: z.number().int().min(1).max(8),
  })
  .openapi('ModerationSettings');
expectType<Exact<z.infer<typeof ModerationSettingsSchema>, ModerationSettings>>(true);

export const ModerationSettingsUpdateSchema = z
  .strictObject({
    preModeration: z.enum(['off', 'new_users', 'all']).optional(),
    newUserComments: z.number().int().min(1).max(100).optional(),
    bannedWords: wordList.optional(),
    suspectWords: wordList.optional(),
    maxLinks: z.number().int().min(0).max(100).optional(),
    repeatWindowMinutes: z.number().int().min(0).max(10_080).optional(),
    flagThreshold: z.number().int().min(0).max(100).optional(),
    maxDepth: z.number().int().min(1, 'Replies nest at least 1 level.').max(8, 'Replies nest at most 8 levels.').optional(),
  })
  .openapi('ModerationSettingsUpdate');
requestType<ModerationSettingsUpdate>()(ModerationSettingsUpdateSchema, true);

export const QueueQuery = z.strictObject({
  reason: z.enum(['pending', 'flagged', 'all']).default('all'),
  kind: z.enum(['comment', 'idea', 'card']).optional().openapi({ description: 'Only comments, ideas or cards.' }),
  thread: z.string().max(64).optional().openapi({ description: "Only this thread's comments (its id)." }),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
requestTypeWithin<SdkQueueQuery>()(QueueQuery, true);

const queueItemBase = {
  authorId: z.string(),
  reason: z.enum(['pending', 'flagged']),
  detail: z.string(),
  detailCode: orNull(ReasonSchema),
  detailParams: ReasonParamsSchema,
  flags: z.array(z.object({ reason: z.enum(['spam', 'abuse', 'off_topic', 'confidential', 'other']), count: z.number().int() })),
  authorRestrictedUntil: z.string().nullable(),
};

export const QueueItemSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('comment'),
      comment: CommentSchema,
      thread: z.object({ id: z.string(), key: z.string(), url: z.string().nullable(), title: z.string().nullable() }),
      ...queueItemBase,
    }),
    z.object({ kind: z.literal('idea'), idea: IdeaSchema, ...queueItemBase }),
    z.object({
      kind: z.literal('card'),
      card: CardSchema.openapi({ description: 'As it would read once approved.' }),
      edit: z
        .object({ id: z.string(), baseVersion: z.number().int() })
        .nullable()
        .openapi({ description: 'A held edit of a published card (`null`: a new card held whole). Decide with its `id` as `edit`.' }),
      changes: z
        .array(FieldChangeSchema)
        .openapi({ description: "An edit's changes, or every value a new card fills in, labelled as the form labels them." }),
      ...queueItemBase,
    }),
  ])
  .openapi('QueueItem');
expectType<Exact<z.infer<typeof QueueItemSchema>, QueueItem>>(true);

export const QueuePageSchema = z.object({ items: z.array(QueueItemSchema), nextCursor: z.string().nullable() }).openapi('QueuePage');

const reasonText = (what: string) =>
  text(what, { max: 1000 })
    .refine((s) => s.length > 0, `${what} cannot be empty: say why, it goes to the audit log, where admins read it.`)
    .openapi({ pattern: textPattern('text', true) });

export const DecisionSchema = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('approve') }),
    z.strictObject({ action: z.literal('reject'), reason: reasonText('The reason') }),
  ])
  .openapi('ModerationDecision');
requestType<ModerationDecision>()(DecisionSchema, true);

export const CardDecisionSchema = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('approve'), edit: z.string().min(1).max(64).optional() }),
    z.strictObject({ action: z.literal('reject'), reason: reasonText('The reason'), edit: z.string().min(1).max(64).optional() }),
  ])
  .openapi('CardModerationDecision', { description: 'With `edit`: a decision on that held edit of the card (`QueueItem.edit.id`).' });
requestType<CardModerationDecision>()(CardDecisionSchema, true);

export const RestrictionSchema = z
  .strictObject({
    reason: reasonText('The reason'),
    until: z
      .string()
      .datetime({ offset: true, message: 'Give `until` as an ISO 8601 time, or leave it out to ban without end.' })
      .optional(),
  })
  .openapi('Restriction');
requestType<Restriction>()(RestrictionSchema, true);

export const UserParams = TenantParams.extend({
  userId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'userId', in: 'path' } }),
});

export const AuditQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
requestTypeWithin<PageQuery>()(AuditQuery, true);

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.object({ name: z.string(), subject: z.string() }),
    target: z.object({ type: z.enum(['comment', 'idea', 'card', 'user', 'tenant']), id: z.string() }),
    reason: z.string().nullable(),
    at: iso(),
  })
  .openapi('AuditEntry');
expectType<Exact<z.infer<typeof AuditEntrySchema>, AuditEntry>>(true);

export const RestrictedPersonSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    handle: z.string().nullable(),
    restrictedUntil: z.string().openapi({ description: '`"forever"` for a ban, else when the time-out ends (ISO 8601).' }),
    reason: z.string().nullable(),
    restrictedBy: z
      .string()
      .nullable()
      .openapi({ description: 'The name of who banned or timed them out, from the audit log; null when unknown.' }),
  })
  .openapi('RestrictedPerson');
expectType<Exact<z.infer<typeof RestrictedPersonSchema>, RestrictedPerson>>(true);

export const RestrictionsPageSchema = z
  .object({ items: z.array(RestrictedPersonSchema), nextCursor: z.string().nullable() })
  .openapi('RestrictionsPage');

export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }).openapi('AuditPage');
