/**
 * Reads a SharePoint Framework package (.sppkg: a zip in the Open Packaging Conventions) and
 * checks it against the SPFx project's configuration: the app manifest (name, id, version, a
 * client-side solution), the API permission request an admin approves, each web part's component
 * manifest, and that every script the web parts load is among the client-side assets the package
 * deploys (ClientSideAssets/, each named by a relationship of ClientSideAssets.xml).
 */
import { readZip } from './release-archive.ts';

/** The parts of config/package-solution.json the package is checked against. */
export interface PackageSolution {
  solution: {
    name: string;
    id: string;
    version: string;
    includeClientSideAssets?: boolean;
    skipFeatureDeployment?: boolean;
    webApiPermissionRequests?: { resource: string; scope: string }[];
  };
}

/** The parts of a web part's `*.manifest.json` the package is checked against. */
export interface WebPartManifest {
  id: string;
  alias: string;
  componentType: string;
  requiresCustomScript?: boolean;
}

export type SppkgExpectation = PackageSolution & { webParts: WebPartManifest[] };

/** A client-side component as the package declares it, with its manifest as SharePoint gets it. */
export interface PackagedComponent {
  id: string;
  name: string;
  manifest: WebPartManifest & {
    loaderConfig?: { entryModuleId?: string; scriptResources?: Record<string, ScriptResource> };
  };
}

type ScriptResource = { type: string; path?: string | { path: string }; defaultPath?: string; paths?: Record<string, string> };

/** What a .sppkg holds, as far as an admin's upload and approval are concerned. */
export interface SppkgContents {
  /** The `App` element of AppManifest.xml: its attributes. */
  app: Record<string, string>;
  permissionRequests: { resource: string; scope: string }[];
  components: PackagedComponent[];
  /** The files under ClientSideAssets/, without that prefix. */
  assets: string[];
  /** The assets ClientSideAssets.xml deploys: its relationships' targets, without the folder. */
  deployedAssets: string[];
  files: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const fromXml = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });

/** The attributes of each `<tag …>` in `xml` (a package's XML is flat enough for this). */
function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const [, attributes] of xml.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))) {
    const element: Record<string, string> = {};
    for (const [, name, value] of (attributes ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
      element[name as string] = fromXml(value as string);
    found.push(element);
  }
  return found;
}

/**
 * The app, permission requests, components and assets of a .sppkg.
 *
 * @example
 * const { app, permissionRequests } = readSppkg(await readFile('bridgekit.sppkg'));
 */
export function readSppkg(sppkg: Buffer): SppkgContents {
  const files = readZip(sppkg);
  const xml = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const app = elements(xml('AppManifest.xml'), 'App')[0] ?? {};
  const permissionRequests = elements(xml('AppManifest.xml'), 'WebApiPermissionRequest').map((r) => ({
    resource: r.ResourceId ?? '',
    scope: r.Scope ?? '',
  }));
  const components: PackagedComponent[] = [];
  for (const name of [...files.keys()].filter((f) => f.endsWith('.xml'))) {
    for (const c of elements(xml(name), 'ClientSideComponent')) {
      let manifest: PackagedComponent['manifest'];
      try {
        manifest = JSON.parse(c.ComponentManifest ?? '') as PackagedComponent['manifest'];
      } catch {
        throw new Error(`${name}: the component ${c.Id} has no readable ComponentManifest.`);
      }
      components.push({ id: c.Id ?? '', name: c.Name ?? '', manifest });
    }
  }
  const assets = [...files.keys()].filter((f) => f.startsWith('ClientSideAssets/')).map((f) => f.slice('ClientSideAssets/'.length));
  const deployedAssets = elements(xml('_rels/ClientSideAssets.xml.rels'), 'Relationship')
    .filter((r) => r.Type?.endsWith('/clientsideasset'))
    .map((r) => (r.Target ?? '').replace(/^\/?ClientSideAssets\//, ''));
  return { app, permissionRequests, components, assets, deployedAssets, files: [...files.keys()].sort() };
}

/** The script files a component's loader configuration names (its own code and localized strings). */
export function scriptFiles(component: PackagedComponent): string[] {
  const files: string[] = [];
  for (const resource of Object.values(component.manifest.loaderConfig?.scriptResources ?? {})) {
    if (resource.type === 'path' && resource.path) files.push(typeof resource.path === 'string' ? resource.path : resource.path.path);
    if (resource.type === 'localizedPath') {
      if (resource.defaultPath) files.push(resource.defaultPath);
      files.push(...Object.values(resource.paths ?? {}));
    }
  }
  return files;
}

const sameId = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
const request = (r: { resource: string; scope: string }) => `${r.resource} / ${r.scope}`;

/**
 * What is wrong with a .sppkg, measured against the project's configuration; empty when nothing.
 *
 * @example
 * const problems = checkSppkg(await readFile('bridgekit.sppkg'), await sppkgExpectation());
 * if (problems.length) throw new Error(problems.join('\n'));
 */
export function checkSppkg(sppkg: Buffer, expected: SppkgExpectation): string[] {
  const problems: string[] = [];
  let found: SppkgContents;
  try {
    found = readSppkg(sppkg);
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'AppManifest.xml']) {
    if (!found.files.includes(part)) problems.push(`${part} is missing: not an app package.`);
  }
  const { solution } = expected;
  const { app } = found;
  if (app.Name !== solution.name) problems.push(`the app is named "${app.Name}", not "${solution.name}".`);
  if (!sameId(app.ProductID, solution.id)) problems.push(`the app's product id is ${app.ProductID}, not ${solution.id}.`);
  if (app.Version !== solution.version) problems.push(`the app's version is ${app.Version}, not ${solution.version}.`);
  if (app.IsClientSideSolution?.toLowerCase() !== 'true') problems.push('the app is not a client-side solution.');
  if (solution.skipFeatureDeployment !== undefined && app.SkipFeatureDeployment?.toLowerCase() !== String(solution.skipFeatureDeployment)) {
    problems.push(`SkipFeatureDeployment is ${app.SkipFeatureDeployment}, not ${solution.skipFeatureDeployment}.`);
  }

  const wanted = (solution.webApiPermissionRequests ?? []).map(request).sort();
  const asked = found.permissionRequests.map(request).sort();
  if (wanted.join('\n') !== asked.join('\n')) {
    problems.push(`the API permission requests are [${asked.join('; ')}], not [${wanted.join('; ')}].`);
  }

  for (const part of expected.webParts) {
    const component = found.components.find((c) => sameId(c.id, part.id));
    if (!component) {
      problems.push(`the web part ${part.alias} (${part.id}) is not in the package.`);
      continue;
    }
    const { manifest } = component;
    if (manifest.alias !== part.alias) problems.push(`the component ${part.id} is "${manifest.alias}", not "${part.alias}".`);
    if (manifest.componentType !== part.componentType)
      problems.push(`${part.alias} is a ${manifest.componentType}, not a ${part.componentType}.`);
    // The packaged manifest leaves the flag out when it is false.
    if ((manifest.requiresCustomScript ?? false) !== (part.requiresCustomScript ?? false)) {
      problems.push(
        `${part.alias}: requiresCustomScript is ${manifest.requiresCustomScript ?? false}, not ${part.requiresCustomScript ?? false}.`,
      );
    }
    const scripts = scriptFiles(component);
    if (scripts.length === 0) problems.push(`${part.alias} names no script to load.`);
    if (solution.includeClientSideAssets) {
      for (const script of scripts) {
        if (!found.assets.includes(script)) problems.push(`${part.alias} loads ${script}, which is not among the package's assets.`);
      }
    }
  }
  if (solution.includeClientSideAssets) {
    if (found.assets.length === 0) problems.push('the package holds no client-side assets.');
    for (const asset of found.assets) {
      if (!found.deployedAssets.includes(asset))
        problems.push(`ClientSideAssets/${asset} is not deployed: ClientSideAssets.xml's relationships leave it out.`);
    }
    for (const asset of found.deployedAssets) {
      if (!found.assets.includes(asset)) problems.push(`ClientSideAssets.xml deploys ${asset}, which the package does not hold.`);
    }
  }
  for (const component of found.components) {
    if (!expected.webParts.some((p) => sameId(component.id, p.id)))
      problems.push(`the package holds an unexpected component ${component.name} (${component.id}).`);
  }
  return problems;
}
