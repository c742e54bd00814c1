/**
 * `pnpm bridgekit unit list|add|set|archive|team|person|unmatched <slug> …`: a tenant's business units
 * (docs/business-units.md).
 */
import type { BusinessUnit, TenantAdmin, UnitSide } from '@bridgekit/sdk';

export interface UnitIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface UnitFlags {
  name?: string | undefined;
  parent?: string | undefined;
  side?: string | undefined;
  alias?: string[] | undefined;
  partner?: string[] | undefined;
  manager?: string[] | undefined;
  none?: boolean | undefined;
  json?: boolean | undefined;
}

const handles = (members: { handle: string }[]) => members.map((m) => `@${m.handle}`).join(', ') || '—';

const line = (u: BusinessUnit) =>
  `${u.key}\t${u.name}\t${u.side}${u.parent ? `\tpart of ${u.parent}` : ''}${u.archivedAt ? `\tARCHIVED ${u.archivedAt}` : ''}\n` +
  `  aliases: ${u.aliases.join(' | ')}\n` +
  `  business partners: ${handles(u.team.businessPartners)}; relationship managers: ${handles(u.team.relationshipManagers)}\n`;

/** Runs one `unit` command; the exit code (2 for a usage problem, said on stderr). */
export async function unitCommand(
  command: string,
  args: string[],
  flags: UnitFlags,
  client: { list(): Promise<BusinessUnit[]> },
  units: TenantAdmin['units'],
  io: UnitIo,
): Promise<number> {
  const print = (human: string, data: unknown) => io.stdout(flags.json ? `${JSON.stringify(data, null, 2)}\n` : human);
  const usage = (problem: string) => {
    io.stderr(`${problem}\n`);
    return 2;
  };
  const side = (): UnitSide | undefined | null => {
    if (flags.side === undefined) return undefined;
    return flags.side === 'demand' || flags.side === 'supply' ? flags.side : null;
  };
  const key = args[0];
  switch (command) {
    case 'list': {
      const all = await client.list();
      print(all.map(line).join('') || 'No business units.\n', all);
      return 0;
    }
    case 'unmatched': {
      const claims = await units.unmatched();
      print(
        claims.map((c) => `${c.claim}\t${c.people} ${c.people === 1 ? 'person' : 'people'}\n`).join('') || 'Every claim names a unit.\n',
        claims,
      );
      return 0;
    }
  }
  if (!key) return usage(command === 'person' ? "Missing the person's handle." : 'Missing the unit key.');
  switch (command) {
    case 'add': {
      if (!flags.name) return usage('--name is required.');
      const s = side();
      if (s === null) return usage(`--side is demand or supply, not "${flags.side}".`);
      const unit = await units.create({
        key,
        name: flags.name,
        ...(flags.parent ? { parent: flags.parent } : {}),
        ...(s ? { side: s } : {}),
        ...(flags.alias?.length ? { aliases: flags.alias } : {}),
      });
      print(line(unit), unit);
      return 0;
    }
    case 'set': {
      const s = side();
      if (s === null) return usage(`--side is demand or supply, not "${flags.side}".`);
      const unit = await units.update(key, {
        ...(flags.name ? { name: flags.name } : {}),
        ...(flags.parent === undefined ? {} : { parent: flags.parent === '' ? null : flags.parent }),
        ...(s ? { side: s } : {}),
        ...(flags.alias ? { aliases: flags.alias } : {}),
      });
      print(line(unit), unit);
      return 0;
    }
    case 'archive': {
      const unit = await units.archive(key);
      print(line(unit), unit);
      return 0;
    }
    case 'person': {
      // `key` is the person's handle here; the unit's key follows it, or --none.
      const unit = args[1];
      if (unit === undefined && !flags.none) return usage('Name the unit key, or --none for no unit.');
      if (unit !== undefined && flags.none) return usage('Name the unit key or --none, not both.');
      const person = await units.setPersonUnit(key, unit ?? null);
      print(`@${person.handle}\t${person.name}\t${person.unit ? `${person.unit.key} (${person.unit.name})` : 'no unit'}\n`, person);
      return 0;
    }
    case 'team': {
      const unit = await units.setTeam(key, { businessPartners: flags.partner ?? [], relationshipManagers: flags.manager ?? [] });
      print(line(unit), unit);
      return 0;
    }
    default:
      return usage(`Unknown unit command "${command}".`);
  }
}
