/**
 * `pnpm bridgekit webhook add|list|rotate|test|remove <slug> …`: a tenant's webhooks
 * (docs/webhooks.md). The secret is printed once, when a webhook is added or its secret rotated.
 */
import { EVENT_TYPES, type EventType, type TenantAdmin, type Webhook, type WebhookFormat } from '@bridgekit/sdk';

export interface WebhookIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const FORMATS: readonly WebhookFormat[] = ['raw', 'teams', 'slack'];

const line = (h: Webhook) =>
  `${h.id}\t${h.format}\t${h.url}\t${h.events.join(',')}\t${h.enabled ? 'enabled' : `DISABLED: ${h.disabledReason ?? 'by an admin'}`}\n`;

/** Runs one `webhook` command; the exit code (2 for a usage problem, said on stderr). */
export async function webhookCommand(
  command: string,
  args: string[],
  flags: { events?: string; format?: string; description?: string; json?: boolean },
  webhooks: TenantAdmin['webhooks'],
  io: WebhookIo,
): Promise<number> {
  const print = (human: string, data: unknown) => io.stdout(flags.json ? `${JSON.stringify(data, null, 2)}\n` : human);
  const usage = (problem: string) => {
    io.stderr(`${problem}\n`);
    return 2;
  };
  const id = args[0];
  switch (command) {
    case 'list': {
      const hooks = await webhooks.list();
      print(hooks.map(line).join('') || 'No webhooks.\n', hooks);
      return 0;
    }
    case 'add': {
      const url = args[0];
      if (!url) return usage('Missing the webhook URL.');
      const events = (flags.events ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      const unknown = events.filter((e) => !(EVENT_TYPES as readonly string[]).includes(e));
      if (events.length === 0 || unknown.length > 0) {
        return usage(
          `--events takes event types separated by commas${unknown.length ? ` (not ${unknown.join(', ')})` : ''}: ${EVENT_TYPES.join(', ')}.`,
        );
      }
      const format = flags.format ?? 'raw';
      if (!(FORMATS as readonly string[]).includes(format)) return usage(`--format is raw, teams or slack, not "${format}".`);
      const created = await webhooks.create({
        url,
        events: events as EventType[],
        format: format as WebhookFormat,
        ...(flags.description ? { description: flags.description } : {}),
      });
      if (flags.json) print('', created);
      else {
        io.stdout(line(created));
        io.stdout(`Signing secret: ${created.secret}\n`);
        io.stderr('Give this secret to the receiver now (it checks Bridgekit-Signature with it): it is not shown again.\n');
      }
      return 0;
    }
    case 'rotate': {
      if (!id) return usage('Missing the webhook id.');
      const rotated = await webhooks.rotateSecret(id);
      if (flags.json) print('', rotated);
      else {
        io.stdout(`New signing secret of ${rotated.id}: ${rotated.secret}\n`);
        io.stderr('The previous secret keeps signing too for 24 hours: give the receiver the new one before then.\n');
      }
      return 0;
    }
    case 'test': {
      if (!id) return usage('Missing the webhook id.');
      const result = await webhooks.test(id);
      print(result.delivered ? `Delivered (HTTP ${result.statusCode}).\n` : `Not delivered: ${result.error}.\n`, result);
      return result.delivered ? 0 : 1;
    }
    case 'remove': {
      if (!id) return usage('Missing the webhook id.');
      const removed = await webhooks.remove(id);
      print(`Removed ${removed.id} (${removed.url}).\n`, removed);
      return 0;
    }
    default:
      return usage(`Unknown command "webhook ${command}".`);
  }
}
