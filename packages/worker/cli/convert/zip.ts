/**
 * The named files of a .zip (a Fider backup.zip), read with fflate from its central directory.
 * Bounded, as a zip can claim anything: the file is read whole only up to `fileBytes`, and a
 * wanted entry that would unpack to more than `entryBytes`, or more than `ratio` times its
 * packed size (a zip bomb), is refused before it is unpacked. fflate unpacks into a buffer of
 * the size the directory states, so a lying entry cannot grow past it either.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { unzipSync } from 'fflate';

export const ZIP_LIMITS = { fileBytes: 1024 ** 3, entryBytes: 256 * 1024 ** 2, ratio: 200 };

const inBytes = (bytes: number) => (bytes < 1024 ** 2 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.ceil(bytes / 1024 ** 2)} MB`);

/** The entry a name stands for: at the top of the zip, or in its one folder (a re-zipped folder). */
const entryName = (entry: string, names: readonly string[]) => {
  const parts = entry.split('/');
  if (parts.length > 2 || parts[0] === '__MACOSX') return undefined;
  return names.find((name) => name === parts.at(-1));
};

/** The texts of the `names` found in the zip at `path` (absent ones are left out). */
export async function readZipTexts(path: string, names: readonly string[], limits = ZIP_LIMITS): Promise<Map<string, string>> {
  const { size } = await stat(path);
  if (size > limits.fileBytes) {
    throw new Error(
      `${basename(path)} is ${inBytes(size)}, more than the ${inBytes(limits.fileBytes)} read whole: unzip it and give the folder.`,
    );
  }
  const data = new Uint8Array(await readFile(path));
  const found = new Map<string, string>();
  let refusal: string | undefined;
  const refuse = (why: string) => {
    refusal ??= why;
    return false;
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, {
      filter: (entry) => {
        const name = entryName(entry.name, names);
        if (!name || refusal) return false;
        if (found.has(name)) return refuse(`${basename(path)} holds ${name} twice.`);
        found.set(name, entry.name);
        const ratio = entry.originalSize / Math.max(entry.size, 1);
        if (entry.originalSize > limits.entryBytes)
          return refuse(
            `${entry.name} in ${basename(path)} unpacks to ${inBytes(entry.originalSize)}, more than ${inBytes(limits.entryBytes)}.`,
          );
        if (ratio > limits.ratio)
          return refuse(`${entry.name} in ${basename(path)} would unpack to ${Math.round(ratio)} times its size: refused as a zip bomb.`);
        return true;
      },
    });
  } catch (err) {
    throw new Error(`${basename(path)} is not a zip file that can be read (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (refusal) throw new Error(refusal);
  const texts = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [name, entry] of found) {
    const bytes = entries[entry];
    if (!bytes) continue;
    try {
      texts.set(name, decoder.decode(bytes));
    } catch {
      throw new Error(`${entry} in ${basename(path)} is not UTF-8 text.`);
    }
  }
  return texts;
}
