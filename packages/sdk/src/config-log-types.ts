import type { PageQuery } from './types.ts';

/**
 * The configuration changes the configuration log records (docs/audit-log.md): `<what>.<verb>`.
 * Moderators' decisions are in the moderation audit log instead; a change of the moderation
 * settings is in both.
 */
export const CONFIG_CHANGE_ACTIONS = [
  'tenant.created',
  'settings.updated',
  'moderation_settings.updated',
  'embed_key.created',
  'embed_key.retired',
  'origin.added',
  'origin.removed',
  'identity_provider.saved',
  'identity_provider.removed',
  'api_key.created',
  'api_key.revoked',
  'role.granted',
  'role.revoked',
  'unit.created',
  'unit.updated',
  'unit.archived',
  'unit.team_set',
  'person.unit_set',
  'board.created',
  'board.updated',
  'scorecard.replaced',
  'template.saved',
  'template.removed',
  'webhook.created',
  'webhook.updated',
  'webhook.removed',
  'webhook.secret_rotated',
] as const;

export type ConfigChangeAction = (typeof CONFIG_CHANGE_ACTIONS)[number];

/** A value as the log keeps it: long texts and lists cut short, secrets as `"[redacted]"`. */
export type ConfigValue = string | number | boolean | null | ConfigValue[] | { [key: string]: ConfigValue };

/** One field a change set: its value after, and before where the change replaced one. */
export interface ConfigFieldChange {
  from?: ConfigValue;
  to?: ConfigValue;
}

/** One configuration change: who changed what, and when. */
export interface ConfigChange {
  id: string;
  action: ConfigChangeAction;
  /** What changed: the origin, the key's or provider's id, the unit's key, the board's slug, the person's subject… */
  target: string;
  /** Who changed it: a person's name and subject, an API key (`apikey:<id>`), or the platform operator. */
  actor: { name: string; subject: string };
  /** The fields the change set, by name. */
  changes: Record<string, ConfigFieldChange>;
  /** The request that made the change (its `x-request-id`), to find it in the Worker's logs. */
  requestId: string | null;
  at: string;
}

export interface ConfigLogQuery extends PageQuery {
  /** Only changes of this kind. */
  action?: ConfigChangeAction;
  /** Only changes of this target (exact). */
  target?: string;
}
