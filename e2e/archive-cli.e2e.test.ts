import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Idea, ThreadPage } from '@bridgekit/sdk';
import { describe, expect, inject, it } from 'vitest';
import { disqusArchive } from '../packages/worker/cli/convert/disqus.ts';
import { fiderArchive } from '../packages/worker/cli/convert/fider.ts';
import { htmlToMarkdown } from '../packages/worker/cli/convert/html.ts';
import { readZipTexts, ZIP_LIMITS } from '../packages/worker/cli/convert/zip.ts';
import { cli } from './run-cli.ts';
import { zipOf } from './zip-writer.ts';

const FIXTURES = new URL('../packages/worker/test/fixtures/', import.meta.url);
const DISQUS = new URL('disqus-export.xml', FIXTURES).pathname;
const FIDER = new URL('fider-backup/', FIXTURES).pathname;

async function collect(lines: AsyncIterable<string>) {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all.map((l) => JSON.parse(l) as { t?: string; r?: Record<string, unknown>; end?: string; counts?: Record<string, number> });
}

const rows = (archive: Awaited<ReturnType<typeof collect>>, table: string) =>
  archive.filter((l) => l.t === table).map((l) => l.r as Record<string, unknown>);

/** The fixture folder's files, by name. */
async function fiderFiles(): Promise<Record<string, Buffer>> {
  const names = await readdir(FIDER);
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(FIDER, n))] as const)));
}

/** A zip of `files` in a new temporary folder. */
async function writeZip(files: Record<string, string | Buffer>, name = 'backup.zip') {
  const file = join(await mkdtemp(join(tmpdir(), 'bk-fider-')), name);
  await writeFile(file, zipOf(files));
  return file;
}

describe('converting to an archive', () => {
  it('turns HTML into Markdown-ish text, keeping links and dropping what would run', () => {
    expect(htmlToMarkdown('<p>See <a href="https://x.org/a(b)">this</a> &amp; <b>that</b></p><p>Bye<br>now</p>')).toBe(
      'See [this](https://x.org/a%28b%29) & **that**\n\nBye\nnow',
    );
    expect(htmlToMarkdown('<p>Hi<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>')).toBe('Hi[x]');
  });

  it('reads a Disqus export: people, one thread per commented page, replies nested and flattened as Bridgekit nests them', async () => {
    const archive = await collect(
      disqusArchive(() => createReadStream(DISQUS, { encoding: 'utf8', highWaterMark: 512 }), { slug: 's', name: 'S' }),
    );
    expect(archive[0]).toMatchObject({ format: 'bridgekit-archive', version: 1 });
    const trailer = archive.at(-1);
    expect(trailer?.counts).toEqual({ users: 3, threads: 1, comments: 5 });
    expect(rows(archive, 'users').map((u) => u.subject)).toEqual(['disqus|amara_okafor', 'disqus|lukas_meyer', 'disqus|Guest']);
    const [thread] = rows(archive, 'threads');
    expect(thread).toMatchObject({
      id: 'disqus-thread-7001',
      key: 'https://intranet.contoso.example/news/erp-upgrade',
      title: 'ERP upgrade: what changes for you',
      commentCount: 4,
    });
    const comments = new Map(rows(archive, 'comments').map((c) => [c.id, c]));
    expect(comments.get('disqus-9001')).toMatchObject({
      body: 'Will the **invoice** screens change? See [the wiki](https://wiki.contoso.example/erp) & tell us.\n\nThanks!',
      depth: 0,
      rootId: 'disqus-9001',
      replyCount: 3,
      state: 'published',
    });
    expect(comments.get('disqus-9002')?.body).toBe('Yes, a little.');
    // Deleted, with a reply: kept in place, empty and removed. Spam without replies: left out.
    expect(comments.get('disqus-9003')).toMatchObject({ body: '', state: 'removed', removedBy: 'author', depth: 2 });
    expect(comments.get('disqus-9004')).toMatchObject({ parentId: 'disqus-9003', depth: 3, replyToId: null });
    expect(comments.get('disqus-9005')).toMatchObject({ parentId: 'disqus-9003', depth: 3, replyToId: 'disqus-9004' });
    expect(comments.has('disqus-9006')).toBe(false);
  });

  it('reads a Fider backup: a board of ideas with their statuses, votes and discussions', async () => {
    const archive = await collect(fiderArchive(FIDER, { slug: 's', name: 'S' }, { slug: 'requests', name: 'Requests' }));
    expect(archive.at(-1)?.counts).toMatchObject({ users: 3, boards: 1, ideas: 3, votes: 3, threads: 1, comments: 2 });
    const ideas = new Map(rows(archive, 'ideas').map((i) => [i.id, i]));
    expect(ideas.get('fider-requests-1')).toMatchObject({
      title: 'Self-service password reset',
      status: 'planned',
      statusReason: 'On the roadmap for Q3.',
      voteCount: 2,
      supporterCount: 2,
    });
    expect(ideas.get('fider-requests-2')).toMatchObject({ status: 'merged', mergedInto: 'fider-requests-1', closed: true });
    expect(ideas.has('fider-requests-4')).toBe(false);
    expect(rows(archive, 'threads')[0]).toMatchObject({ key: 'idea:fider-requests-1', commentCount: 2 });
  });

  it("reads Fider's backup.zip itself, or a zip of its folder, as it reads the folder", async () => {
    const board = { slug: 'requests', name: 'Requests' };
    const records = async (from: string) => (await collect(fiderArchive(from, { slug: 's', name: 'S' }, board))).slice(1);
    const fromFolder = await records(FIDER);
    const files = await fiderFiles();
    // As Fider writes it: the tables at the top, the blobs of attachments beside them (passed over).
    const zip = await writeZip({ ...files, 'tenants.json': '[]', 'blobs/attachments/a.png': Buffer.alloc(4096, 7) });
    expect(await records(zip)).toEqual(fromFolder);
    const refolded = await writeZip(Object.fromEntries(Object.entries(files).map(([n, c]) => [`fider-backup/${n}`, c])));
    expect(await records(refolded)).toEqual(fromFolder);
  });

  it('refuses a zip that is not a Fider backup, a zip bomb and an entry over the limit, before unpacking', async () => {
    const board = { slug: 'fider', name: 'Fider' };
    const convert = (from: string) => collect(fiderArchive(from, { slug: 's', name: 'S' }, board));
    const { 'posts.json': _, ...withoutPosts } = await fiderFiles();
    await expect(convert(await writeZip(withoutPosts))).rejects.toThrow(/^posts\.json is missing from .*backup\.zip/);
    await expect(convert(await writeZip({ 'users.json': `[${' '.repeat(2_000_000)}]` }))).rejects.toThrow(
      /^users\.json in backup\.zip would unpack to \d+ times its size: refused as a zip bomb\.$/,
    );
    const notZip = join(await mkdtemp(join(tmpdir(), 'bk-fider-')), 'backup.zip');
    await writeFile(notZip, 'users.json,posts.json');
    await expect(convert(notZip)).rejects.toThrow(/^backup\.zip is not a zip file that can be read/);
    await expect(convert(join(tmpdir(), 'no-such-backup.zip'))).rejects.toThrow(/no-such-backup\.zip does not exist/);

    const zip = await writeZip(await fiderFiles());
    await expect(readZipTexts(zip, ['posts.json'], { ...ZIP_LIMITS, entryBytes: 1000 })).rejects.toThrow(
      /^posts\.json in backup\.zip unpacks to 2 KB, more than 1 KB\.$/,
    );
    await expect(readZipTexts(zip, ['posts.json'], { ...ZIP_LIMITS, fileBytes: 100 })).rejects.toThrow(/unzip it and give the folder/);
    expect([...(await readZipTexts(zip, ['posts.json', 'tags.json'])).keys()]).toEqual(['posts.json']);
  });
});

