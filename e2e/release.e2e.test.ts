/**
 * The release's packages as someone without a checkout gets them (scripts/release.ts): the CLI
 * tarball installed offline into an empty folder and run against the dev server, the SDK and
 * widgets tarballs as npm would see them, and the .sppkg checker on a package assembled from the
 * SPFx example's configuration (the real package needs Microsoft's toolchain: `pnpm release:sppkg`).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { npmEnv, packCli, packLibrary, releaseVersion, sppkgExpectation } from '../scripts/release.ts';
import { readTarball } from '../scripts/release-archive.ts';
import { checkSppkg, readSppkg, type SppkgExpectation } from '../scripts/release-sppkg.ts';
import { TEST_ADMIN_TOKEN } from './dev-secret.ts';
import { zipOf } from './zip-writer.ts';

const run = promisify(execFile);

let dir: string;
let version: string;
const tarballs = { cli: '', sdk: '', widgets: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bk-release-'));
  version = await releaseVersion();
  tarballs.cli = await packCli(dir, version);
  tarballs.sdk = await packLibrary('sdk', dir);
  tarballs.widgets = await packLibrary('widgets', dir);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the release tarballs', () => {
  it('installs @bridgekit/cli offline into an empty folder and runs it against a Worker', async () => {
    const project = join(dir, 'admin');
    await mkdir(project);
    const env = { ...npmEnv(), BRIDGEKIT_TOKEN: TEST_ADMIN_TOKEN };
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarballs.cli, tarballs.sdk], { cwd: project, env });
    const installed = JSON.parse(await readFile(join(project, 'node_modules/@bridgekit/cli/package.json'), 'utf8'));
    expect(installed).toMatchObject({
      name: '@bridgekit/cli',
      version,
      bin: { bridgekit: 'bridgekit.js' },
      engines: { node: '>=22.12.0' },
    });
    expect(installed.dependencies).toBeUndefined();

    const help = await run('npx', ['--offline', 'bridgekit', '--help'], { cwd: project, env });
    expect(help.stdout).toMatch(/^Usage: bridgekit \[--url <worker>\] \[--token <token>\] \[--json\] <command>$/m);
    expect(help.stdout).toMatch(/^ {2}tenant create <slug> --name <name>/m);
    // Without installing, as docs/cli.md shows it: npx takes the tarball.
    const once = await run('npx', ['--yes', '--offline', '--package', tarballs.cli, 'bridgekit', '--help'], { cwd: dir, env });
    expect(once.stdout).toBe(help.stdout);
    const listed = await run('npx', ['--offline', 'bridgekit', '--url', inject('baseUrl'), 'tenant', 'list'], { cwd: project, env });
    expect(listed.stdout).toMatch(/^demo\tContoso \(demo\)\tanonymous read$/m);

    // The SDK from its tarball, in plain Node, reading the demo board anonymously.
    const script = `import { createClient } from '@bridgekit/sdk';
      import { REASONS } from '@bridgekit/sdk/reasons';
      const { items } = await createClient({ baseUrl: ${JSON.stringify(inject('baseUrl'))}, tenant: 'demo' }).ideas.list({ board: 'people' });
      console.log(items.length > 0, typeof REASONS['not_found.http']);`;
    const sdk = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env });
    expect(sdk.stdout.trim()).toBe('true string');
  });

  it.each(['sdk', 'widgets'] as const)(
    '@bridgekit/%s: no workspace: range, no source condition, every exported file packed',
    async (name) => {
      const files = readTarball(await readFile(tarballs[name]));
      const packed = [...files.keys()].map((path) => path.replace(/^package\//, ''));
      const manifest = JSON.parse(files.get('package/package.json')?.toString() ?? '{}');
      expect(manifest).toMatchObject({ name: `@bridgekit/${name}`, version });
      expect(JSON.stringify(manifest)).not.toMatch(/workspace:/);
      if (name === 'widgets') expect(manifest.dependencies['@bridgekit/sdk']).toBe(version);

      const targets: string[] = [];
      const walk = (node: unknown, conditions: string[]) => {
        if (typeof node === 'string') targets.push(node);
        else for (const [key, value] of Object.entries(node as object)) walk(value, [...conditions, key]);
        expect(conditions).not.toContain('@bridgekit/source');
      };
      walk(manifest.exports, []);
      if (manifest.customElements) targets.push(manifest.customElements);
      expect(targets.length).toBeGreaterThan(10);
      const missing = targets.filter((target) => {
        const path = target.replace(/^\.\//, '');
        if (!path.includes('*')) return !packed.includes(path);
        const pattern = new RegExp(
          `^${path
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.+')}$`,
        );
        return !packed.some((file) => pattern.test(file));
      });
      expect(missing).toEqual([]);
    },
  );
});

/** A .sppkg laid out as SPFx 1.23's `heft package-solution` writes one, from the project's configuration. */
function assembleSppkg(expected: SppkgExpectation, change: (files: Record<string, string>) => void = () => {}): Buffer {
  const { solution } = expected;
  const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const rels = (relations: [string, string][]) =>
    `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relations
      .map(
        ([type, target], i) =>
          `<Relationship Type="http://schemas.microsoft.com/sharepoint/2012/app/relationships/${type}" Target="${target}" Id="r${i}"></Relationship>`,
      )
      .join('')}</Relationships>`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="text/xml"></Default><Default Extension="js" ContentType="application/javascript"></Default></Types>',
    '_rels/.rels': rels([['package-manifest', '/AppManifest.xml']]),
    'AppManifest.xml': `<?xml version="1.0" encoding="utf-8"?><App xmlns="http://schemas.microsoft.com/sharepoint/2012/app/manifest" Name="${solution.name}" ProductID="${solution.id}" SharePointMinVersion="16.0.0.0" IsClientSideSolution="true" Version="${solution.version}" SkipFeatureDeployment="${solution.skipFeatureDeployment}" IsDomainIsolated="false"><Properties><Title>${solution.name}</Title></Properties><WebApiPermissionRequests>${(
      solution.webApiPermissionRequests ?? []
    )
      .map((r) => `<WebApiPermissionRequest ResourceId="${r.resource}" Scope="${r.scope}"></WebApiPermissionRequest>`)
      .join('')}</WebApiPermissionRequests></App>`,
    'ClientSideAssets.xml':
      '<?xml version="1.0" encoding="utf-8"?><Feature xmlns="http://schemas.microsoft.com/sharepoint/" Title="Client Side Assets" Id="9d61fb24-ee38-4f02-adb3-23d6e37b8861" Scope="Web"></Feature>',
  };
  const assets: string[] = [];
  for (const part of expected.webParts) {
    const { $schema, ...manifest } = part as typeof part & { $schema?: string };
    const entry = `${part.alias.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}_cd7ff12ccfbb9461cc28.js`;
    const strings = { 'en-US': `${part.alias}Strings_en-us_e354.js`, 'de-DE': `${part.alias}Strings_de-de_a91d.js` };
    const packaged = {
      ...manifest,
      version: '0.1.0',
      loaderConfig: {
        internalModuleBaseUrls: ['HTTPS://SPCLIENTSIDEASSETLIBRARY/'],
        entryModuleId: 'entry',
        scriptResources: {
          entry: { type: 'path', path: entry },
          [`${part.alias}Strings`]: { type: 'localizedPath', paths: strings, defaultPath: strings['en-US'] },
          '@microsoft/sp-core-library': { type: 'component', id: '7263c7d0-1d6a-45ec-8d85-d4d1d234171b', version: '1.23.2' },
        },
      },
    };
    files[`feature_${part.id}.xml`] =
      `<?xml version="1.0" encoding="utf-8"?><Feature xmlns="http://schemas.microsoft.com/sharepoint/" Id="${part.id}" Scope="Web"></Feature>`;
    files[`${part.id}/WebPart_${part.id}.xml`] =
      `<?xml version="1.0" encoding="utf-8"?><Elements xmlns="http://schemas.microsoft.com/sharepoint/"><ClientSideComponent Name="Bridgekit" Id="${part.id}" ComponentManifest="${xmlText(JSON.stringify(packaged))}" Type="WebPart"></ClientSideComponent></Elements>`;
    assets.push(entry, ...Object.values(strings), 'chunk.bk-idea-board_d5be8bbbfb850c4c76cb.js');
  }
  for (const asset of assets) files[`ClientSideAssets/${asset}`] = `/* ${asset} */`;
  files['_rels/ClientSideAssets.xml.rels'] = rels(assets.map((a) => ['clientsideasset', `/ClientSideAssets/${a}`]));
  change(files);
  return zipOf(files);
}

