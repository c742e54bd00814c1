import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../packages/widgets/src/registry.ts';
import { BUDGETS, CDN_DIR, everyWidgetWeight, gzipSize, pageWeight, WORKER_BUNDLE, widgetSizes } from './budgets.ts';

describe('size budgets (gzip, from `pnpm build`)', () => {
  it(`keeps the script-tag loader within ${BUDGETS.loader} bytes`, () => {
    expect(widgetSizes()['embed.js']).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it(`keeps loader + Lit + idea board + SDK within ${BUDGETS.ideaBoard} bytes`, () => {
    expect(pageWeight('bk-idea-board')).toBeLessThanOrEqual(BUDGETS.ideaBoard);
    // The inline vote control alone is lighter still.
    expect(pageWeight('bk-idea-vote')).toBeLessThan(pageWeight('bk-idea-board'));
  });

  it(`keeps the triage page within ${BUDGETS.ideaTriage} bytes`, () => {
    expect(pageWeight('bk-idea-triage')).toBeLessThanOrEqual(BUDGETS.ideaTriage);
  });

  it(`keeps a page with a thread within ${BUDGETS.thread} bytes, and one with the moderation queue within ${BUDGETS.moderation}`, () => {
    expect(pageWeight('bk-thread')).toBeLessThanOrEqual(BUDGETS.thread);
    expect(pageWeight('bk-moderation')).toBeLessThanOrEqual(BUDGETS.moderation);
  });

  it(`keeps comment counts for a list of links within ${BUDGETS.commentCount} bytes, lighter than a thread`, () => {
    expect(pageWeight('bk-comment-count')).toBeLessThanOrEqual(BUDGETS.commentCount);
    expect(pageWeight('bk-comment-count')).toBeLessThan(pageWeight('bk-thread'));
  });

  it(`keeps an inline practice card within ${BUDGETS.practiceCard} bytes, and the practice library within ${BUDGETS.practiceLibrary}`, () => {
    expect(pageWeight('bk-practice-card')).toBeLessThanOrEqual(BUDGETS.practiceCard);
    expect(pageWeight('bk-practice-library')).toBeLessThanOrEqual(BUDGETS.practiceLibrary);
  });

  it(`keeps a page with every widget within ${BUDGETS.everyWidget} bytes`, () => {
    const every = everyWidgetWeight();
    expect(every).toBeLessThanOrEqual(BUDGETS.everyWidget);
    // Shared chunks count once: more than the heaviest page, less than all pages added up.
    const pages = WIDGETS.map((w) => pageWeight(w.tag));
    expect(every).toBeGreaterThan(Math.max(...pages));
    expect(every).toBeLessThan(pages.reduce((sum, page) => sum + page, 0));
  });

  it(`keeps the iframe page's own script within ${BUDGETS.frameScript} bytes and the host's resizer within ${BUDGETS.resizer}`, () => {
    expect(gzipSize(join(CDN_DIR, 'frame/frame.js'))).toBeLessThanOrEqual(BUDGETS.frameScript);
    expect(gzipSize(join(CDN_DIR, 'embed-resizer.js'))).toBeLessThanOrEqual(BUDGETS.resizer);
  });

  it(`keeps the Worker bundle within ${BUDGETS.worker} bytes`, () => {
    expect(gzipSize(WORKER_BUNDLE)).toBeLessThanOrEqual(BUDGETS.worker);
  });
});
