/**
 * `pnpm bench --only markdown`: what hostile Markdown costs the Worker, as a ratio to a plain
 * paragraph of the same length on the same route, in the same run. Each family of
 * test/fixtures/adversarial-markdown.ts is posted as a comment of 1,000 and 10,000 characters
 * (the comment limit) and saved as a card field of `MARKDOWN_MAX_LENGTH` characters (the
 * largest a template allows); requests alternate plain/hostile, one at a time, so each
 * latency is the Worker's work on that body; medians are compared. Target: the worst family
 * at most 3× plain text.
 */
import { MARKDOWN_MAX_LENGTH } from '../src/markdown/parser.ts';
import { ADVERSARIAL_MARKDOWN, plainParagraph } from '../test/fixtures/adversarial-markdown.ts';
import { median } from './load.ts';

const TEMPLATE = 'bench-long-notes';
export const MARKDOWN_TARGET = 3;

interface Route {
  name: string;
  length: number;
  request: (body: string, i: number) => { path: string; payload: unknown };
}

const ROUTES: Route[] = [
  { name: 'comment 1K', length: 1_000, request: (body) => ({ path: '/threads/comments', payload: { key: 'bench-markdown-1k', body } }) },
  { name: 'comment 10K', length: 10_000, request: (body) => ({ path: '/threads/comments', payload: { key: 'bench-markdown-10k', body } }) },
  {
    name: `card field ${MARKDOWN_MAX_LENGTH / 1000}K`,
    length: MARKDOWN_MAX_LENGTH,
    request: (body, i) => ({ path: '/cards', payload: { templateId: TEMPLATE, title: `Bench notes ${i}`, fields: { notes: body } } }),
  },
];

async function timedPost(baseUrl: string, token: string, path: string, payload: unknown): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/v1/tenants/demo${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  await res.arrayBuffer();
  const elapsed = performance.now() - started;
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status}`);
  return elapsed;
}

/**
 * Measures every family on every route; returns the lines to print.
 * `samples` requests of each body, alternating with as many of the plain paragraph.
 */
export async function measureMarkdownCost(baseUrl: string, adminToken: string, tokens: string[], samples: number): Promise<string[]> {
  const template = await fetch(`${baseUrl}/v1/tenants/demo/templates/${TEMPLATE}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      id: TEMPLATE,
      name: 'Bench notes',
      fields: [{ key: 'notes', label: 'Notes', type: 'richtext', required: true, maxLength: MARKDOWN_MAX_LENGTH }],
    }),
  });
  if (!template.ok) throw new Error(`PUT template: ${template.status} ${await template.text()}`);

  let n = 0;
  // A different author and text each time, so the repeat-post check never refuses one.
  const post = (route: Route, source: string) => {
    const i = n++;
    const body = `${i} ${source}`.slice(0, route.length);
    const { path, payload } = route.request(body, i);
    return timedPost(baseUrl, tokens[i % tokens.length] as string, path, payload);
  };

  const lines = [`  ${'family'.padEnd(34)}${ROUTES.map((r) => r.name.padStart(15)).join('')}`];
  const worst = ROUTES.map(() => ({ ratio: 0, family: '' }));
  const plainMs = ROUTES.map(() => [] as number[]);
  for (const [family, build] of Object.entries(ADVERSARIAL_MARKDOWN)) {
    const cells: string[] = [];
    for (const [r, route] of ROUTES.entries()) {
      const plain = plainParagraph(route.length);
      const hostile = build(route.length);
      await post(route, plain); // warm
      await post(route, hostile);
      const ours: number[] = [];
      const base: number[] = [];
      for (let s = 0; s < samples; s++) {
        base.push(await post(route, plain));
        ours.push(await post(route, hostile));
      }
      plainMs[r]?.push(...base);
      const ratio = median(ours) / median(base);
      const w = worst[r] as { ratio: number; family: string };
      if (ratio > w.ratio) Object.assign(w, { ratio, family });
      cells.push(`${ratio.toFixed(2)}×`.padStart(15));
    }
    lines.push(`  ${family.padEnd(34)}${cells.join('')}`);
  }
  lines.push(`  ${'plain paragraph (median ms)'.padEnd(34)}${plainMs.map((ms) => median(ms).toFixed(1).padStart(15)).join('')}`);
  for (const [r, route] of ROUTES.entries()) {
    const w = worst[r] as { ratio: number; family: string };
    const verdict = w.ratio <= MARKDOWN_TARGET ? 'within' : 'OVER';
    lines.push(`  worst on ${route.name}: ${w.family} ${w.ratio.toFixed(2)}× plain — ${verdict} the ${MARKDOWN_TARGET}× target`);
  }
  return lines;
}