describe('the .sppkg checker', () => {
  it('passes a package that is what config/package-solution.json and the web part manifest ask for', async () => {
    const expected = await sppkgExpectation();
    const sppkg = assembleSppkg(expected);
    expect(checkSppkg(sppkg, expected)).toEqual([]);
    const found = readSppkg(sppkg);
    expect(found.app).toMatchObject({ Name: 'bridgekit-client-side-solution', Version: '0.1.0.0', IsClientSideSolution: 'true' });
    expect(found.permissionRequests).toEqual([{ resource: 'Bridgekit', scope: 'access_as_user' }]);
    expect(found.components.map((c) => c.manifest.alias)).toEqual(['BridgekitWebPart']);
    expect(found.assets).toContain('bridgekit-web-part_cd7ff12ccfbb9461cc28.js');
  });

  it('names what is wrong: version, permission request, web part, assets', async () => {
    const expected = await sppkgExpectation();
    const problems = checkSppkg(
      assembleSppkg(expected, (files) => {
        files['AppManifest.xml'] = (files['AppManifest.xml'] as string)
          .replace('Version="0.1.0.0"', 'Version="0.0.9.0"')
          .replace('ResourceId="Bridgekit"', 'ResourceId="Microsoft Graph"');
        const webPart = Object.keys(files).find((f) => f.includes('/WebPart_')) as string;
        files[webPart] = (files[webPart] as string).replace(
          '&quot;alias&quot;:&quot;BridgekitWebPart&quot;',
          '&quot;alias&quot;:&quot;Other&quot;',
        );
        delete files['ClientSideAssets/bridgekit-web-part_cd7ff12ccfbb9461cc28.js'];
        files['ClientSideAssets/stray.js'] = '';
      }),
      expected,
    );
    expect(problems).toEqual([
      "the app's version is 0.0.9.0, not 0.1.0.0.",
      'the API permission requests are [Microsoft Graph / access_as_user], not [Bridgekit / access_as_user].',
      'the component d7dbf375-04d1-4b2c-a5ae-435f2dc48766 is "Other", not "BridgekitWebPart".',
      "BridgekitWebPart loads bridgekit-web-part_cd7ff12ccfbb9461cc28.js, which is not among the package's assets.",
      "ClientSideAssets/stray.js is not deployed: ClientSideAssets.xml's relationships leave it out.",
      'ClientSideAssets.xml deploys bridgekit-web-part_cd7ff12ccfbb9461cc28.js, which the package does not hold.',
    ]);
    expect(checkSppkg(Buffer.from('not a zip'), expected)).toEqual(['Not a zip: no end of central directory.']);
  });
});