describe('tenant export and import with the CLI, against the dev server', () => {
  it('imports a Disqus export: the page finds its discussion again, the HTML rendered safe', async () => {
    expect((await cli('tenant', 'create', 'cli-disqus', '--name', 'Disqus Co', '--anonymous-read', 'on')).code).toBe(0);
    const imported = await cli('tenant', 'import', 'cli-disqus', '--from', DISQUS, '--format', 'disqus');
    expect(imported.stderr).toMatch(/lines 1–\d+: users 3, threads 1, comments 5/);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('Imported users 3, threads 1, comments 5 into cli-disqus.\n');
    const page = encodeURIComponent('https://intranet.contoso.example/news/erp-upgrade');
    const res = await fetch(`${inject('baseUrl')}/v1/tenants/cli-disqus/threads/comments?url=${page}`);
    expect(res.status).toBe(200);
    const thread = (await res.json()) as ThreadPage;
    const text = JSON.stringify(thread);
    expect(text).toContain('<strong>invoice</strong>');
    expect(text).not.toMatch(/<script|onerror|javascript:/);
  });

  it("imports Fider's backup.zip onto a board, exports the tenant with progress, and refuses a tenant with content", async () => {
    expect((await cli('tenant', 'create', 'cli-fider', '--name', 'Fider Co', '--anonymous-read', 'on')).code).toBe(0);
    // The zip as Fider writes it (the folder it unzips to reads the same: see above).
    const backup = await writeZip(await fiderFiles());
    const imported = await cli('tenant', 'import', 'cli-fider', '--from', backup, '--format', 'fider', '--board', 'requests');
    expect(imported.code, imported.stderr).toBe(0);
    const res = await fetch(`${inject('baseUrl')}/v1/tenants/cli-fider/boards/requests/ideas?sort=top`);
    const ideas = ((await res.json()) as { items: Idea[] }).items;
    expect(ideas.map((i) => [i.title, i.votes])).toContainEqual(['Self-service password reset', 2]);

    const dir = await mkdtemp(join(tmpdir(), 'bk-archive-'));
    const file = join(dir, 'fider.ndjson');
    const exported = await cli('tenant', 'export', 'cli-fider', '--out', file);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/^users: 3\nboards: 1\nboard_criteria: 7\nideas: 3\nvotes: 3\nthreads: 1\ncomments: 2\n/m);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ format: 'bridgekit-archive', version: 1, tenant: { slug: 'cli-fider' } });
    expect(JSON.parse(lines.at(-1) ?? '{}').counts).toMatchObject({ ideas: 3, votes: 3, comments: 2 });

    // Back into the same tenant: it has content.
    const again = await cli('tenant', 'import', 'cli-fider', '--from', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/409 conflict.*has content already/);
    // Into another tenant of this deployment: the ids are taken.
    expect((await cli('tenant', 'create', 'cli-fider-copy', '--name', 'Copy')).code).toBe(0);
    const copy = await cli('tenant', 'import', 'cli-fider-copy', '--from', file);
    expect(copy.code).toBe(1);
    expect(copy.stderr).toMatch(/409 conflict.*Ids are kept/);
  });

  it('says which line of a file is not an archive line', async () => {
    expect((await cli('tenant', 'create', 'cli-bad', '--name', 'Bad Co')).code).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'bk-archive-'));
    const file = join(dir, 'bad.ndjson');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(file, `{"format":"bridgekit-archive","version":1,"exportedAt":"x","tenant":{"slug":"a","name":"A"}}\n{"t":"users",\n`),
    );
    const res = await cli('tenant', 'import', 'cli-bad', '--from', file);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/400 validation_failed\): Line 2 is not one JSON object/);
  });
});
