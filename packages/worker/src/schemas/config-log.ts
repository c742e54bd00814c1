/** The configuration log's answer and query (docs/audit-log.md). */
import { CONFIG_CHANGE_ACTIONS, type ConfigChange, type ConfigLogQuery, type ConfigValue } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { type Exact, expectType, requestTypeWithin } from './contract.ts';

const iso = () => z.string().openapi({ format: 'date-time' });

/*
 * A logged value nests at most `LOGGED_DEPTH` containers deep (store/config-log.ts cuts deeper
 * ones), so each level is its own named schema rather than one recursive schema: generated
 * clients get types they compile (see FieldValue in cards.ts for the same reason).
 */
const LOGGED_DEPTH = 4;
const SCALAR = [z.string(), z.number(), z.boolean(), z.null()] as const;
let valueAt: z.ZodType<ConfigValue, ConfigValue> = z.union(SCALAR).openapi(`ConfigValueLevel${LOGGED_DEPTH + 1}`, {
  description: 'A value nested as deep as the log keeps: a text, number, true/false or null.',
});
for (let level = LOGGED_DEPTH; level >= 1; level--) {
  const inner = valueAt;
  valueAt = z
    .union([...SCALAR, z.array(inner), z.record(z.string(), inner)])
    .openapi(level === 1 ? 'ConfigValue' : `ConfigValueLevel${level}`, {
      description:
        level === 1
          ? 'A value as the log keeps it: texts over 300 characters and lists over 20 items cut short, secrets as "[redacted]".'
          : `A value nested ${level - 1} deep in a logged value.`,
    });
}
const ConfigValueSchema = valueAt;

/** The fields a change set, by name (also in a person's export). */
export const ConfigChangesSchema = z
  .record(z.string(), z.object({ from: ConfigValueSchema.optional(), to: ConfigValueSchema.optional() }))
  .openapi({ description: 'The fields the change set, by name: `to`, and `from` where it replaced a value.' });

export const ConfigChangeSchema = z
  .object({
    id: z.string(),
    action: z.enum(CONFIG_CHANGE_ACTIONS),
    target: z
      .string()
      .openapi({ description: 'What changed: the origin, the id of a key or provider, a unit key, a board slug, a subject…' }),
    actor: z.object({ name: z.string(), subject: z.string() }),
    changes: ConfigChangesSchema,
    requestId: z.string().nullable().openapi({ description: "The request's `x-request-id`, to find it in the Worker's logs." }),
    at: iso(),
  })
  .openapi('ConfigChange');
expectType<Exact<z.infer<typeof ConfigChangeSchema>, ConfigChange>>(true);

export const ConfigLogPageSchema = z
  .object({ items: z.array(ConfigChangeSchema), nextCursor: z.string().nullable() })
  .openapi('ConfigLogPage');

export const ConfigLogQuerySchema = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  action: z.enum(CONFIG_CHANGE_ACTIONS).optional(),
  target: z.string().min(1).max(300).optional(),
});
requestTypeWithin<ConfigLogQuery>()(ConfigLogQuerySchema, true);
