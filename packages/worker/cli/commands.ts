import { parseArgs } from 'node:util';
import {
  type ApiKeyScope,
  type BridgekitError,
  createClient,
  createPlatformClient,
  type ItemPages,
  isBridgekitError,
  type OidcProviderInput,
  type TenantAdmin,
  type TenantSettings,
} from '@bridgekit/sdk';
import { archiveSource, describeCounts, exportTenant, importTenant } from './archive.ts';
import { configLogCommand } from './config-log.ts';
import { DEFAULT_URL, resolveToken } from './connection.ts';
import { personCommand } from './person.ts';
import { unitCommand } from './units.ts';
import { webhookCommand } from './webhooks.ts';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

export const USAGE = `Usage: pnpm bridgekit [--url <worker>] [--token <token>] [--json] <command>

Connection:
  --url <url>      the Bridgekit Worker (env BRIDGEKIT_URL; default ${DEFAULT_URL})
  --token <token>  the platform admin token, a tenant admin's token or an API key with the
                   admin scope (env BRIDGEKIT_TOKEN; on localhost, BRIDGEKIT_ADMIN_TOKEN from
                   packages/worker/.dev.vars)
  --json           print results as JSON

Tenants (platform admin token):
  tenant create <slug> --name <name> [--origin <origin>]... [--anonymous-read on]
  tenant list
Tenant settings:
  tenant show <slug>
  tenant log <slug> [--action <action>] [--target <target>] [--limit <n>]
                                          who changed the configuration, what and when (newest first)
Tenant data (docs/data.md):
  tenant export <slug> [--out <file>]     the whole data set as an NDJSON archive (stdout without --out)
  tenant import <slug> --from <file> [--format bridgekit|fider|disqus] [--board <slug>]
                                          into a new, empty tenant; fider: backup.zip or the folder
                                          it unzips to, its posts on board --board (default fider);
                                          disqus: the XML export
  tenant set <slug> [--name <name>] [--anonymous-read on|off]
                    [--role-claim <claim> [--evaluator <value>]... [--moderator <value>]... [--admin <value>]...
                     [--cio <value>]... [--embed-token-roles on|off]]   (on: embed tokens' claims give roles too; off by default)
                    [--idea-page <url>] [--card-page <url>] [--search-page <url>] [--person-page <url>] [--health-page <url>]
                                     (where the intranet shows an item: an https URL with {id}; "" removes it)
Embed secrets:
  secret rotate <slug> [--retire-old]     a new secret; with --retire-old, retire the others
  secret retire <slug> <kid>
Allowed origins:
  origins list <slug>
  origins add <slug> <origin>...          https://host, https://*.host or http://localhost:*
  origins remove <slug> <origin>...
OIDC issuers:
  oidc list <slug>
  oidc entra <slug> --directory <tenant-id> --audience <application-client-id> [--scope access_as_user] [--id entra]
                       [--sign-in-client <client-id>] [--app-id-uri api://<application-client-id>] [--sign-in-label <text>]
                       (--audience: Entra ID v2 tokens carry the API's Application (client) ID in "aud")
  oidc set <slug> <id> --issuer <url> --jwks-uri <url> --audience <aud> [--scope <scope>]
                       [--subject-claims sub] [--name-claim name] [--email-claim <claim>] [--bu-claim <claim>]
                       [--sign-in-client <client-id> --sign-in-scope <scopes>] [--sign-in-label <text>]
                       [--sign-in-host <host>]...
                       (--sign-in-*: people sign in to /embed/ frames with this provider; redirect
                        URI https://<bridgekit>/embed/sign-in/callback, single-page application;
                        --sign-in-host: a host other than the issuer's its endpoints may be on)
  oidc remove <slug> <id>
API keys:
  keys list <slug>
  keys create <slug> --name <name> --scopes read[,write][,admin]
  keys revoke <slug> <id>
Roles:
  roles list <slug>                       subject, role, who granted it; the person's name once they used the tenant
  roles grant <slug> <subject> evaluator|moderator|admin|cio   a level replaces the level; cio sits beside it
  roles revoke <slug> <subject> [cio]     the granted level, or the CIO grant alone
Business units (docs/business-units.md):
  unit list <slug>
  unit add <slug> <key> --name <name> [--side demand|supply] [--parent <key>] [--alias <alias>]...
  unit set <slug> <key> [--name <name>] [--side demand|supply] [--parent <key>|""] [--alias <alias>]...
                                          --alias replaces the aliases (the name is always one)
  unit archive <slug> <key>
  unit team <slug> <key> [--partner <handle>]... [--manager <handle>]...   replaces the team
  unit person <slug> <handle> <key>|--none   sets a person's unit (a claim naming a unit still wins)
  unit unmatched <slug>                   business-unit claims that name no unit
Personal data (a person's request to the tenant's admins; docs/privacy.md):
  person export <slug> <subject-or-id> [--out <file>]   everything about them, as JSON
  person erase <slug> <subject-or-id> --yes             erase it; their content stays as "removed person"
Webhooks (docs/webhooks.md):
  webhook list <slug>
  webhook add <slug> <url> --events <type>[,<type>]... [--format raw|teams|slack] [--description <text>]
                                          the signing secret is shown once
  webhook rotate <slug> <id>              a new secret; the old one signs too for 24 hours
  webhook test <slug> <id>                send a signed ping now
  webhook remove <slug> <id>
Tokens:
  token mint <slug> --sub <id> --name <name> [--bu <unit>] [--email <email>] [--ttl <seconds>]
`;

