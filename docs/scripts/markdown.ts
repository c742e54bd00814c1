/**
 * Markdown helpers for the generated reference pages. VitePress compiles every page as a Vue
 * template, so text taken from code comments and schemas must not open an HTML tag or a `{{ }}`
 * interpolation outside code spans, and table cells must not break on `|` or line ends.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Text for a Markdown paragraph: code spans stay as they are, the rest is made inert. */
export function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replaceAll('<', '&lt;').replaceAll('{{', '&#123;&#123;')))
    .join('');
}

/** Text for a table cell: one line, pipes escaped (also inside code spans, as GFM tables need). */
export function cell(text: string | undefined): string {
  if (!text) return '';
  return prose(text.replace(/\s*\n\s*/g, ' ')).replaceAll('|', '\\|');
}

/** An inline code span that survives any content (backticks, pipes in tables). */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A page with a front-matter title; blocks are separated by blank lines. */
export function page(title: string, blocks: (string | false | undefined)[]): string {
  const body = blocks.filter((b): b is string => typeof b === 'string' && b !== '').join('\n\n');
  return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`;
}

/** Empties a generated directory, then writes its files (path relative to it → content). */
export async function writeTree(dir: string, files: Map<string, string>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [path, content] of files) {
    const file = `${dir}/${path}`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

export interface SidebarItem {
  text: string;
  link?: string;
  items?: SidebarItem[];
  collapsed?: boolean;
}

/**
 * A heading's id as GitHub makes it, so `page.md#some-heading` links work both when the docs
 * are browsed in the repository and on the site (VitePress uses this for its anchors too).
 */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replaceAll(' ', '-');
}
