/**
 * The dependencies' modules the production bundle trims, each with its trim: one list, which
 * the bundle (scripts/bundle.ts) and every Worker test project (test/worker-config.ts) apply,
 * so the tests run the code that is deployed.
 */
import { DRIZZLE_TRIMMED_MODULE, withoutUnusedDrizzle } from './drizzle-trim.ts';
import { HONO_MODULE, withTrieRouterOnly } from './hono-trim.ts';
import { MARKDOWN_IT_MODULE, withoutUnusedMarkdownIt } from './markdown-it-trim.ts';
import { withoutUnusedStringFormats, ZOD_CLASSIC_SCHEMAS } from './zod-string-formats.ts';
import { withoutObjectCompiler, withoutUnusedMethods } from './zod-unused-methods.ts';

export interface DependencyTrim {
  /** The modules' paths. */
  module: RegExp;
  trim(code: string, path: string): string;
}

export const DEPENDENCY_TRIMS: readonly DependencyTrim[] = [
  // markdown-it without the parts the Worker never runs.
  { module: MARKDOWN_IT_MODULE, trim: (code) => withoutUnusedMarkdownIt(code) },
  // zod's schemas without the string formats, methods and object compiler the Worker never uses.
  { module: ZOD_CLASSIC_SCHEMAS, trim: (code) => withoutObjectCompiler(withoutUnusedMethods(withoutUnusedStringFormats(code))) },
  // drizzle-orm without its relational queries and migrator.
  { module: DRIZZLE_TRIMMED_MODULE, trim: (code, path) => withoutUnusedDrizzle(code, path) },
  // hono with its trie router alone.
  { module: HONO_MODULE, trim: (code) => withTrieRouterOnly(code) },
];

/** `code` of the module at `path` as the bundle has it; undefined when no trim applies. */
export function trimmedDependency(code: string, path: string): string | undefined {
  const trim = DEPENDENCY_TRIMS.find((t) => t.module.test(path));
  return trim?.trim(code, path);
}
