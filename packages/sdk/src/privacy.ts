/**
 * Personal data: a person's own export (everything Bridgekit holds about them, as JSON) and its
 * erasure (their content stays, under "removed person"). See docs/privacy.md.
 */
import type { ConfigChangeAction, ConfigFieldChange } from './config-log-types.ts';
import type { CallOptions } from './http.ts';
import type { Cadence, EventType, NotificationKind, NotificationReason, SubscriptionSource, SubscriptionTarget } from './notify-types.ts';
import type { RelationshipSide } from './unit-types.ts';
import type { IntakeStep } from './value-types.ts';

/**
 * The name the API gives every erased person (an author's, a `by`, an owner's, an actor's): a
 * code, not a text to show as it is. Clients compare a name with it and show their own words in
 * the reader's language; Bridgekit's widgets do (German: "Anonym").
 *
 * @example
 * const shown = author.name === REMOVED_PERSON_NAME ? t('person.removed') : author.name;
 */
export const REMOVED_PERSON_NAME = 'removed person';

/** The most rows of each list an export holds; a longer list is cut and named in `truncated`. */
export const PERSONAL_EXPORT_LIST_LIMIT = 5000;

/** The lists of a {@link PersonalExport}, by name. */
export type PersonalExportList =
  | 'ideas'
  | 'ideaRevisions'
  | 'votes'
  | 'scores'
  | 'statusChanges'
  | 'comments'
  | 'commentRevisions'
  | 'reactions'
  | 'flags'
  | 'mentions'
  | 'cards'
  | 'cardVersions'
  | 'cardEdits'
  | 'helped'
  | 'subscriptions'
  | 'notifications'
  | 'moderationActions'
  | 'configChanges'
  | 'healthInvitations'
  | 'healthAnswers'
  | 'intakeDecisions'
  | 'valueBenefits'
  | 'valueActuals';

/**
 * Everything Bridgekit holds about one person in one tenant, as `GET /me/export` (and
 * `GET /people/{person}/export` for admins) answer it. Version 1 of the shape: a later version
 * changes `version`. Times are ISO 8601. Only this person's data: other people appear by id only.
 */
