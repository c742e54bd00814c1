/**
 * What a tenant's archive holds (docs/data.md): the one registry the export, the import and the
 * test that every table of db/schema.ts is accounted for read. Tables are listed in the order
 * the archive writes them, each after the tables it refers to, so the import inserts them in
 * that order with the foreign keys on.
 */
import { type Column, getTableColumns, getTableName } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema.ts';

/** The record of the tenant's own row: its settings, not its id, slug or name (the target keeps its own). */
export const SETTINGS = 'settings';

/** Columns of `tenants` the `settings` record carries. */
export const SETTINGS_COLUMNS = ['anonymousRead', 'roleMapping', 'moderation', 'itemPages', 'demandClasses', 'insights'] as const;

export interface ArchiveTable {
  /** Its SQL name: the `t` of its records. */
  name: string;
  table: SQLiteTable;
  /** Columns by their names in records (camelCase), `tenantId` left out. */
  columns: Record<string, SQLiteColumn>;
  /** The columns the export pages by (its primary key, without `tenant_id`). */
  key: SQLiteColumn[];
}

function entry(table: SQLiteTable & { tenantId: Column }): ArchiveTable {
  // `tenantId` is left out of every record.
  const { tenantId: _, ...columns } = getTableColumns(table);
  const config = getTableConfig(table);
  const primary = config.primaryKeys[0]?.columns ?? Object.values(columns).filter((c) => c.primary);
  return { name: getTableName(table), table, columns, key: primary.filter((c) => c.name !== 'tenant_id') };
}

/** Every table of the archive, in order. */
export const ARCHIVE_TABLES: readonly ArchiveTable[] = [
  schema.tenantOrigins,
  schema.oidcProviders,
  schema.userRoles,
  schema.businessUnits,
  schema.businessUnitAliases,
  schema.users,
  schema.businessUnitPeople,
  schema.cardTemplates,
  schema.boards,
  schema.boardCriteria,
  schema.cards,
  schema.cardVersions,
  schema.cardEdits,
  schema.cardHelped,
  schema.cardLinks,
  schema.ideas,
  schema.ideaUnits,
  schema.ideaRevisions,
  schema.ideaStatusChanges,
  schema.votes,
  schema.ideaScores,
  schema.threads,
  schema.comments,
  schema.commentRevisions,
  schema.commentReactions,
  schema.commentFlags,
  schema.commentMentions,
  schema.moderationLog,
  schema.subscriptions,
  schema.notificationSettings,
  schema.healthRounds,
  schema.healthInvitations,
  schema.healthAnswers,
  schema.unitObjectives,
  schema.objectiveLinks,
  schema.intakeDecisions,
  schema.valueBenefits,
  schema.valueActuals,
].map(entry);

/** Tables of schema.ts the archive leaves out, and why (docs/data.md repeats these). */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  tenants: `the tenant's own row: its id, slug and name stay the target's; its settings are the "${SETTINGS}" record, its mail webhook (which has a secret) is left out`,
  api_keys: 'secrets: create new API keys in the tenant the archive is imported into',
  embed_keys: 'secrets: the tenant the archive is imported into has its own embed secrets',
  webhooks: "secrets: each webhook's signing secret; set the webhooks up again",
  webhook_deliveries: 'the delivery log of the webhooks, which are left out',
  config_log:
    "the record of the source tenant's configuration changes: most name its keys, secrets and webhooks, which are left out; the importing tenant keeps its own log",
  events: 'the outbox of changes already delivered; imported, they would be delivered again',
  notifications: 'what people were told of those events (their inboxes), which are left out',
  unit_rollups: "derived: the cockpit's monthly figures, rebuilt from the imported rows by the next scheduled rollup",
  rollup_runs: 'derived: when the rollups were last rebuilt; the importing tenant has had none yet',
  idempotency_keys: "answers to the source tenant's retried writes, kept a day; the importing tenant's people send their own",
  cache_versions: 'derived: version stamps of cached answers, which start again in the importing tenant',
};

export const TABLE_BY_NAME: ReadonlyMap<string, ArchiveTable> = new Map(ARCHIVE_TABLES.map((t) => [t.name, t]));

/** The rank of each `t` in the archive's order (the settings record first). */
export const TABLE_RANK: ReadonlyMap<string, number> = new Map([SETTINGS, ...ARCHIVE_TABLES.map((t) => t.name)].map((n, i) => [n, i]));

/** Every `t` an archive may hold, for messages. */
export const TABLE_NAMES = [SETTINGS, ...ARCHIVE_TABLES.map((t) => t.name)];

/**
 * The tables whose rows make a tenant "not empty" for an import: every other record of the
 * archive belongs to one of these or to the settings (origins, identity providers, roles).
 */
export const CONTENT_TABLES = [
  schema.users,
  schema.boards,
  schema.cardTemplates,
  schema.cards,
  schema.threads,
  schema.businessUnits,
] as const;