class UsageError extends Error {}

const OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  name: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'anonymous-read': { type: 'string' },
  'role-claim': { type: 'string' },
  evaluator: { type: 'string', multiple: true },
  moderator: { type: 'string', multiple: true },
  admin: { type: 'string', multiple: true },
  'retire-old': { type: 'boolean' },
  directory: { type: 'string' },
  audience: { type: 'string' },
  scope: { type: 'string' },
  id: { type: 'string' },
  issuer: { type: 'string' },
  'jwks-uri': { type: 'string' },
  'subject-claims': { type: 'string' },
  'name-claim': { type: 'string' },
  'email-claim': { type: 'string' },
  'bu-claim': { type: 'string' },
  scopes: { type: 'string' },
  sub: { type: 'string' },
  bu: { type: 'string' },
  email: { type: 'string' },
  ttl: { type: 'string' },
  'sign-in-client': { type: 'string' },
  'sign-in-scope': { type: 'string' },
  'sign-in-label': { type: 'string' },
  'sign-in-host': { type: 'string', multiple: true },
  'embed-token-roles': { type: 'string' },
  'app-id-uri': { type: 'string' },
  'idea-page': { type: 'string' },
  'card-page': { type: 'string' },
  'search-page': { type: 'string' },
  'person-page': { type: 'string' },
  'health-page': { type: 'string' },
  from: { type: 'string' },
  board: { type: 'string' },
  out: { type: 'string' },
  yes: { type: 'boolean' },
  events: { type: 'string' },
  format: { type: 'string' },
  description: { type: 'string' },
  cio: { type: 'string', multiple: true },
  parent: { type: 'string' },
  side: { type: 'string' },
  alias: { type: 'string', multiple: true },
  partner: { type: 'string', multiple: true },
  manager: { type: 'string', multiple: true },
  none: { type: 'boolean' },
  action: { type: 'string' },
  target: { type: 'string' },
  limit: { type: 'string' },
} as const;

type Flags = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

function required(flags: Flags, name: keyof Flags): string {
  const value = flags[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}

/** `signIn` from the --sign-in-* flags, when a client id is given. */
function signInFlags(flags: Flags, scope: string, defaultLabel: string): Pick<OidcProviderInput, 'signIn'> {
  const clientId = flags['sign-in-client'];
  if (!clientId) return {};
  const hosts = flags['sign-in-host'];
  return {
    signIn: {
      clientId,
      scope: flags['sign-in-scope'] ?? scope,
      label: flags['sign-in-label'] ?? defaultLabel,
      ...(hosts?.length ? { endpointHosts: hosts } : {}),
    },
  };
}

function onOff(value: string | undefined, flag = 'anonymous-read'): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'on' || value === 'true') return true;
  if (value === 'off' || value === 'false') return false;
  throw new UsageError(`--${flag} takes "on" or "off", not "${value}".`);
}

