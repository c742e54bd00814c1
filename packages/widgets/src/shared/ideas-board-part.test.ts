import { describe, expect, it } from 'vitest';
import { apiBase, clientAs } from '../../test/support.ts';
import { memberClient, usePart } from './client.ts';
import { boardPart } from './ideas-board-part.ts';

const BOARD = 'general';
const IDEA = 'demo-idea-replenishment';

usePart(boardPart);

describe('the idea board part', () => {
  it('makes the first screen calls and loads the whole ideas part for any other call of boards and ideas', async () => {
    const client = memberClient({ baseUrl: apiBase(), tenant: 'demo' });
    const reference = clientAs(null);
    // The first screen's calls, from the board part.
    expect((await client.boards.get(BOARD)).slug).toBe(BOARD);
    expect((await client.ideas.get(IDEA)).id).toBe(IDEA);
    expect((await client.ideas.list({ board: BOARD, limit: 2 })).items).toHaveLength(2);
    // Calls it does not carry answer as the whole part does.
    expect((await client.boards.list()).map((b) => b.slug)).toEqual((await reference.boards.list()).map((b) => b.slug));
    expect((await client.ideas.view(IDEA)).idea.id).toBe(IDEA);
    expect(await client.ideas.statusHistory(IDEA)).toEqual(await reference.ideas.statusHistory(IDEA));
    // `units` is not in the board part: it loads the whole part the usual way.
    expect(Array.isArray(await client.units.list())).toBe(true);
  });
});
