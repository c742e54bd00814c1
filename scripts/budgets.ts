/**
 * Size budgets: stable numbers (gzip bytes of built files), checked by `pnpm test` and printed
 * by `pnpm bench`. They fail on growth, never on a slow machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /**
   * The script-tag loader. 3 KB until issue 18, which lowered it to what it measured (1.31 KB; the issue's target is 1.5 KB).
   * 1.375 KB until it preloaded an element's large chunks beside its entry (`<link rel="modulepreload">`; the
   * widgets build's PRELOAD_MIN_BYTES: the core chunk), measured at 1.38 KB, with chunk names as bare hashes.
   * 1.4375 KB until it preloaded every shared chunk an element's entry imports, not only the core (the
   * thread's five small ones were fetched only once its entry had been parsed): measured at 1.49 KB, with
   * each shared chunk's hash once and one character per use, and the chunks' hashes cut to 6 characters
   * (the widgets build's loaderChunks and HASH_LENGTH); 1.55 KB with 8.
   */
  loader: 1.5 * 1024,
  /**
   * Loader + Lit + the idea board (with its vote controls) + SDK: what a page with a board loads.
   * 25 KB until issue 14 (the community loop): +0.13 KB for titles that open an idea in place
   * (the idea's view and the deep-link code load after the first page, by `import()`); the rest
   * is shared by every page — the SDK's new calls, the form's texts, and esbuild splitting the
   * shared chunk once lazily loaded parts share Lit. Issue 18 takes pages down (board ≤ 18 KB).
   * 26 KB until issue 15: +0.3 KB shared — the SDK's new namespaces every page's client carries (people, notifications, subscriptions, privacy; the admin client's webhooks and archive — issue 18 splits the admin client off widget pages) and the shared link rendering of @mentions and item links (its deep-link part loads by `import()`) — and +0.25 KB for the board's follow
   * control (`<bk-follow>` itself loads by `import()` for signed-in people) and its shared in-place loader.
   * 26.75 KB until an erased person's name came in the reader's language: +0.07 KB, on every page
   * (the element base's `personName()`, `shownName()`, the SDK's `REMOVED_PERSON_NAME` and the text).
   * +0.5 KB in issue 16 (business units, health rounds, card visibility, prioritisation): the SDK's new calls every page's client carries (units, health, a deflection's need-met, the admin client's units and CIO grants); issue 18 splits the client. The board adds nothing of its own.
   * +0.75 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.375 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()); a failed vote's message under its row, and a failed "Show more" shown by its button. */
  /** +0.75 KB in issue 17 (votes): the budget board's one stepper with its visible reason at the cap and the budget it follows, the backed state, the grid that puts the stepper under the title on phones, the visible confirmation line, and their texts (the form's Back button loads with the form, by import()). */
  /** +0.5 KB in issue 18: offline send-once in every vote control (its pending state and announcement; the queue itself loads by import() when a send fails), and the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 29.75 KB until issue 18's lighter pages (from 29.72 KB measured): the SDK's calls load by part (the board's chunk holds the ideas part; every other part loads on its first call), the core catalog keeps only what every element shares (ideas' texts are the `ideas` catalog, triage's and the form's their own), and a typed link no longer brings the server-HTML directive. Measured at 26.21 KB; issue 18's 18 KB needs the board and its vote control themselves lighter (Lit alone is 5.9 KB). */
  /** 26.25 KB until issue 18's second step (measured at 24.32 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page and the form's two events by name on the board (their classes load with the form). */
  /** 24.5 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 23.77 KB, 24.38 before; the board 4.58 KB with its copies, its vote control 3.17, the core 10.55, the loader 1.39, shared styles 1.34, ideas texts 1.15, the SDK ideas part 0.82, the paged list 0.77: 8 files, 15 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** 23.875 KB until the board and its vote controls provide the SDK's `ideasBoardPart` (boards.get, ideas.list/get/vote/unvote; widgets/src/shared/ideas-board-part.ts), not the whole ideas part, which loads on the first other call: measured at 23.36 KB (23.77 before). */
  /** 23.5 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 23.08 KB in 6 files (23.36 before). */
  /**
   * 23.125 KB until the board's page was weighed module by module (issue 18): measured at 21.88 KB in 6 files, 23.08 before.
   * −0.19 KB the headings of health, insights and value plans out of the core catalog (every page); −0.13 the indents of
   * html literals dropped by the widgets build (scripts/minify-html.ts); −0.19 a vote's sending (its key, the offline
   * queue, what to say of the answer) loaded with the first vote, and −0.11 its texts with it; −0.14 vote-state.ts once on
   * the page, through the vote control; −0.04 what a failed call says worked out in error-texts.ts (every page); −0.18 a
   * budget board's stepper loaded with a budget board's data, and −0.10 its texts with it; −0.08 the roadmap's texts in
   * their own catalog. What is left: loader 1.38; the core chunk 10.33 (Lit 5.30; the element base 1.18, translator 0.97,
   * SDK transport 0.96, client 0.55, core texts 0.25…); the board's chunk 4.85 (its component 2.59, styles 0.91, paged
   * list 0.52, localize 0.18); the vote control's 3.11 (its component 1.72, styles 0.56, the SDK's board part 0.36); shared
   * styles 1.34; ideas texts 0.85. 18 KB needs 3.9 KB more than lazy loading gives: a row vote drawn by the board itself
   * (no element, styles and part per row), or a lighter base than Lit. Copying the vote control into the board's chunk saves
   * 0.78 KB there but loads it twice on /demo/ (a featured idea's vote beside the board) and +4.45 KB for every widget: not done.
   */
  ideaBoard: 22 * 1024,
  /** Loader + everything the triage page loads. */
  /** 32 KB until issue 18's lighter pages (from 29.60 KB measured): the SDK by parts and the split core catalog (see the board's budget). */
  /** 28.875 KB until issue 18's second step (measured at 27.16 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 27.25 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 26.63 KB, 27.23 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** 26.75 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 26.53 KB. */
  ideaTriage: 26.625 * 1024,
  /**
   * Loader + Lit + a discussion thread (composer, live updates, mentions) + SDK. 32 KB until issue
   * 14: +0.34 KB for each comment's "Copy link", "Make it a practice" and "Became a practice"
   * (the links, the practices and the dialog load by `import()` when wanted), the rest from
   * shared growth the board's budget describes. 33 KB until issue 15: the shared growth the board's
   * budget describes, the thread's follow control, and following `#bk-comment=` links after load.
   * +0.08 KB: an erased person's name in the reader's language (see the board's budget).
   * +0.625 KB in issue 16 (business units, health rounds, card visibility, prioritisation): the SDK's new calls every page's client carries (units, health, a deflection's need-met, the admin client's units and CIO grants); issue 18 splits the client.
   * +0.75 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.375 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()); a failed "Show more" shown by its button, and "Reconnecting…" when the live connection drops. */
  /**
   * +0.5 KB in issue 17 (threads without clutter, #15 of the walkthrough): initials avatars (the
   * shared helper and its colours), inline reaction icons instead of emoji, "Add reaction" and the
   * "…" menu button on each comment, the visible confirmation line and the touch-aware send hint.
   * The menu, the picker, the delete and report panels and their texts (−0.29 KB moved out of the
   * threads catalog, which `<bk-comment-count>` sheds too) load by `import()` on first use.
   */
  /**
   * +0.5 KB in issue 17 (the composer's Preview tab): the Write / Preview tablist with its
   * keyboard path, styles and texts in every composer; the preview itself (the server's
   * rendering, its element and styles) loads by `import()` when the tab is first opened. Every
   * page shed about 0.55 KB at the same time: widgets build the member client (`createMemberClient`),
   * without the admin client's code.
   */
  /** +0.625 KB in issue 18: offline send-once in the composer (its pending state and announcement; the queue loads by import() when a send fails), comments far off screen skipping layout (content-visibility), and the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 37.25 KB until issue 18's lighter pages (from 37.20 KB measured): the SDK by parts (the thread part up front) and the split core catalog (see the board's budget); measured at 34.02 KB while issue 18's lighter comment rendering was in progress. */
  /** +0.125 KB in issue 18 (measured 34.05 → 34.35 KB): live updates that lose nothing (a re-read that a live change overtook is read again; the catch-up cursor on the server's clock) and the Edit and Reply boxes keyed by kind (Lit's `keyed`), so a reply's draft never becomes an edit. */
  /** 34.25 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 32.01 KB, 34.12 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** 32.125 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 31.67 KB. */
  /** +0.375 KB with the thread's live-update fixes and keyed Edit/Reply boxes (see above) merged beside the inlined chunks: measured at 31.99 KB. */
  thread: 32.125 * 1024,
  /**
   * Loader + the moderation queue. 26 KB until the queue took the shared paged-list controller
   * (retry, abort on change): +0.4 KB on this page after minifying the style sheets took 0.8 KB back;
   * +1 KB in issue 14, all of it the shared growth the board's budget describes; +0.35 KB in
   * issue 15, the same (the queue renders comments, so it takes the mention and item-link rendering).
   * +0.09 KB: an erased person's name in the reader's language (see the board's budget).
   * +0.625 KB in issue 16: the shared growth the board's budget describes, and the card visibility
   * texts of held cards.
   * +0.75 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.25 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()); a failed "Show more" shown by its button. */
  /**
   * +0.25 KB in issue 17 (walkthrough #3 and "Also seen"): the decision's visible confirmation,
   * "Keep (dismiss flags)", the thread name linking to the comment (the deep-link code loads by
   * `import()` after the first paint) and the shortcuts button hidden on touch screens.
   */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 30.125 KB until issue 18's lighter pages (from 30.02 KB measured): the SDK by parts (the thread part up front) and the split core catalog (see the board's budget). */
  /** 26.25 KB until issue 18's second step (measured at 24.54 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** +0.125 KB with the thread's lighter rendering (issue 18): server HTML is prepared in one home, `linkedHtml` in shared/user-links.ts, which this page shares with the thread. */
  /** 24.75 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 24.52 KB, 24.72 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** 24.625 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 24.29 KB. */
  moderation: 24.375 * 1024,
  /**
   * Loader + comment counts for a list of links: what a news index page pays. 18 KB until issue 14,
   * whose shared growth (see the board's budget) it carries without adding anything of its own;
   * 19.25 KB until issue 15, the same again (+0.28 KB). +0.06 KB: an erased person's name in the
   * reader's language, shared by every page (see the board's budget).
   * +0.375 KB in issue 16 (business units, health rounds, card visibility, prioritisation): the SDK's new calls every page's client carries (units, health, a deflection's need-met, the admin client's units and CIO grants); issue 18 splits the client.
   * +0.875 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** 21.125 KB until issue 18's lighter pages (from 20.95 KB measured): the SDK by parts (only the thread part), the split core catalog (see the board's budget), and its two texts in a catalog of their own instead of all of a thread's. */
  /** 16.5 KB until issue 18's second step (measured at 14.70 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 14.875 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 14.42 KB, 14.77 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  commentCount: 14.5 * 1024,
  /**
   * Loader + an inline practice card (read-only fields, "this helped me"). 28 KB until issue 14:
   * +0.34 KB for "Copy link" and "Propose an idea" (the war story, outcomes, links and the form
   * load by `import()` when wanted), the rest the shared growth the board's budget describes.
   * 28.75 KB until issue 15: its follow control and the shared growth the board's budget describes.
   * +0.09 KB: an erased person's name in the reader's language (see the board's budget; its owner and person fields).
   * +0.5 KB in issue 16 (business units, health rounds, card visibility, prioritisation): the SDK's new calls every page's client carries (units, health, a deflection's need-met, the admin client's units and CIO grants); issue 18 splits the client. Its own: the visibility badge (+0.07 KB).
   * +0.75 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.125 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()). */
  /** +0.25 KB in issue 17 (walkthrough #7, "Also seen"): tables as label and value blocks on a phone (a container query), amounts kept on one line, zero counts left out. */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 31.375 KB until issue 18's lighter pages (from 31.30 KB measured): the SDK by parts (the cards part up front) and the split core catalog (see the board's budget). */
  /** 27.375 KB until issue 18's second step (measured at 25.44 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** +0.125 KB with the thread's lighter rendering (issue 18): server HTML is prepared in one home, `linkedHtml` in shared/user-links.ts, which this page shares with the thread. */
  /** 25.625 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 25.15 KB, 25.62 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** 25.25 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 25.02 KB. */
  practiceCard: 25.125 * 1024,
  /** Loader + the practice library's first screen (search and list; the form, history and queue load when opened). */
  /**
   * 36 KB until issue 15: the shared growth the board's budget describes. +0.1 KB: an erased
   * person's name in the reader's language (see the board's budget; owners, versions, areas).
   * +0.625 KB in issue 16 (business units, health rounds, card visibility, prioritisation): the SDK's new calls every page's client carries (units, health, a deflection's need-met, the admin client's units and CIO grants); issue 18 splits the client. Its own: the visibility badge in the list.
   * +0.75 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.25 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()); a failed "Show more" shown by its button. */
  /**
   * +0.375 KB in issue 17 (walkthrough #3, #6, #7): the visible confirmation above the card (saved,
   * verified, marked reviewed with a save), the owner and link labels without "handle" and "id", and
   * the phone tables of the practice card; the pickers, the form's contents and sticky bar, and the
   * "More" menu load with the form and the detail.
   */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 38.75 KB until issue 18's lighter pages (from 38.63 KB measured): the SDK by parts (the cards part up front) and the split core catalog (see the board's budget). */
  /** 34.625 KB until issue 18's second step (measured at 33.34 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 33.5 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 32.44 KB, 33.23 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** 32.5 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 31.59 KB. */
  practiceLibrary: 31.625 * 1024,
  /**
   * Loader + one search (28.4 KB when it came): its own texts, and the cards' catalog for the
   * practice areas' and freshness labels (3.6 KB of it). +0.75 KB in issue 16: the shared growth
   * the board's budget describes, and the visibility of the cards it lists. +0.125 KB: the viewer read (`shared/viewer.ts`) became its own chunk, so that `<bk-health>` asks who reads before asking for what only a unit's team reads, without loading the deep-link code.
   * +0.75 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client; and unit cards found by the unit's team.
   */
  /** +0.125 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()). */
  /** +0.125 KB in issue 17, measured after integration: the SDK's calls every page's client carries (the admin client's configuration log, moderators' list of restricted people) and the element base's failure states beyond the first estimate. */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 31.5 KB until issue 18's lighter pages (from 31.38 KB measured): the SDK by parts (the discovery part up front) and the split core catalog (see the board's budget). */
  /** 26.875 KB until issue 18's second step (measured at 25.23 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 25.375 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 24.38 KB, 25.30 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  search: 24.5 * 1024,
  /** Loader + related content (21.3 KB when it came): `<bk-idea>`, a card and a thread load it too. */
  /** 22.5 KB until issue 15: the shared growth the board's budget describes and the shared kind-list styles. */
  /**
   * +0.375 KB in issue 16: the shared growth the board's budget describes (it adds nothing of its own).
   * +0.125 KB: the viewer read (`shared/viewer.ts`) became its own chunk, so that `<bk-health>` asks who reads before asking for what only a unit's team reads, without loading the deep-link code.
   * +0.875 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.125 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()). */
  /** +0.125 KB in issue 17, measured after integration: the SDK's calls every page's client carries (the admin client's configuration log, moderators' list of restricted people) and the element base's failure states beyond the first estimate. */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 25 KB until issue 18's lighter pages (from 24.89 KB measured): the SDK by parts (the discovery part up front) and the split core catalog (see the board's budget). */
  /** 20.375 KB until issue 18's second step (measured at 18.58 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 18.75 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 17.99 KB, 18.65 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  related: 18.125 * 1024,
  /**
   * Loader + an idea's own view (27.8 KB when it came): the view, its texts, its vote control
   * and the deep-link code; its discussion and related content load after it, by `import()`.
   * +0.8 KB for "Edited", "Recorded by", the score note and the texts of Edit, Withdraw and Merge
   * (their code and forms load by `import()` for those who may change the idea).
   * 29.3 KB until issue 15: its follow control and the shared growth the board's budget describes.
   * +0.875 KB in issue 16: the sponsoring and impacted units, support by unit with the provider
   * side apart, a deferral's revisit date, the need-met answer (its buttons load by `import()` for
   * the requester), and the shared growth the board's budget describes. +0.125 KB: the viewer read (`shared/viewer.ts`) became its own chunk, so that `<bk-health>` asks who reads before asking for what only a unit's team reads, without loading the deep-link code.
   * +1.625 KB in issue 16's second slice: the idea's sponsor, demand class, objectives, intake steps and business case, and the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.125 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()). */
  /** +0.5 KB in issue 17, measured after integration: the vote control it embeds (the backed state, the budget stepper with its reason at the cap, the fixed-width count), and the SDK's calls every page's client carries (the admin client's configuration log, moderators' list of restricted people) and the element base's failure states beyond the first estimate. */
  /** +0.5 KB in issue 18: offline send-once in its vote and its discussion's composer, and the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 34 KB until issue 18's lighter pages (from 33.95 KB measured): the SDK by parts (the ideas part up front) and the split core catalog (see the board's budget); it registers the idea form's catalog for the business case's labels. */
  /** 32.75 KB until issue 18's second step (measured at 30.78 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** +0.125 KB with the thread's lighter rendering (issue 18): server HTML is prepared in one home, `linkedHtml` in shared/user-links.ts, which this page shares with the thread. */
  /** 31 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 30.39 KB, 30.96 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** +0.5 KB when the board and its vote controls provide the SDK's `ideasBoardPart` (boards.get, ideas.list/get/vote/unvote; widgets/src/shared/ideas-board-part.ts), not the whole ideas part, which loads on the first other call: the idea's vote control carries the board part and its load of the whole one beside the whole part the idea's view provides (measured at 30.87 KB, 30.39 before; 31 KB was its budget until the widgets build copied tiny chunks). */
  /** 31 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 30.72 KB. */
  idea: 30.75 * 1024,
  /**
   * Loader + a person's own view (22.9 KB when it came): the view, its texts and the deep-link
   * code its links and the address (`#bk-person=`, where @mentions lead) take.
   */
  /**
   * +0.125 KB in issue 16: the shared growth the board's budget describes (it adds nothing of its own).
   * +0.125 KB: the viewer read (`shared/viewer.ts`) became its own chunk, so that `<bk-health>` asks who reads before asking for what only a unit's team reads, without loading the deep-link code.
   * +0.875 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.125 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()). */
  /** +0.125 KB in issue 17, measured after integration: the SDK's calls every page's client carries (the admin client's configuration log, moderators' list of restricted people) and the element base's failure states beyond the first estimate. */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 25 KB until issue 18's lighter pages (from 24.90 KB measured): the SDK by parts (the discovery part up front) and the split core catalog (see the board's budget). */
  /** 20.375 KB until issue 18's second step (measured at 18.59 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 18.75 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 18.12 KB, 18.66 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  person: 18.25 * 1024,
  /**
   * Loader + any other element (vote button, idea form, roadmap, a new widget): Lit, the SDK and the element.
   * 22 KB until issue 14: +0.25 KB for the form's "on behalf of a business leader" (its fields load by `import()`);
   * 22.25 KB until issue 15: the shared growth the board's budget describes (idea form: 22.7 KB).
   * +0.125 KB in issue 16's second slice: the inbox's health-round invitations (`<bk-inbox>` 23.02 KB) and the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.125 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()). */
  /** +0.125 KB in issue 17, measured after integration (`<bk-inbox>` 23.32 KB): the SDK's calls every page's client carries (the admin client's configuration log, moderators' list of restricted people) and the element base's failure states beyond the first estimate. */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 23.5 KB until issue 18's lighter pages (from 23.42 KB measured): the SDK by parts and the split core catalog (see the board's budget): vote button 20.45 KB, roadmap 19.45, inbox 18.95, follow 16.76. */
  /** 20.5 KB until issue 18's second step (measured at 18.72 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page; vote button 18.72 KB, roadmap 17.75, inbox 17.25, follow 15.05. */
  /** 18.875 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 18.54 KB, 18.78 before; vote button 18.54 KB, roadmap 17.38, inbox 17.19, follow 15.00; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** 18.625 KB until the board and its vote controls provide the SDK's `ideasBoardPart` (boards.get, ideas.list/get/vote/unvote; widgets/src/shared/ideas-board-part.ts), not the whole ideas part, which loads on the first other call: vote button 18.13 KB (18.54 before), roadmap 17.44 (+0.06: the whole part takes the board's calls from their own file). */
  element: 18.25 * 1024,
  /**
   * Loader + the idea form (24.3 KB in issue 16; it shared `element`'s 23 KB until then): the
   * sponsoring unit's select and the impacted units' checkboxes, with the units they list.
   * +0.625 KB in issue 16's second slice: the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   * +0.25 KB in issue 16 (the intake's sorting, walkthrough #4): a field's error clearing as it becomes valid, the server's errors at the sponsor, class and objectives, and loading the sorting part (demand class, the unit's objectives, the sponsor and their texts, 2 KB) by `import()` after the first paint.
   */
  /** +0.125 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()). */
  /** +0.5 KB in issue 17, measured after integration: the duplicate suggestions as links with their status and a Back button (the vote control itself loads by `import()` when a suggestion shows), the visible confirmation, and the SDK's calls every page's client carries (the admin client's configuration log, moderators' list of restricted people) and the element base's failure states beyond the first estimate. */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 25.625 KB until issue 18's lighter pages (from 25.51 KB measured): the SDK by parts (the ideas part up front) and the split core catalog (see the board's budget). */
  /** 24.125 KB until issue 18's second step (measured at 22.34 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 22.5 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 22.10 KB, 22.40 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  /** +0.125 KB when the board and its vote controls provide the SDK's `ideasBoardPart` (boards.get, ideas.list/get/vote/unvote; widgets/src/shared/ideas-board-part.ts), not the whole ideas part, which loads on the first other call: the whole part takes the board's calls from their own file, a copy of its own (measured at 22.15 KB, 22.10 before). */
  /** 22.25 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 22.00 KB. */
  ideaForm: 22.125 * 1024,
  /**
   * Loader + a unit's health round (23.4 KB when it came; results and trend load by `import()` for
   * the unit's team): +0.3 KB to read the viewer first (see the search's budget).
   * +1 KB in issue 16's second slice: opening the round an invitation names from the page address (`#bk-health=<round>`), and the SDK's new calls every page's client carries (a unit's objectives, an idea's intake and sponsor, value plans, the cockpit's insights, the admin client's person unit); issue 18 splits the client.
   */
  /** +0.125 KB in issue 17 (failure states): the element base's renderFailure and the not-set-up warning every page carries (the banner, back-off and retry load with the error texts, by import()). */
  /** +0.25 KB in issue 17, measured after integration: the SDK's calls every page's client carries (the admin client's configuration log, moderators' list of restricted people) and the element base's failure states beyond the first estimate, and the round's failure state. */
  /** 24.625 KB until issue 18's lighter pages (from 24.60 KB measured): the SDK by parts (the health part up front) and the split core catalog (see the board's budget). */
  /** 20.125 KB until issue 18's second step (measured at 18.39 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 18.5 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 18.10 KB, 18.46 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  health: 18.125 * 1024,
  /**
   * Loader + the cockpit before it shows figures (23.75 KB when it came): its states, period
   * filters (months, quarters) and their texts. The figures' view, charts, texts and German load by
   * `import()` only for readers who see figures; the CSV export on its first click.
   */
  /** +0.125 KB in issue 17, measured after integration: the SDK's calls every page's client carries (the admin client's configuration log, moderators' list of restricted people) and the element base's failure states beyond the first estimate. */
  /** 24.125 KB until issue 18's lighter pages (from 24.12 KB measured): the SDK by parts (the insights part up front) and the split core catalog (see the board's budget). */
  /** 19.625 KB until issue 18's second step (measured at 17.81 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 18 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 17.65 KB, 17.88 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  insights: 17.75 * 1024,
  /**
   * Loader + a value plan (23.6 KB when it came): the benefits table with a progress bar per
   * benefit, the totals per measure, and the two native forms of its editors (add a benefit,
   * record an actual) with their texts. The forms could load by `import()` for editors only.
   */
  /** +0.125 KB in issue 18: the SDK's Idempotency-Key on every write (issue 18) and the texts of the new error reasons (`unavailable.database`, the idempotency answers), on every page. */
  /** 24.125 KB until issue 18's lighter pages (from 24.10 KB measured): the SDK by parts (the value part up front) and the split core catalog (see the board's budget). */
  /** 20 KB until issue 18's second step (measured at 18.46 KB): the modules every element shares (Lit, the element base, the client's core, the translator) in one chunk instead of seven (the widgets build's CORE), and the SDK's values from their own entries (`@bridgekit/sdk/errors`, `/types`…), not the main one, which put every value any element uses on every page. */
  /** 18.625 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 17.70 KB, 18.53 before; one file fewer per tiny chunk, and gzip's per-file overhead with it. */
  valuePlan: 17.75 * 1024,
  /**
   * Loader + every element of the registry's first-load chunks, each once (`everyWidgetWeight()`):
   * a page with every widget. Measured at 129.47 KB when it came (issue 18; the target is
   * 30 KB), with the modules every element shares in one chunk (the widgets build's CORE).
   */
  /** +0.25 KB in issue 18 (measured 129.53 → 129.82 KB): the thread's live-update fixes and keyed composers (see the thread's budget). */
  /** +0.75 KB (129.60 -> 130.32 KB measured) when the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): a page with every widget loads those few hundred bytes once per importing chunk, where every page with one or two widgets is 0.1-2.1 KB lighter. */
  /** +0.5 KB (measured at 130.77 KB) when the board and its vote controls provide the SDK's `ideasBoardPart` (boards.get, ideas.list/get/vote/unvote; widgets/src/shared/ideas-board-part.ts), not the whole ideas part, which loads on the first other call: that part beside the whole one, and their copies. */
  /** +3.125 KB (measured at 133.94 KB) when the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): a page with every widget loads each copy, where every page with one widget is as heavy or lighter (the board's 0.28 KB, the library's 0.85) and /demo/'s first load too (33.13 KB in 13 files). */
  /** +0.5 KB with the thread's live-update fixes merged (measured at 134.27 KB). */
  /** 134.5 KB until the board's page was weighed module by module (see the board's budget): measured at 132.21 KB (the html literals' indents −1.25 KB, the core catalog −0.07, a vote's sending, the stepper and their texts by import()). */
  everyWidget: 132.375 * 1024,
  /** The iframe route's page script (`/frame/frame.js`: height, sign-in, token hand-off), on top of the widget's page weight. */
  /**
   * Bridgekit's script on `/demo/` before anyone scrolls (the loader, and the chunks of the elements
   * within 400 px of a 1350 × 940 window, with what they import after their data): e2e/demo.e2e.test.ts
   * counts the responses in Chromium. 47 KB in 19 files when issue 18 came; measured at 34.24 KB
   * in 21 files.
   */
  /** 34.5 KB until the widgets build copied the modules of shared chunks under 512 B gzip into the chunks importing them (its INLINE_MAX_BYTES): measured at 33.83 KB in 15 files. */
  /** 34.125 KB until the board and its vote controls provided the SDK's `ideasBoardPart`, not the whole ideas part (see the board's budget): measured at 33.41 KB in 14 files. */
  /** 33.75 KB until the widgets build's INLINE_MAX_BYTES went from 512 to 800 B (the paged list, the loop's texts, the library's control styles and the SDK's cards part copied into the chunks importing them): measured at 33.13 KB in 13 files. */
  /** 33.5 KB until the board's page was weighed module by module (see the board's budget): measured at 32.94 KB in 14 files; the 14th is the budget board's stepper (0.86 KB with its texts, by import() beside its data), which pages with a one-vote board no longer load. */
  demoFirstLoad: 33.125 * 1024,
  frameScript: 3 * 1024,
  /** `embed-resizer.js`, which a host page adds next to its Bridgekit iframes. */
  resizer: 1024,
  /**
   * The Worker bundle (production configuration). 300 KB until issue 14, whose routes (an idea's
   * view, edits and proxies, one search, related content, promoting a story) added 17 KB;
   * issue 18 takes it to 200 KB by weighing what each dependency costs. 320 KB until issue 15:
   * +34 KB for notifications and following, webhook and e-mail delivery (queue consumer, cron,
   * signing, Teams and Slack payloads, digests), the tenant archive's export and import, and a
   * person's export and erasure.
   * +20 KB in issue 16: business units (routes, claim matching, the CLI's archive tables), health rounds, card visibility and side locks, need-met and the OpenAPI schemas of all of them.
   * +24 KB in issue 16's second slice: objectives, intake decisions, value plans and actuals, the cockpit's rollups and reads, a person's unit, and the OpenAPI schemas of all of them.
   * −18 KB in issue 18's first step: no `keep_names` (wrangler.jsonc), measured at 378 KB.
   */
  /** +2 KB in issue 17 (measured at 381.3 KB): the configuration log (its table, the record written with every admin change, its route and schemas), moderators' list of restricted people, the admin console's origins (CORS for the operator's routes, the sign-in window's opener) and templates' singular row labels. */
  /** +1.75 KB in issue 17's console (measured at 383.5 KB): the list of embed keys, role candidates and names on grants, a template's dry-run check, the comment preview, the list of discussions, and their schemas. */
  /** −44.5 KB in issue 18: the Public Suffix List (`tldts`, 49 KB of it) is a static asset the Worker reads only for host wildcards (lib/public-suffixes.ts); measured at 338.9 KB with the session's other work. */
  /** −15.5 KB in issue 18's mends: markdown-it's HTML entity table (the `entities` package's) is a static asset read once per isolate (markdown/entities.ts); measured at 328.5 KB with the session's other work in progress. */
  /** −30 KB in issue 18's third part: no OpenAPI generator in the bundle (−8 KB; /v1/openapi.json is the document the build generated, a static asset: src/openapi/runtime.ts) and only the members of zod the Worker uses (−24 KB: `z` as one object kept all of zod's exports); measured at 298.7 KB with the session's other work in progress. */
  /** −46 KB in issue 18's fourth part: the build bundles the Worker itself (packages/worker/scripts/bundle.ts) without the OpenAPI-only text — schemas' `.openapi(…)`, routes' summaries, descriptions and responses, examples, and what only they kept (−40 KB) — nor zod's JSON Schema conversion (−5 KB); measured at 253.2 KB. */
  /** −7 KB in issue 18's fourth part: the reasons' English texts are a static asset the production Worker reads once per isolate (src/lib/reason-texts.ts); measured at 246.1 KB. */
  /** −3 KB: the schema modules' constants that spread another object (`...queueItemBase`) dropped when unused as well (scripts/openapi-text.ts); measured at 242.9 KB. */
  /** +0.75 KB in issue 18's fourth part: the thread page kept as bytes with the viewer's fields written over them, security headers as constants, verified tokens cached per isolate, the vote's statements built once per shape, the per-statement version bump (measured at 244.1 KB). */
  /** −14 KB in issue 18's fifth part: tokens verified with WebCrypto (src/auth/jwt.ts, jwks.ts) instead of jose (−6.9 KB), markdown-it without its HTML renderer and the rules the parser leaves off (scripts/markdown-it-trim.ts, −4.1 KB), zod's strings without the formats the Worker never checks (scripts/zod-string-formats.ts, −1.7 KB), drizzle without its Postgres dialect (−1.1 KB), three OpenAPI texts that stayed (−0.35 KB); measured at 230.1 KB. */
  /** +2.2 KB from the same part's other work: followers told by the sweep (notify/followers.ts), the comment post's and the cached reads' statements built once per shape (store/viewer-shape.ts, withVersions), the idempotency lease and takeover, the activity feed's `next`; measured at 232.25 KB. */
  /** −7.6 KB in issue 18's sixth part, each a dependency's part the Worker never runs, its tests running the same modules: zod without the schema methods it never calls (scripts/zod-unused-methods.ts, −1.6 KB), its object compiler (workerd refuses `new Function`; zod itself turns it off on Cloudflare, −1.1 KB) and `coerce`'s bigint and date (src/openapi/zod.ts, −0.5 KB); drizzle without relational queries and migrator (scripts/drizzle-trim.ts, −2.7 KB); hono with the trie router alone, the one its smart router settled on for the Worker's routes (scripts/hono-trim.ts, −1.7 KB); measured at 224.69 KB. */
  worker: 225.125 * 1024,
};