function arg(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (!value) throw new UsageError(`Missing ${what}.`);
  return value;
}

/** "[2/3] Adding origin https://x… done" on stderr, so stdout stays the result. */
function progress(io: Io, total: number) {
  let step = 0;
  return async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    step += 1;
    io.stderr(`[${step}/${total}] ${label}… `);
    try {
      const result = await work();
      io.stderr('done\n');
      return result;
    } catch (err) {
      io.stderr('failed\n');
      throw err;
    }
  };
}

const PAGE_KINDS = ['idea', 'card', 'search', 'person', 'health'] as const satisfies readonly (keyof ItemPages)[];

/**
 * The item pages after the --*-page flags: each flag sets its kind's pattern ("" removes it), the
 * others stay as they are. Undefined when no flag is given.
 */
async function itemPagesFlags(flags: Flags, current: () => Promise<ItemPages>): Promise<ItemPages | undefined> {
  const given = PAGE_KINDS.filter((k) => flags[`${k}-page`] !== undefined);
  if (given.length === 0) return undefined;
  const pages: ItemPages = { ...(await current()) };
  for (const kind of given) {
    const pattern = flags[`${kind}-page`];
    if (pattern) pages[kind] = pattern;
    else delete pages[kind];
  }
  return pages;
}

function describeSettings(s: TenantSettings): string {
  const lines = [
    `Tenant ${s.slug} — ${s.name}`,
    `  anonymous read: ${s.anonymousRead ? 'on' : 'off'}`,
    `  role mapping:   ${s.roleMapping ? `claim "${s.roleMapping.claim}"; evaluator = ${s.roleMapping.evaluator?.join(', ') || '—'}; moderator = ${s.roleMapping.moderator.join(', ') || '—'}; admin = ${s.roleMapping.admin.join(', ') || '—'}; cio = ${s.roleMapping.cio?.join(', ') || '—'}; ${s.roleMapping.applyToEmbedTokens ? 'embed tokens too' : 'OIDC tokens only'}` : 'none'}`,
    `  origins:        ${s.origins.join(', ') || 'none (browsers on other sites are refused)'}`,
    '  embed secrets:',
    ...s.embedKeys.map((k) => `    ${k.kid}  created ${k.createdAt}${k.revokedAt ? `  retired ${k.revokedAt}` : '  active'}`),
    '  OIDC issuers:',
    ...(s.oidcProviders.length ? s.oidcProviders.map((p) => `    ${p.id}  ${p.issuer}  audience ${p.audience}`) : ['    none']),
    '  item pages:',
    ...(PAGE_KINDS.some((k) => s.itemPages[k])
      ? PAGE_KINDS.flatMap((k) => (s.itemPages[k] ? [`    ${k}  ${s.itemPages[k]}`] : []))
      : ['    none']),
  ];
  return `${lines.join('\n')}\n`;
}

