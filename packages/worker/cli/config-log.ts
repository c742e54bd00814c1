/**
 * `pnpm bridgekit tenant log <slug>`: the tenant's configuration log (docs/audit-log.md), newest
 * first — when, who, what changed and the fields set.
 */
import { CONFIG_CHANGE_ACTIONS, type ConfigChange, type ConfigChangeAction, type ConfigValue, type TenantAdmin } from '@bridgekit/sdk';

export interface LogIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const shown = (value: ConfigValue | undefined) => (value === undefined ? '' : JSON.stringify(value));

/** `name: "Before" → "After"`, `scopes: ["read"]` … for each field the change set. */
export function describeFields(change: ConfigChange): string {
  return Object.entries(change.changes)
    .map(([field, { from, to }]) => (from === undefined ? `${field}: ${shown(to)}` : `${field}: ${shown(from)} → ${shown(to)}`))
    .join('; ');
}

const line = (c: ConfigChange) => `${c.at}\t${c.actor.name} (${c.actor.subject})\t${c.action}\t${c.target}\t${describeFields(c)}\n`;

/** Prints one page of the log (up to `--limit`, default 50); the exit code (2 for a usage problem). */
export async function configLogCommand(
  flags: { action?: string; target?: string; limit?: string; json?: boolean },
  admin: Pick<TenantAdmin, 'configLog'>,
  io: LogIo,
): Promise<number> {
  const { action, target } = flags;
  if (action !== undefined && !(CONFIG_CHANGE_ACTIONS as readonly string[]).includes(action)) {
    io.stderr(`--action is one of: ${CONFIG_CHANGE_ACTIONS.join(', ')}.\n`);
    return 2;
  }
  const limit = flags.limit === undefined ? 50 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    io.stderr('--limit is a whole number from 1 to 100.\n');
    return 2;
  }
  const page = await admin.configLog({
    limit,
    ...(action ? { action: action as ConfigChangeAction } : {}),
    ...(target ? { target } : {}),
  });
  io.stdout(flags.json ? `${JSON.stringify(page, null, 2)}\n` : page.items.map(line).join('') || 'No changes recorded.\n');
  return 0;
}
