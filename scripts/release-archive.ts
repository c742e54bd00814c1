/**
 * Readers for the two archive formats of a release, with nothing but node:zlib: the npm tarballs
 * (gzipped ustar, as npm and pnpm write them) and zips (the SharePoint .sppkg is one, in the Open
 * Packaging Conventions). Small and strict: what they cannot read they refuse with a reason.
 */
import { gunzipSync, inflateRawSync } from 'node:zlib';

/** Largest entry either reader unpacks: a release's files are a few MB at most. */
const ENTRY_LIMIT = 64 * 1024 ** 2;

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8').replace(/\0.*$/s, '');

/**
 * The regular files of a .tgz, by path inside it (`package/…` for an npm tarball).
 *
 * @example
 * const files = readTarball(await readFile('bridgekit-sdk-0.1.0.tgz'));
 * JSON.parse(files.get('package/package.json')!.toString());
 */
export function readTarball(tgz: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(tgz, { maxOutputLength: ENTRY_LIMIT * 4 });
  const files = new Map<string, Buffer>();
  let offset = 0;
  let nextPath: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => text(header.subarray(start, start + length));
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    if (!Number.isFinite(size)) throw new Error(`Unreadable tar header at byte ${offset}.`);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const data = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') nextPath = text(data);
    else if (type === 'x') nextPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1] ?? nextPath;
    else {
      const path = nextPath ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
      nextPath = undefined;
      if (type === '0' || type === '') files.set(path, Buffer.from(data));
    }
  }
  return files;
}

/**
 * The files of a .zip, by name, read from its central directory (stored or deflated entries).
 *
 * @example
 * const files = readZip(await readFile('bridgekit.sppkg'));
 * files.get('AppManifest.xml')?.toString();
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) throw new Error('Not a zip: no end of central directory.');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`Not a zip: entry ${i} of the central directory is damaged.`);
    const method = zip.readUInt16LE(at + 10);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (size > ENTRY_LIMIT) throw new Error(`${name} unpacks to ${size} bytes, more than this reader takes.`);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`Not a zip: the local header of ${name} is missing.`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + packedSize);
    if (method === 0) files.set(name, Buffer.from(packed));
    else if (method === 8) files.set(name, inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) }));
    else throw new Error(`${name} is packed with method ${method}; only stored and deflated entries are read.`);
  }
  return files;
}
