import { describe, expect, it } from 'vitest';
import { BUDGETS, gzipSize, WORKER_BUNDLE, widgetSizes } from './budgets.ts';

describe('size budgets (gzip, from `pnpm build`)', () => {
  const sizes = widgetSizes();

  it(`keeps the script-tag loader within ${BUDGETS.loader} bytes`, () => {
    expect(sizes['embed.js']).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it(`keeps loader + Lit + idea widgets + SDK within ${BUDGETS.ideaWidgets} bytes`, () => {
    const chunks = Object.keys(sizes).filter((f) => f.startsWith('widgets/'));
    expect(chunks.some((f) => f.includes('bk-idea-board-'))).toBe(true);
    expect(chunks.some((f) => f.includes('bk-idea-vote-'))).toBe(true);
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(BUDGETS.ideaWidgets);
  });

  it(`keeps the Worker bundle within ${BUDGETS.worker} bytes`, () => {
    expect(gzipSize(WORKER_BUNDLE)).toBeLessThanOrEqual(BUDGETS.worker);
  });
});