export interface PersonalExport {
  format: 'bridgekit.personal-export';
  version: 1;
  exportedAt: string;
  tenant: { slug: string; name: string };
  /** `id` is null when the person never wrote anything (then only their token and grant are known). */
  person: {
    id: string | null;
    subject: string;
    name: string;
    email: string | null;
    businessUnit: string | null;
    handle: string | null;
    kind: 'person' | 'proxy' | 'erased';
    /** The role an admin granted their subject, if any (claims may give more). */
    grantedRole: 'evaluator' | 'moderator' | 'admin' | null;
    /** The role their last token's claims gave. */
    claimRole: 'member' | 'evaluator' | 'moderator' | 'admin' | null;
    restriction: { until: string; reason: string | null } | null;
    joinedAt: string | null;
    lastSeenAt: string | null;
  };
  ideas: {
    id: string;
    board: string;
    title: string;
    description: string;
    lane: 'opportunity' | 'change_request';
    problem: string | null;
    beneficiary: string | null;
    valueType: string | null;
    effortSize: string | null;
    objective: string | null;
    status: string;
    state: 'published' | 'pending' | 'rejected';
    /** `author`: theirs; `recorded`: they recorded it on someone's behalf; `sponsor`: they sponsor another's idea. */
    role: 'author' | 'recorded' | 'sponsor';
    createdAt: string;
    editedAt: string | null;
  }[];
  /** Earlier texts of ideas, replaced by their edits. */
  ideaRevisions: { idea: string; title: string; description: string; createdAt: string }[];
  votes: { idea: string; title: string; count: number; refunded: boolean; createdAt: string }[];
  /** Scores they gave as an evaluator. */
  scores: { idea: string; criterion: string; value: number; updatedAt: string }[];
  /** Status changes they made. */
  statusChanges: { idea: string; from: string | null; to: string; reason: string | null; createdAt: string }[];
  comments: {
    id: string;
    thread: { id: string; key: string };
    parentId: string | null;
    body: string;
    state: 'published' | 'pending' | 'removed';
    createdAt: string;
    editedAt: string | null;
  }[];
  /** Earlier texts of their comments. */
  commentRevisions: { comment: string; body: string; replacedAt: string }[];
  reactions: { comment: string; reaction: string; createdAt: string }[];
  flags: { comment: string; reason: string; createdAt: string; resolvedAt: string | null }[];
  /** Comments that @mention them (by id: the text is their authors'). */
  mentions: { comment: string }[];
  cards: {
    id: string;
    title: string;
    templateId: string;
    state: 'published' | 'pending' | 'rejected';
    version: number;
    /** What they are to the card. */
    roles: ('author' | 'owner')[];
    createdAt: string;
    updatedAt: string;
  }[];
  /** The versions of cards they saved, with the content then. */
  cardVersions: {
    card: string;
    version: number;
    title: string;
    summary: string;
    fields: unknown;
    note: string | null;
    createdAt: string;
  }[];
  /** Their edits of published cards that wait for a moderator or were refused. */
  cardEdits: { card: string; state: 'pending' | 'rejected'; reason: string; createdAt: string }[];
  /** Cards they marked "this helped me". */
  helped: { card: string; createdAt: string }[];
  subscriptions: { target: SubscriptionTarget; id: string; source: SubscriptionSource; active: boolean; createdAt: string }[];
  /** Their e-mail cadence per kind (only the kinds they changed), or null: the defaults. */
  notificationSettings: { email: Partial<Record<NotificationKind, Cadence>> } | null;
  notifications: {
    id: string;
    event: EventType;
    reason: NotificationReason;
    item: { kind: string; id: string };
    readAt: string | null;
    createdAt: string;
  }[];
  /** What they did as a moderator (the moderation audit log). */
  moderationActions: { action: string; target: { type: string; id: string }; reason: string | null; createdAt: string }[];
  /**
   * Changes they made to the tenant's configuration as an admin (the configuration log). A change
   * aimed at another person (a role, a person's unit) has no `target`, a team's no `changes`.
   */
  configChanges: { action: ConfigChangeAction; target: string | null; changes: Record<string, ConfigFieldChange>; createdAt: string }[];
  /** Health rounds they were invited to answer: the round's title, its unit's key, their side, when they answered. */
  healthInvitations: {
    round: string;
    title: string;
    unit: string;
    side: RelationshipSide;
    respondedAt: string | null;
    invitedAt: string;
  }[];
  /** Their own answers to health rounds: a score (1–5) and comment per item, with the round's title. */
  healthAnswers: { round: string; title: string; item: string; score: number; comment: string | null }[];
  /** Intake decisions they took (`decider`) or recorded (`recorder`). */
  intakeDecisions: {
    idea: string;
    step: IntakeStep;
    forum: string | null;
    decidedOn: string;
    note: string | null;
    roles: ('decider' | 'recorder')[];
    createdAt: string;
  }[];
  /** Benefits of value-realisation plans they own. */
  valueBenefits: { id: string; card: string; title: string; measure: string; baseline: number; target: number; createdAt: string }[];
  /** Measurements of benefits they recorded. */
  valueActuals: { benefit: string; measuredOn: string; value: number; note: string | null; createdAt: string }[];
  /** Lists cut at {@link PERSONAL_EXPORT_LIST_LIMIT} rows (oldest first kept); empty when the export is whole. */
  truncated: PersonalExportList[];
}

/** What a person sends to erase their own data: they have to mean it. */
export interface EraseMeInput {
  confirm: true;
}

/** The answer to an erasure: what stays, now under "removed person". */
export interface PersonErasure {
  /** The erased person's id (null when they had never written anything: only a role grant went). */
  id: string | null;
  erasedAt: string;
  /** False when the person had been erased before (nothing changed). */
  erasedNow: boolean;
  /** Content kept under "removed person", and votes kept as counts. */
  kept: { ideas: number; comments: number; cards: number; votes: number };
}

/** The signed-in person's data; for admins, anyone's. */
export interface PrivacyApi {
  /** Everything Bridgekit holds about the signed-in person. */
  export(options?: CallOptions): Promise<PersonalExport>;
  /** Erases the signed-in person's personal data. Their next sign-in is a new person. */
  erase(input: EraseMeInput, options?: CallOptions): Promise<PersonErasure>;
  /** An admin's export of a person, by their id or subject. */
  exportPerson(person: string, options?: CallOptions): Promise<PersonalExport>;
  /** An admin's erasure of a person, by their id or subject. Erasing twice changes nothing. */
  erasePerson(person: string, options?: CallOptions): Promise<PersonErasure>;
}
