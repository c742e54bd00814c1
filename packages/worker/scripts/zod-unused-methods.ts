/**
 * zod's schemas without the methods the Worker never calls. A schema class's methods live on its
 * prototype, so a bundler keeps every method and whatever each one names — `.and()` keeps the
 * intersection schema and its merging, `.catch()` the catch schema, `.pick()` the object masks…
 * — whichever the code calls. The production bundle (scripts/bundle.ts) and the Worker's tests
 * (test/worker-config.ts) read zod's classic schemas through `withoutUnusedMethods`: each method
 * below throws instead. Most are called as a module builds its schemas, so a schema that starts
 * using one fails every test at once.
 */

/** For each of zod's classic schema classes, the methods the Worker never calls. */
export const UNUSED_METHODS = {
  ZodType: [
    'with',
    'overwrite',
    'exactOptional',
    'nonoptional',
    'or',
    'and',
    'prefault',
    'catch',
    'pipe',
    'readonly',
    'isOptional',
    'isNullable',
    'validate',
    'validateAsync',
    'encode',
    'decode',
    'encodeAsync',
    'decodeAsync',
    'safeEncode',
    'safeDecode',
    'safeEncodeAsync',
    'safeDecodeAsync',
  ],
  _ZodString: ['includes', 'startsWith', 'endsWith', 'lowercase', 'uppercase', 'normalize', 'toUpperCase', 'slugify'],
  ZodNumber: ['multipleOf', 'step', 'safe'],
  ZodObject: ['keyof', 'catchall', 'passthrough', 'loose', 'strip', 'safeExtend', 'pick', 'omit', 'exactPartial', 'required'],
  ZodArray: ['unwrap'],
  ZodTuple: ['rest'],
} as const satisfies Record<string, readonly string[]>;

/**
 * A method of a class's prototype object, as zod's build writes it: `name(…) {`, `async name(…) {`
 * or `name: (async) function _name(…) {`, four spaces in, its body ending at the first `\n    },`.
 */
const methodOf = (name: string) => new RegExp(`\\n    (?:async )?${name}(?:: (?:async )?function \\w+)?\\([^)]*\\) \\{\\n[^]*?\\n    \\},`);

/** zod's classic schemas module with `UNUSED_METHODS` throwing; throws if zod's source changed. */
export function withoutUnusedMethods(source: string): string {
  let out = source;
  for (const [schema, methods] of Object.entries(UNUSED_METHODS)) {
    const start = out.indexOf(`\nexport const ${schema} = /*@__PURE__*/ core.$constructor("${schema}", `);
    const end = out.indexOf('\nexport ', start + 1);
    if (start < 0 || end < 0) throw new Error(`zod has no schema class ${schema} as expected: update scripts/zod-unused-methods.ts.`);
    let block = out.slice(start, end);
    for (const method of methods) {
      const match = methodOf(method).exec(block);
      if (!match) throw new Error(`zod's ${schema} has no method ${method} as expected: update scripts/zod-unused-methods.ts.`);
      block = block.replace(
        match[0],
        `\n    ${method}() {\n        throw new Error("The Worker's zod has no ${schema}.${method} (scripts/zod-unused-methods.ts).");\n    },`,
      );
    }
    out = `${out.slice(0, start)}${block}${out.slice(end)}`;
  }
  return out;
}

/**
 * zod's object schema without its compiler: `$ZodObjectJIT` compiles a parser per shape with
 * `new Function`, which workerd refuses — zod itself turns it off where `navigator.userAgent`
 * says Cloudflare, and parses as `$ZodObject` does — so the Worker's objects are `$ZodObject`s.
 */
export function withoutObjectCompiler(source: string): string {
  const jit = '\n    core.$ZodObjectJIT.init(inst, def);\n';
  if (source.split(jit).length !== 2)
    throw new Error("zod's ZodObject is not a $ZodObjectJIT as expected: update scripts/zod-unused-methods.ts.");
  return source.replace(jit, '\n    core.$ZodObject.init(inst, def);\n');
}
