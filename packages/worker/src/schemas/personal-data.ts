/** A person's own data: the export (`PersonalExport`, version 1) and the erasure (docs/privacy.md). */
import {
  CONFIG_CHANGE_ACTIONS,
  type EraseMeInput,
  INTAKE_STEPS,
  NOTIFICATION_KINDS,
  type PersonalExport,
  type PersonErasure,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { TenantParams } from './common.ts';
import { ConfigChangesSchema } from './config-log.ts';
import { type Exact, expectType, requestType } from './contract.ts';
import { CadenceSchema, EventTypeSchema, NotificationReasonSchema, SourceSchema, TargetSchema } from './notifications.ts';

const iso = () => z.string().openapi({ format: 'date-time' });
const role = z.enum(['evaluator', 'moderator', 'admin']);

export const PersonKeyParams = TenantParams.extend({
  person: z
    .string()
    .min(1)
    .max(300)
    .openapi({
      param: { name: 'person', in: 'path' },
      example: 'k3v9q0m2x7h1c8td',
      description: "The person's id, or their subject (as `GET /me` gives `user.id`), URL-encoded.",
    }),
});

const EXPORT_LISTS = [
  'ideas',
  'ideaRevisions',
  'votes',
  'scores',
  'statusChanges',
  'comments',
  'commentRevisions',
  'reactions',
  'flags',
  'mentions',
  'cards',
  'cardVersions',
  'cardEdits',
  'helped',
  'subscriptions',
  'notifications',
  'moderationActions',
  'configChanges',
  'healthInvitations',
  'healthAnswers',
  'intakeDecisions',
  'valueBenefits',
  'valueActuals',
] as const;

export const PersonalExportSchema = z
  .object({
    format: z.literal('bridgekit.personal-export'),
    version: z.literal(1),
    exportedAt: iso(),
    tenant: z.object({ slug: z.string(), name: z.string() }),
    person: z.object({
      id: z.string().nullable().openapi({ description: 'Null when they never wrote anything.' }),
      subject: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      businessUnit: z.string().nullable(),
      handle: z.string().nullable(),
      kind: z.enum(['person', 'proxy', 'erased']),
      grantedRole: role.nullable(),
      claimRole: z.enum(['member', 'evaluator', 'moderator', 'admin']).nullable(),
      restriction: z.object({ until: iso(), reason: z.string().nullable() }).nullable(),
      joinedAt: iso().nullable(),
      lastSeenAt: iso().nullable(),
    }),
    ideas: z.array(
      z.object({
        id: z.string(),
        board: z.string(),
        title: z.string(),
        description: z.string(),
        lane: z.enum(['opportunity', 'change_request']),
        problem: z.string().nullable(),
        beneficiary: z.string().nullable(),
        valueType: z.string().nullable(),
        effortSize: z.string().nullable(),
        objective: z.string().nullable(),
        status: z.string(),
        state: z.enum(['published', 'pending', 'rejected']),
        role: z.enum(['author', 'recorded', 'sponsor']),
        createdAt: iso(),
        editedAt: iso().nullable(),
      }),
    ),
    ideaRevisions: z.array(z.object({ idea: z.string(), title: z.string(), description: z.string(), createdAt: iso() })),
    votes: z.array(z.object({ idea: z.string(), title: z.string(), count: z.number().int(), refunded: z.boolean(), createdAt: iso() })),
    scores: z.array(z.object({ idea: z.string(), criterion: z.string(), value: z.number(), updatedAt: iso() })),
    statusChanges: z.array(
      z.object({ idea: z.string(), from: z.string().nullable(), to: z.string(), reason: z.string().nullable(), createdAt: iso() }),
    ),
    comments: z.array(
      z.object({
        id: z.string(),
        thread: z.object({ id: z.string(), key: z.string() }),
        parentId: z.string().nullable(),
        body: z.string(),
        state: z.enum(['published', 'pending', 'removed']),
        createdAt: iso(),
        editedAt: iso().nullable(),
      }),
    ),
    commentRevisions: z.array(z.object({ comment: z.string(), body: z.string(), replacedAt: iso() })),
    reactions: z.array(z.object({ comment: z.string(), reaction: z.string(), createdAt: iso() })),
    flags: z.array(z.object({ comment: z.string(), reason: z.string(), createdAt: iso(), resolvedAt: iso().nullable() })),
    mentions: z.array(z.object({ comment: z.string() })),
    cards: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        templateId: z.string(),
        state: z.enum(['published', 'pending', 'rejected']),
        version: z.number().int(),
        roles: z.array(z.enum(['author', 'owner'])),
        createdAt: iso(),
        updatedAt: iso(),
      }),
    ),
    cardVersions: z.array(
      z.object({
        card: z.string(),
        version: z.number().int(),
        title: z.string(),
        summary: z.string(),
        fields: z.unknown().openapi({ description: 'The card’s field values then, as the card API sends them.' }),
        note: z.string().nullable(),
        createdAt: iso(),
      }),
    ),
    cardEdits: z.array(z.object({ card: z.string(), state: z.enum(['pending', 'rejected']), reason: z.string(), createdAt: iso() })),
    helped: z.array(z.object({ card: z.string(), createdAt: iso() })),
    subscriptions: z.array(
      z.object({
        target: TargetSchema,
        id: z.string(),
        source: SourceSchema,
        active: z.boolean(),
        createdAt: iso(),
      }),
    ),
    notificationSettings: z
      .object({
        email: z.partialRecord(z.enum(NOTIFICATION_KINDS), CadenceSchema),
      })
      .nullable(),
    notifications: z.array(
      z.object({
        id: z.string(),
        event: EventTypeSchema,
        reason: NotificationReasonSchema,
        item: z.object({ kind: z.string(), id: z.string() }),
        readAt: iso().nullable(),
        createdAt: iso(),
      }),
    ),
    moderationActions: z.array(
      z.object({
        action: z.string(),
        target: z.object({ type: z.string(), id: z.string() }),
        reason: z.string().nullable(),
        createdAt: iso(),
      }),
    ),
    configChanges: z.array(
      z.object({ action: z.enum(CONFIG_CHANGE_ACTIONS), target: z.string().nullable(), changes: ConfigChangesSchema, createdAt: iso() }),
    ),
    healthInvitations: z.array(
      z.object({
        round: z.string(),
        title: z.string(),
        unit: z.string(),
        side: z.enum(['business', 'provider']),
        respondedAt: iso().nullable(),
        invitedAt: iso(),
      }),
    ),
    healthAnswers: z.array(
      z.object({ round: z.string(), title: z.string(), item: z.string(), score: z.number().int(), comment: z.string().nullable() }),
    ),
    intakeDecisions: z.array(
      z.object({
        idea: z.string(),
        step: z.enum(INTAKE_STEPS),
        forum: z.string().nullable(),
        decidedOn: z.string(),
        note: z.string().nullable(),
        roles: z.array(z.enum(['decider', 'recorder'])),
        createdAt: iso(),
      }),
    ),
    valueBenefits: z.array(
      z.object({
        id: z.string(),
        card: z.string(),
        title: z.string(),
        measure: z.string(),
        baseline: z.number(),
        target: z.number(),
        createdAt: iso(),
      }),
    ),
    valueActuals: z.array(
      z.object({ benefit: z.string(), measuredOn: z.string(), value: z.number(), note: z.string().nullable(), createdAt: iso() }),
    ),
    truncated: z
      .array(z.enum(EXPORT_LISTS))
      .openapi({ description: 'Lists cut at 5,000 rows (the oldest kept); empty when the export is whole.' }),
  })
  .openapi('PersonalExport', {
    description:
      'Everything Bridgekit holds about one person in one tenant (version 1 of this shape). Other people appear by id only. See the privacy guide.',
  });
expectType<Exact<z.infer<typeof PersonalExportSchema>, PersonalExport>>(true);

export const EraseMeInputSchema = z
  .strictObject({ confirm: z.literal(true).openapi({ description: 'Must be `true`: erasing cannot be undone.' }) })
  .openapi('EraseMeInput');
requestType<EraseMeInput>()(EraseMeInputSchema, true);

export const PersonErasureSchema = z
  .object({
    id: z.string().nullable(),
    erasedAt: iso(),
    erasedNow: z.boolean().openapi({ description: 'False when the person had been erased before: nothing changed.' }),
    kept: z
      .object({ ideas: z.number().int(), comments: z.number().int(), cards: z.number().int(), votes: z.number().int() })
      .openapi({ description: 'What stays under "removed person" (cards: those they created; votes: rows of votes).' }),
  })
  .openapi('PersonErasure');
expectType<Exact<z.infer<typeof PersonErasureSchema>, PersonErasure>>(true);