const root = fileURLToPath(new URL('..', import.meta.url));
export const CDN_DIR = join(root, 'packages/widgets/dist/cdn');
export const WORKER_BUNDLE = join(root, 'packages/worker/dist/bundle/index.js');

export const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** gzip size of embed.js and of each widget chunk, by file name. */
export function widgetSizes(): Record<string, number> {
  const sizes: Record<string, number> = { 'embed.js': gzipSize(join(CDN_DIR, 'embed.js')) };
  for (const file of readdirSync(join(CDN_DIR, 'widgets'))) {
    if (file.endsWith('.js')) sizes[`widgets/${file}`] = gzipSize(join(CDN_DIR, 'widgets', file));
  }
  return sizes;
}

/** What a page with `tag` on it loads before it shows the element: the loader and the element's chunks. */
export function pageWeight(tag: string): number {
  const manifest = JSON.parse(readFileSync(join(CDN_DIR, 'widgets.json'), 'utf8')) as Record<string, { chunks: string[] }>;
  const chunks = manifest[tag]?.chunks;
  if (!chunks) throw new Error(`No <${tag}> in the widget manifest`);
  return gzipSize(join(CDN_DIR, 'embed.js')) + chunks.reduce((sum, file) => sum + gzipSize(join(CDN_DIR, file)), 0);
}