function showSecret(io: Io, kid: string, secret: string): void {
  io.stdout(`Embed secret ${kid}: ${secret}\n`);
  io.stderr("Give this secret to the host intranet's server now: it is not shown again.\n");
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    io.stderr(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  if (flags.help || positionals.length === 0) {
    io.stdout(USAGE);
    return flags.help ? 0 : 2;
  }
  const url = flags.url ?? io.env.BRIDGEKIT_URL ?? DEFAULT_URL;
  const token = resolveToken(url, flags.token, io.env);
  const print = (human: string, data: unknown) => io.stdout(flags.json ? `${JSON.stringify(data, null, 2)}\n` : human);
  const tenantAdmin = (slug: string): TenantAdmin => createClient({ baseUrl: url, tenant: slug, token }).admin;

  try {
    const [group, command] = positionals;
    const slug = () => arg(positionals, 2, 'the tenant slug');
    switch (`${group} ${command}`) {
      case 'tenant create': {
        const origins = flags.origin ?? [];
        const step = progress(io, 1);
        const created = await step(
          `Creating tenant ${slug()} with its first embed secret${origins.length ? ` and ${origins.length} origin(s)` : ''}`,
          () =>
            createPlatformClient({ baseUrl: url, token: token ?? '' }).tenants.create({
              slug: slug(),
              name: required(flags, 'name'),
              anonymousRead: onOff(flags['anonymous-read']) ?? false,
              origins,
            }),
        );
        if (flags.json) print('', created);
        else {
          io.stdout(describeSettings(created.tenant));
          showSecret(io, created.embedKey.kid, created.embedKey.secret);
        }
        return 0;
      }
      case 'tenant list': {
        const tenants = await createPlatformClient({ baseUrl: url, token: token ?? '' }).tenants.list();
        print(
          tenants.map((t) => `${t.slug}\t${t.name}\t${t.anonymousRead ? 'anonymous read' : ''}`.trimEnd()).join('\n') +
            (tenants.length ? '\n' : ''),
          tenants,
        );
        return 0;
      }
      case 'tenant export': {
        return await archiveCommand(io, async () => {
          const counts = await exportTenant(url, slug(), token, flags.out, io);
          io.stderr(`Exported ${describeCounts(counts)}${flags.out ? ` to ${flags.out}` : ''}.\n`);
        });
      }
      case 'tenant import': {
        const format = flags.format ?? 'bridgekit';
        if (format !== 'bridgekit' && format !== 'fider' && format !== 'disqus') {
          throw new UsageError(`--format is "bridgekit", "fider" or "disqus", not "${format}".`);
        }
        if (flags.board !== undefined && format !== 'fider') throw new UsageError('--board goes with --format fider.');
        const lines = archiveSource(format, required(flags, 'from'), flags.board);
        return await archiveCommand(io, async () => {
          const totals = await importTenant(tenantAdmin(slug()), lines, io);
          print(`Imported ${describeCounts(totals)} into ${slug()}.\n`, totals);
        });
      }
      case 'tenant show': {
        const settings = await tenantAdmin(slug()).settings.get();
        print(describeSettings(settings), settings);
        return 0;
      }
      case 'tenant log':
        return await configLogCommand(flags, tenantAdmin(slug()), io);
      case 'tenant set': {
        const roleClaim = flags['role-claim'];
        const anonymousRead = onOff(flags['anonymous-read']);
        const embedTokenRoles = onOff(flags['embed-token-roles'], 'embed-token-roles');
        if (embedTokenRoles !== undefined && !roleClaim) throw new UsageError('--embed-token-roles goes with --role-claim.');
        const admin = tenantAdmin(slug());
        const itemPages = await itemPagesFlags(flags, async () => (await admin.settings.get()).itemPages);
        const settings = await admin.settings.update({
          ...(flags.name ? { name: flags.name } : {}),
          ...(anonymousRead === undefined ? {} : { anonymousRead }),
          ...(roleClaim === undefined
            ? {}
            : {
                roleMapping:
                  roleClaim === ''
                    ? null
                    : {
                        claim: roleClaim,
                        evaluator: flags.evaluator ?? [],
                        moderator: flags.moderator ?? [],
                        admin: flags.admin ?? [],
                        ...(flags.cio?.length ? { cio: flags.cio } : {}),
                        ...(embedTokenRoles ? { applyToEmbedTokens: true } : {}),
                      },
              }),
          ...(itemPages === undefined ? {} : { itemPages }),
        });
        print(describeSettings(settings), settings);
        return 0;
      }
      case 'secret rotate': {
        const admin = tenantAdmin(slug());
        const before = flags['retire-old'] ? (await admin.settings.get()).embedKeys.filter((k) => !k.revokedAt) : [];
        const step = progress(io, 1 + before.length);
        const created = await step('Creating a new embed secret', () => admin.embedKeys.create());
        for (const old of before) await step(`Retiring ${old.kid}`, () => admin.embedKeys.retire(old.kid));
        if (flags.json) print('', created);
        else showSecret(io, created.kid, created.secret);
        if (!flags['retire-old'])
          io.stderr(`Older secrets stay valid until you retire them: pnpm bridgekit secret retire ${slug()} <kid>\n`);
        return 0;
      }
      case 'secret retire': {
        const info = await tenantAdmin(slug()).embedKeys.retire(arg(positionals, 3, 'the key id (kid)'));
        print(`Retired ${info.kid} at ${info.revokedAt}.\n`, info);
        return 0;
      }
      case 'origins list': {
        const origins = await tenantAdmin(slug()).origins.list();
        print(origins.map((o) => `${o}\n`).join(''), origins);
        return 0;
      }
      case 'origins add':
      case 'origins remove': {
        const targets = positionals.slice(3);
        if (targets.length === 0) throw new UsageError('Name at least one origin.');
        const admin = tenantAdmin(slug());
        const step = progress(io, targets.length);
        let origins: string[] = [];
        for (const origin of targets) {
          origins = await step(`${command === 'add' ? 'Allowing' : 'Removing'} ${origin}`, () =>
            command === 'add' ? admin.origins.add(origin) : admin.origins.remove(origin),
          );
        }
        print(origins.map((o) => `${o}\n`).join(''), origins);
        return 0;
      }
      case 'oidc list': {
        const providers = await tenantAdmin(slug()).oidcProviders.list();
        print(providers.map((p) => `${p.id}\t${p.issuer}\t${p.audience}\n`).join(''), providers);
        return 0;
      }
      case 'oidc entra': {
        const directory = required(flags, 'directory');
        const input: OidcProviderInput = {
          issuer: `https://login.microsoftonline.com/${directory}/v2.0`,
          jwksUri: `https://login.microsoftonline.com/${directory}/discovery/v2.0/keys`,
          audience: required(flags, 'audience'),
          directoryId: directory,
          requiredScope: flags.scope ?? 'access_as_user',
          emailClaim: 'preferred_username',
          ...signInFlags(
            flags,
            `${flags['app-id-uri'] ?? `api://${required(flags, 'audience')}`}/${flags.scope ?? 'access_as_user'}`,
            'Microsoft Entra ID',
          ),
        };
        const provider = await tenantAdmin(slug()).oidcProviders.put(flags.id ?? 'entra', input);
        print(
          `Entra ID provider "${provider.id}": tokens from ${provider.issuer} for ${provider.audience} with scope ${provider.requiredScope}${provider.signIn ? `; frames sign in with client ${provider.signIn.clientId}` : ''}.\n`,
          provider,
        );
        return 0;
      }
      case 'oidc set': {
        const input: OidcProviderInput = {
          issuer: required(flags, 'issuer'),
          jwksUri: required(flags, 'jwks-uri'),
          audience: required(flags, 'audience'),
          ...(flags.scope ? { requiredScope: flags.scope } : {}),
          ...(flags['subject-claims'] ? { subjectClaims: flags['subject-claims'].split(',').map((c) => c.trim()) } : {}),
          ...(flags['name-claim'] ? { nameClaim: flags['name-claim'] } : {}),
          ...(flags['email-claim'] ? { emailClaim: flags['email-claim'] } : {}),
          ...(flags['bu-claim'] ? { businessUnitClaim: flags['bu-claim'] } : {}),
          ...signInFlags(flags, flags['sign-in-client'] ? required(flags, 'sign-in-scope') : '', arg(positionals, 3, 'the provider id')),
        };
        const provider = await tenantAdmin(slug()).oidcProviders.put(arg(positionals, 3, 'the provider id'), input);
        print(`OIDC provider "${provider.id}": ${provider.issuer}\n`, provider);
        return 0;
      }
      case 'oidc remove': {
        await tenantAdmin(slug()).oidcProviders.remove(arg(positionals, 3, 'the provider id'));
        print('Removed.\n', { removed: true });
        return 0;
      }
      case 'keys list': {
        const keys = await tenantAdmin(slug()).apiKeys.list();
        print(
          keys
            .map(
              (k) =>
                `${k.id}\t${k.name}\t${k.scopes.join(',')}\t${k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? 'never'}`}\n`,
            )
            .join(''),
          keys,
        );
        return 0;
      }
      case 'keys create': {
        const scopes = required(flags, 'scopes')
          .split(',')
          .map((s) => s.trim()) as ApiKeyScope[];
        const key = await tenantAdmin(slug()).apiKeys.create({ name: required(flags, 'name'), scopes });
        if (flags.json) print('', key);
        else {
          io.stdout(`API key ${key.id} (${key.scopes.join(', ')}): ${key.key}\n`);
          io.stderr('Store this key now: it is not shown again.\n');
        }
        return 0;
      }
      case 'keys revoke': {
        const key = await tenantAdmin(slug()).apiKeys.revoke(arg(positionals, 3, 'the key id'));
        print(`Revoked ${key.id} (${key.name}) at ${key.revokedAt}.\n`, key);
        return 0;
      }
      case 'roles list': {
        const grants = await tenantAdmin(slug()).roles.list();
        // The person's name and handle once they have used the tenant (a grant may come first).
        const who = (g: (typeof grants)[number]) => (g.name ? `\t${g.name}${g.handle ? ` (@${g.handle})` : ''}` : '');
        print(grants.map((g) => `${g.subject}\t${g.role}\tby ${g.grantedBy}${who(g)}\n`).join(''), grants);
        return 0;
      }
      case 'roles grant': {
        const role = arg(positionals, 4, 'the role (evaluator, moderator, admin or cio)');
        if (role !== 'evaluator' && role !== 'moderator' && role !== 'admin' && role !== 'cio') {
          throw new UsageError(`The role is "evaluator", "moderator", "admin" or "cio", not "${role}".`);
        }
        const grant = await tenantAdmin(slug()).roles.grant(arg(positionals, 3, 'the subject'), role);
        print(grant.role === 'cio' ? `${grant.subject} is now a CIO too.\n` : `${grant.subject} is now ${grant.role}.\n`, grant);
        return 0;
      }
      case 'roles revoke': {
        const which = positionals[4];
        if (which !== undefined && which !== 'cio') throw new UsageError(`Name "cio" to take back the CIO grant alone, not "${which}".`);
        await tenantAdmin(slug()).roles.revoke(arg(positionals, 3, 'the subject'), which ? { role: which } : undefined);
        print('Removed.\n', { removed: true });
        return 0;
      }
      case 'person export':
      case 'person erase':
        return await personCommand(
          command as 'person export' | 'person erase',
          arg(positionals, 3, 'the person (their id or subject)'),
          flags,
          createClient({ baseUrl: url, tenant: slug(), token }).privacy,
          io,
        );
      case 'unit list':
      case 'unit add':
      case 'unit set':
      case 'unit archive':
      case 'unit team':
      case 'unit person':
      case 'unit unmatched':
        return await unitCommand(
          command ?? '',
          positionals.slice(3),
          flags,
          createClient({ baseUrl: url, tenant: slug(), token }).units,
          tenantAdmin(slug()).units,
          io,
        );
      case 'webhook list':
      case 'webhook add':
      case 'webhook rotate':
      case 'webhook test':
      case 'webhook remove':
        return await webhookCommand(command ?? '', positionals.slice(3), flags, tenantAdmin(slug()).webhooks, io);
      case 'token mint': {
        const ttl = flags.ttl === undefined ? undefined : Number(flags.ttl);
        if (ttl !== undefined && !Number.isInteger(ttl)) throw new UsageError('--ttl is a whole number of seconds.');
        const minted = await tenantAdmin(slug()).tokens.mint({
          sub: required(flags, 'sub'),
          name: required(flags, 'name'),
          ...(flags.bu ? { bu: flags.bu } : {}),
          ...(flags.email ? { email: flags.email } : {}),
          ...(ttl === undefined ? {} : { ttlSeconds: ttl }),
        });
        print(`${minted.token}\n`, minted);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${positionals.join(' ')}".`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (isBridgekitError(err)) {
      io.stderr(`${explain(err, url, token)}\n`);
      return 1;
    }
    throw err;
  }
}

/** An export or import: a file, a conversion or a cut-short archive fails with its message (the API's errors as the others do). */
async function archiveCommand(io: Io, work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (err) {
    if (isBridgekitError(err) || !(err instanceof Error)) throw err;
    io.stderr(`${err.message}\n`);
    return 1;
  }
}

function explain(err: BridgekitError, url: string, token: string | undefined): string {
  if (err.code === 'network_error') return `Cannot reach the Bridgekit Worker at ${url}. Is it running (pnpm dev), and is --url right?`;
  if (err.status === 401 && !token) return `${err.message}\nPass --token (or set BRIDGEKIT_TOKEN).`;
  const details = err.details.map((d) => `\n  ${d.path}: ${d.message}`).join('');
  return `Error (${err.status} ${err.code}): ${err.message}${details}`;
}
