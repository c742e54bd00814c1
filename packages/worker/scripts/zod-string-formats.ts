/**
 * zod's strings without the formats the Worker never checks. `ZodString`'s methods (`.uuid()`,
 * `.ipv6()`, `.jwt()`…) each name a schema class of their own, so a bundler keeps every format's
 * class, check and regular expression (~2 KB gzip) whichever the code calls. The production
 * bundle (scripts/bundle.ts) and the Worker's tests (test/worker-config.ts) read zod's classic
 * schemas through `withoutUnusedStringFormats`: each method below throws instead. Calls run
 * when a module builds its schemas, so a schema that starts using one fails every test at once.
 */

/** zod's classic schemas module, as the bundle and Vite resolve it. */
export const ZOD_CLASSIC_SCHEMAS = /[\\/]zod[\\/]v4[\\/]classic[\\/]schemas\.js$/;

/** The formats `.email()`, `.url()`, `.datetime()` and `.date()` are not: those the Worker checks. */
export const UNUSED_STRING_FORMATS = [
  'jwt',
  'emoji',
  'guid',
  'uuid',
  'uuidv4',
  'uuidv6',
  'uuidv7',
  'nanoid',
  'cuid',
  'cuid2',
  'ulid',
  'base64',
  'base64url',
  'xid',
  'ksuid',
  'ipv4',
  'ipv6',
  'cidrv4',
  'cidrv6',
  'e164',
  'time',
  'duration',
] as const;

/** zod's classic schemas module with `UNUSED_STRING_FORMATS` throwing; throws if zod's source changed. */
export function withoutUnusedStringFormats(source: string): string {
  let out = source;
  for (const format of UNUSED_STRING_FORMATS) {
    const method = new RegExp(
      `\\n    ${format}\\(params\\) \\{\\n        return this\\.check\\(core\\._\\w+\\(Zod\\w+, params\\)\\);\\n    \\},`,
    );
    if (!method.test(out)) throw new Error(`zod's ZodString has no method ${format} as expected: update scripts/zod-string-formats.ts.`);
    out = out.replace(
      method,
      `\n    ${format}() {\n        throw new Error("The Worker's zod has no string format ${format} (scripts/zod-string-formats.ts).");\n    },`,
    );
  }
  return out;
}