/**
 * What a page with every element of the registry loads before it shows them: the loader and the
 * union of the elements' first-load chunks, each counted once (the chunks they share are fetched once).
 */
export function everyWidgetWeight(): number {
  const manifest = JSON.parse(readFileSync(join(CDN_DIR, 'widgets.json'), 'utf8')) as Record<string, { chunks: string[] }>;
  const chunks = new Set(Object.values(manifest).flatMap((m) => m.chunks));
  return gzipSize(join(CDN_DIR, 'embed.js')) + [...chunks].reduce((sum, file) => sum + gzipSize(join(CDN_DIR, file)), 0);
}

/** The page-weight budget of each element with one of its own; the others share `element`. */
const PAGE_BUDGETS: Record<string, number> = {
  'bk-idea-board': BUDGETS.ideaBoard,
  'bk-idea-triage': BUDGETS.ideaTriage,
  'bk-thread': BUDGETS.thread,
  'bk-moderation': BUDGETS.moderation,
  'bk-comment-count': BUDGETS.commentCount,
  'bk-practice-card': BUDGETS.practiceCard,
  'bk-practice-library': BUDGETS.practiceLibrary,
  'bk-search': BUDGETS.search,
  'bk-related': BUDGETS.related,
  'bk-idea': BUDGETS.idea,
  'bk-person': BUDGETS.person,
  'bk-idea-form': BUDGETS.ideaForm,
  'bk-health': BUDGETS.health,
  'bk-insights': BUDGETS.insights,
  'bk-value-plan': BUDGETS.valuePlan,
};

/** What `pageWeight(tag)` may reach: checked for every element of the registry by scripts/registry.test.ts. */
export function pageBudget(tag: string): number {
  return PAGE_BUDGETS[tag] ?? BUDGETS.element;
}
