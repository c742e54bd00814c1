/**
 * @bridgekit/sdk — the typed client of the Bridgekit HTTP API, used by the widgets and by
 * developers' own code.
 */

export { createPlatformClient, type PlatformClient, type PlatformClientOptions, type TenantAdmin } from './admin.ts';
export type * from './archive-types.ts';
export { ARCHIVE_FORMAT, ARCHIVE_LIMITS, ARCHIVE_MEDIA_TYPE, ARCHIVE_VERSION } from './archive-types.ts';
export type * from './card-types.ts';
export { PRACTICE_AREAS } from './card-types.ts';
export type { CardListOptions, CardsApi, TemplatesApi } from './cards.ts';
export {
  type BridgekitClient,
  type BridgekitMemberClient,
  type ClientOptions,
  type CreateIdeaOptions,
  createClient,
  createMemberClient,
  type ListIdeasOptions,
} from './client.ts';
export type * from './community-types.ts';
export type * from './config-log-types.ts';
export { CONFIG_CHANGE_ACTIONS } from './config-log-types.ts';
export { BridgekitError, type BridgekitErrorOptions, isBridgekitError } from './errors.ts';
export type { HealthApi } from './health.ts';
export type * from './health-types.ts';
export { HEALTH_ITEMS, HEALTH_LARGE_GAP, HEALTH_SCORE, MATURITY_LEVELS } from './health-types.ts';
export type { CallOptions, Middleware, TokenRequest, TokenSource } from './http.ts';
export type * from './insight-types.ts';
export type { InsightsApi } from './insights.ts';
export type { IntakeApi, ObjectivesApi } from './intake.ts';
export type * from './intake-types.ts';
export { INTAKE_MOVES, OBJECTIVES_PER_ITEM_MAX } from './intake-types.ts';
export type { NotificationsApi, SubscriptionsApi } from './notifications.ts';
export type * from './notify-types.ts';
export { EVENT_TYPES, NOTIFICATION_KINDS } from './notify-types.ts';
export type * from './privacy.ts';
export { PERSONAL_EXPORT_LIST_LIMIT, REMOVED_PERSON_NAME } from './privacy.ts';
// The registry itself (`REASONS`, `REASON_LIST`, `formatReason`) is the entry `@bridgekit/sdk/reasons`:
// a page that shows errors loads it only when it shows one.
export type { CodeOf, ErrorReason, FieldReason, HoldReason, ParamsOf, Reason, ReasonParams, ReasonText } from './reasons.ts';
export {
  type EntraTokenProvider,
  type SharePointTokenCallback,
  type SharePointTokenSourceOptions,
  sharePointTokenSource,
  type TokenFailure,
  type TokenFailureKind,
} from './sharepoint.ts';
export type * from './thread-types.ts';
export { AUDIT_ACTIONS, REACTIONS } from './thread-types.ts';
export type { CommentsApi, ModerationApi, ThreadPageOptions, ThreadsApi } from './threads.ts';
// How scores add up (`scoreGroups`, `scorePoints`, `TSHIRT_POINTS`) is the entry `@bridgekit/sdk/scoring`.
// `localize` and `TRANSLATION_LOCALES` are the entry `@bridgekit/sdk/translations`; the text rules
// `@bridgekit/sdk/text-rules`; `normalizePageUrl` `@bridgekit/sdk/page-url`: pages load them only where used.
export type { TranslationLocale, Translations } from './translations.ts';
export type * from './types.ts';
export { CLIENT_ERROR_CODES, ERROR_CODES, LIMITS } from './types.ts';
export type * from './unit-types.ts';
export { CARD_VISIBILITIES } from './unit-types.ts';
export type { ValueApi } from './value.ts';
export type * from './value-types.ts';
export { BENEFIT_CLASSES, DEFAULT_DEMAND_CLASSES, INTAKE_STEPS } from './value-types.ts';
