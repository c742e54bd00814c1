import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BusinessUnit, CreatedTenant, NewApiKey, PersonalExport, TenantSettings } from '@bridgekit/sdk';
import { describe, expect, inject, it } from 'vitest';
import { main } from '../packages/worker/cli/commands.ts';
import { SOURCE_CONDITION } from '../packages/worker/scripts/dev-server.ts';
import { cli } from './run-cli.ts';

const run = promisify(execFile);

const me = async (token: string, tenant: string) =>
  fetch(`${inject('baseUrl')}/v1/tenants/${tenant}/me`, { headers: { authorization: `Bearer ${token}` } });

describe('the bridgekit CLI, against the dev server', () => {
  it('creates a tenant with origins, showing progress and the secret once', async () => {
    const { code, stdout, stderr } = await cli(
      'tenant',
      'create',
      'cli-co',
      '--name',
      'CLI Co',
      '--origin',
      'https://cli.example',
      '--origin',
      'https://*.cli.example',
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[1\/1\] Creating tenant cli-co with its first embed secret and 2 origin\(s\)… done/);
    expect(stderr).toMatch(/not shown again/);
    expect(stdout).toMatch(/Tenant cli-co — CLI Co/);
    expect(stdout).toMatch(/origins: +https:\/\/\*\.cli\.example, https:\/\/cli\.example/);
    expect(stdout).toMatch(/Embed secret k-[0-9a-z]+: [A-Za-z0-9_-]{43}/);
  });

  it('prints JSON for scripts', async () => {
    const { code, stdout } = await cli('--json', 'tenant', 'create', 'cli-json', '--name', 'JSON Co');
    expect(code).toBe(0);
    const created = JSON.parse(stdout) as CreatedTenant;
    expect(created.tenant.slug).toBe('cli-json');
    const listed = JSON.parse((await cli('--json', 'tenant', 'list')).stdout) as { slug: string }[];
    expect(listed.map((t) => t.slug)).toEqual(expect.arrayContaining(['cli-json', 'demo']));
  });

  it('sets and removes item pages one kind at a time, keeping the others', async () => {
    await cli('tenant', 'create', 'cli-pages', '--name', 'Pages Co');
    const idea = 'https://intranet.example/ideas#bk-idea={id}';
    const card = 'https://intranet.example/practice?card={id}';
    const person = 'https://intranet.example/people#bk-person={id}';
    const both = await cli('--json', 'tenant', 'set', 'cli-pages', '--idea-page', idea, '--card-page', card, '--person-page', person);
    expect((JSON.parse(both.stdout) as TenantSettings).itemPages).toEqual({ idea, card, person });
    const shown = await cli('tenant', 'show', 'cli-pages');
    expect(shown.stdout).toMatch(/item pages:\n +idea +https:\/\/intranet\.example\/ideas#bk-idea=\{id\}\n +card +https:/);
    const removed = await cli('--json', 'tenant', 'set', 'cli-pages', '--idea-page', '');
    expect((JSON.parse(removed.stdout) as TenantSettings).itemPages).toEqual({ card, person });
    const refused = await cli('tenant', 'set', 'cli-pages', '--search-page', 'http://intranet.example/search');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/itemPages\.search/);
  });

  it('changes settings, origins and roles', async () => {
    await cli('tenant', 'create', 'cli-set', '--name', 'Before');
    const set = await cli(
      '--json',
      'tenant',
      'set',
      'cli-set',
      '--name',
      'After',
      '--anonymous-read',
      'on',
      '--role-claim',
      'groups',
      '--evaluator',
      'brms',
      '--moderator',
      'mods',
      '--admin',
      'admins',
    );
    expect(JSON.parse(set.stdout) as TenantSettings).toMatchObject({
      name: 'After',
      anonymousRead: true,
      roleMapping: { claim: 'groups', evaluator: ['brms'], moderator: ['mods'], admin: ['admins'] },
    });

    const added = await cli('origins', 'add', 'cli-set', 'https://a.example', 'HTTPS://B.example/');
    expect(added.stderr).toMatch(/\[1\/2\] Allowing https:\/\/a\.example… done\n\[2\/2\] Allowing HTTPS:\/\/B\.example\/… done/);
    expect(added.stdout).toBe('https://a.example\nhttps://b.example\n');
    expect((await cli('origins', 'remove', 'cli-set', 'https://a.example')).stdout).toBe('https://b.example\n');

    expect((await cli('roles', 'grant', 'cli-set', 'cli|ann', 'moderator')).stdout).toBe('cli|ann is now moderator.\n');
    expect((await cli('roles', 'list', 'cli-set')).stdout).toMatch(/^cli\|ann\tmoderator\tby platform\n$/);
    expect((await cli('roles', 'revoke', 'cli-set', 'cli|ann')).code).toBe(0);

    // The configuration log says who did each of these, newest first.
    const log = (await cli('tenant', 'log', 'cli-set')).stdout.trim().split('\n');
    expect(log.map((l) => l.split('\t').slice(1, 4))).toEqual([
      ['Platform operator (platform)', 'role.revoked', 'cli|ann'],
      ['Platform operator (platform)', 'role.granted', 'cli|ann'],
      ['Platform operator (platform)', 'origin.removed', 'https://a.example'],
      ['Platform operator (platform)', 'origin.added', 'https://b.example'],
      ['Platform operator (platform)', 'origin.added', 'https://a.example'],
      ['Platform operator (platform)', 'settings.updated', expect.any(String)],
      ['Platform operator (platform)', 'tenant.created', expect.any(String)],
    ]);
    expect(log[5]).toContain('name: "After"');
    expect(log[5]).toContain('anonymousRead: true');
    const granted = await cli('tenant', 'log', 'cli-set', '--action', 'role.granted', '--target', 'cli|ann');
    expect(granted.stdout).toMatch(/\trole\.granted\tcli\|ann\trole: "moderator"\n$/);
    const bad = await cli('tenant', 'log', 'cli-set', '--action', 'role.stolen');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--action is one of: tenant\.created/);
  });

  it('manages business units, their teams and the CIO grant', async () => {
    const added = await cli('unit', 'add', 'demo', 'cli-legal', '--name', 'CLI Legal', '--alias', '  Legal   Dept ');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^cli-legal\tCLI Legal\tdemand\n {2}aliases: cli legal \| legal dept\n/);
    const set = await cli('--json', 'unit', 'set', 'demo', 'cli-legal', '--parent', 'finance', '--side', 'supply');
    expect(JSON.parse(set.stdout) as BusinessUnit).toMatchObject({ key: 'cli-legal', parent: 'finance', side: 'supply' });
    const team = await cli('unit', 'team', 'demo', 'cli-legal', '--partner', 'lukas.meyer', '--manager', 'amara.okafor');
    expect(team.stdout).toMatch(/business partners: @lukas\.meyer; relationship managers: @amara\.okafor/);
    expect((await cli('unit', 'list', 'demo')).stdout).toMatch(/^finance\tFinance\tdemand$/m);
    expect((await cli('unit', 'archive', 'demo', 'cli-legal')).stdout).toMatch(/ARCHIVED \d{4}-/);
    expect((await cli('unit', 'unmatched', 'demo')).code).toBe(0);
    // Lukas's claim names Operations already: putting him there changes nothing the other tests see.
    const person = await cli('unit', 'person', 'demo', '@lukas.meyer', 'operations');
    expect(person.code, person.stderr).toBe(0);
    expect(person.stdout).toBe('@lukas.meyer\tLukas Meyer\toperations (Operations)\n');
    expect((await cli('unit', 'person', 'demo', 'lukas.meyer')).code).toBe(2);
    expect((await cli('unit', 'person', 'demo', 'lukas.meyer', 'finance', '--none')).code).toBe(2);
    const clash = await cli('unit', 'add', 'demo', 'cli-fin', '--name', 'Finance');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/409 conflict.*"finance" names the business unit "finance"/);
    const bad = await cli('unit', 'add', 'demo', 'cli-x', '--name', 'X', '--side', 'middle');
    expect(bad.code).toBe(2);

    expect((await cli('roles', 'grant', 'demo', 'cli|cio', 'cio')).stdout).toBe('cli|cio is now a CIO too.\n');
    expect((await cli('roles', 'grant', 'demo', 'cli|cio', 'evaluator')).code).toBe(0);
    expect((await cli('roles', 'list', 'demo')).stdout).toMatch(/^cli\|cio\tcio\tby platform\ncli\|cio\tevaluator\tby platform$/m);
    expect((await cli('roles', 'revoke', 'demo', 'cli|cio', 'cio')).code).toBe(0);
    expect((await cli('roles', 'list', 'demo')).stdout).not.toMatch(/cli\|cio\tcio/);
  });

  it('rotates the embed secret without downtime, then retires the old one', async () => {
    const created = JSON.parse((await cli('--json', 'tenant', 'create', 'cli-rotate', '--name', 'Rotate Co')).stdout) as CreatedTenant;
    const oldToken = (await cli('token', 'mint', 'cli-rotate', '--sub', 'r|1', '--name', 'Rae')).stdout.trim();
    expect((await me(oldToken, 'cli-rotate')).status).toBe(200);

    const rotated = await cli('secret', 'rotate', 'cli-rotate', '--retire-old');
    expect(rotated.code).toBe(0);
    expect(rotated.stderr).toMatch(/\[1\/2\] Creating a new embed secret… done\n\[2\/2\] Retiring k-[0-9a-z]+… done/);
    expect((await me(oldToken, 'cli-rotate')).status).toBe(401);
    const newToken = (await cli('token', 'mint', 'cli-rotate', '--sub', 'r|1', '--name', 'Rae')).stdout.trim();
    expect((await me(newToken, 'cli-rotate')).status).toBe(200);

    const retireLast = await cli('secret', 'retire', 'cli-rotate', created.embedKey.kid);
    expect(retireLast.code).toBe(1);
    expect(retireLast.stderr).toMatch(/404 not_found/);
  });

  it('creates, lists and revokes API keys', async () => {
    await cli('tenant', 'create', 'cli-keys', '--name', 'Keys Co', '--anonymous-read', 'off');
    const created = JSON.parse(
      (await cli('--json', 'keys', 'create', 'cli-keys', '--name', 'Nightly export', '--scopes', 'read')).stdout,
    ) as NewApiKey;
    expect((await me(created.key, 'cli-keys')).status).toBe(200);
    expect((await cli('keys', 'list', 'cli-keys')).stdout).toMatch(new RegExp(`^${created.id}\\tNightly export\\tread\\tlast used`));
    expect((await cli('keys', 'revoke', 'cli-keys', created.id)).code).toBe(0);
    expect((await me(created.key, 'cli-keys')).status).toBe(401);
  });

  it("exports and erases a person's data, asking for --yes first", async () => {
    await cli('tenant', 'create', 'cli-person', '--name', 'Person Co');
    const minted = JSON.parse(
      (await cli('--json', 'token', 'mint', 'cli-person', '--sub', 'cli|erin', '--name', 'Erin Export', '--email', 'erin@cli.example'))
        .stdout,
    ) as { token: string };
    const posted = await fetch(`${inject('baseUrl')}/v1/tenants/cli-person/threads/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${minted.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'cli-person-page', body: 'Erin was here' }),
    });
    expect(posted.status).toBe(201);
    const dir = await mkdtemp(join(tmpdir(), 'bk-person-'));
    const file = join(dir, 'erin.json');
    const exported = await cli('person', 'export', 'cli-person', 'cli|erin', '--out', file);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/Erin Export \([0-9a-z]+, person\): 0 ideas, 1 comments/);
    const data = JSON.parse(await readFile(file, 'utf8')) as PersonalExport;
    expect(data.person).toMatchObject({ subject: 'cli|erin', email: 'erin@cli.example' });
    expect(data.comments.map((c) => c.body)).toEqual(['Erin was here']);

    const unsure = await cli('person', 'erase', 'cli-person', 'cli|erin');
    expect(unsure.code).toBe(2);
    expect(unsure.stderr).toMatch(/--yes/);
    const erased = await cli('person', 'erase', 'cli-person', 'cli|erin', '--yes');
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(/^Erased [0-9a-z]+ at .*kept 0 ideas, 1 comments/);
    // By id now: the subject is gone with the rest.
    expect((await cli('person', 'erase', 'cli-person', 'cli|erin', '--yes')).code).toBe(1);
    const again = await cli('person', 'erase', 'cli-person', data.person.id ?? '', '--yes');
    expect(again.stdout).toMatch(/was erased before/);
  });

  it('configures Entra ID in one command', async () => {
    await cli('tenant', 'create', 'cli-entra', '--name', 'Entra Co');
    const entra = await cli(
      'oidc',
      'entra',
      'cli-entra',
      '--directory',
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      '--audience',
      'c0ffee00-0000-4000-8000-00000000b41d',
    );
    expect(entra.code).toBe(0);
    expect(entra.stdout).toMatch(
      /tokens from https:\/\/login\.microsoftonline\.com\/72f988bf-86f1-41af-91ab-2d7cd011db47\/v2\.0 for c0ffee00-0000-4000-8000-00000000b41d with scope access_as_user\.\n$/,
    );
    // A sign-in client for embedded frames: the scope names the API by its Application ID URI.
    const withSignIn = await cli(
      '--json',
      'oidc',
      'entra',
      'cli-entra',
      '--directory',
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      '--audience',
      'c0ffee00-0000-4000-8000-00000000b41d',
      '--sign-in-client',
      '5ca1ab1e-0000-4000-8000-00000000c11e',
    );
    expect(withSignIn.code).toBe(0);
    expect(JSON.parse(withSignIn.stdout).signIn).toEqual({
      clientId: '5ca1ab1e-0000-4000-8000-00000000c11e',
      scope: 'api://c0ffee00-0000-4000-8000-00000000b41d/access_as_user',
      label: 'Microsoft Entra ID',
    });
    expect((await cli('oidc', 'list', 'cli-entra')).stdout).toMatch(/^entra\t/);
    expect((await cli('oidc', 'remove', 'cli-entra', 'entra')).code).toBe(0);
  });

  it('explains failures and exits non-zero', async () => {
    const badToken = await cli('--token', 'not-the-admin-token', 'tenant', 'list');
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toMatch(/platform admin token/);
    const usage = await cli('tenant', 'create', 'no-name');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--name is required/);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    const down = await main(['--url', 'http://127.0.0.1:9', 'tenant', 'list'], { stdout: () => {}, stderr: () => {}, env: {} });
    expect(down).toBe(1);
    const invalid = await cli('origins', 'add', 'demo', 'not an origin');
    expect(invalid.stderr).toMatch(/body\.origin: "not an origin" is not an origin/);
  });

  it('runs as a program: pnpm bridgekit …', async () => {
    const { stdout } = await run(
      process.execPath,
      [SOURCE_CONDITION, 'packages/worker/cli/bridgekit.ts', '--url', inject('baseUrl'), 'tenant', 'list'],
      {
        cwd: new URL('..', import.meta.url),
      },
    );
    expect(stdout).toMatch(/^demo\tContoso \(demo\)\tanonymous read$/m);
  });
});
