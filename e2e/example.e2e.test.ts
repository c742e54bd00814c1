import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createExampleServer } from '../examples/plain-html/server.ts';
import { launch, voteButtonFor, watchProblems } from './browser.ts';
import { TEST_DEV_SECRET } from './dev-secret.ts';

// examples/plain-html as the README runs it: its own server signs the token for its user.
describe('examples/plain-html', () => {
  let browser: Browser;
  const server = createExampleServer({
    bridgekitUrl: inject('baseUrl'),
    tenant: 'demo',
    secret: TEST_DEV_SECRET,
    kid: 'dev-1',
    person: { sub: `example|${Date.now()}`, name: 'Rosa Jiménez', bu: 'Marketing' },
  });
  beforeAll(async () => {
    browser = await launch();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await browser?.close();
    server.close();
  });

  it('shows the board signed in as the host page user, who can submit and back an idea', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
    const board = page.locator('bk-idea-board');
    await board.getByRole('button', { name: 'Share an idea' }).click();
    const title = `Marketing asset library ${Date.now()}`;
    await board.getByRole('textbox', { name: 'Title' }).fill(title);
    await board.getByRole('button', { name: 'Submit idea' }).click();
    await board.getByText('By Rosa Jiménez, Marketing').first().waitFor();
    // Its author backs a new idea (docs/ideas.md); pressing withdraws, pressing again backs it.
    const vote = voteButtonFor(page, title);
    await expect.poll(() => vote.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await vote.click();
    await expect.poll(() => vote.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('false');
    await vote.click();
    await expect.poll(() => vote.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(problems).toEqual([]);
    await page.close();
  });
});
