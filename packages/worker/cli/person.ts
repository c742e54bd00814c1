/**
 * `pnpm bridgekit person export|erase <slug> <subject-or-id>`: a person's own data, for the
 * requests people make to the tenant's admins (docs/privacy.md).
 */
import { writeFile } from 'node:fs/promises';
import type { PersonalExport, PrivacyApi } from '@bridgekit/sdk';

export interface PersonIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

function summary(data: PersonalExport): string {
  const p = data.person;
  const counts = [
    `${data.ideas.length} ideas`,
    `${data.comments.length} comments`,
    `${data.cards.length} cards`,
    `${data.votes.length} votes`,
    `${data.notifications.length} notifications`,
  ].join(', ');
  const cut = data.truncated.length ? ` (cut at 5,000 rows: ${data.truncated.join(', ')})` : '';
  return `${p.name} (${p.id ?? 'never wrote'}, ${p.kind}): ${counts}${cut}`;
}

/** Runs `person export` (to stdout, or to --out) or `person erase` (only with --yes); the exit code. */
export async function personCommand(
  command: string,
  person: string,
  flags: { out?: string; yes?: boolean; json?: boolean },
  privacy: PrivacyApi,
  io: PersonIo,
): Promise<number> {
  if (command === 'export') {
    const data = await privacy.exportPerson(person);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (flags.out) {
      await writeFile(flags.out, text, 'utf8');
      io.stderr(`Wrote ${flags.out}: ${summary(data)}\n`);
    } else io.stdout(text);
    return 0;
  }
  if (!flags.yes) {
    io.stderr(`Erasing ${person}'s personal data cannot be undone: their content stays under "removed person". Add --yes to erase.\n`);
    return 2;
  }
  const erased = await privacy.erasePerson(person);
  const kept = `${erased.kept.ideas} ideas, ${erased.kept.comments} comments, ${erased.kept.cards} cards and ${erased.kept.votes} votes`;
  io.stdout(
    flags.json
      ? `${JSON.stringify(erased, null, 2)}\n`
      : erased.erasedNow
        ? `Erased ${erased.id} at ${erased.erasedAt}; kept ${kept} under "removed person".\n`
        : `${erased.id} was erased before, at ${erased.erasedAt}; nothing changed.\n`,
  );
  return 0;
}
