/**
 * markdown-it decodes character references with src/markdown/entities.ts (wrangler.jsonc's and
 * the tests' `alias` of `entities`), its table read from the static assets (test/setup.ts reads
 * it as app.ts does); scripts/production-bundle.test.ts checks the table against the package's.
 */
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeHTMLStrict, HTML_ENTITIES_ASSET, type HtmlEntityTable, useHtmlEntities } from '../src/markdown/entities.ts';
import { renderMarkdown } from '../src/markdown/render.ts';

const asset = async () => (await (await env.ASSETS.fetch(`https://assets.invalid${HTML_ENTITIES_ASSET}`)).json()) as HtmlEntityTable;

describe('HTML entities in Markdown', () => {
  afterEach(async () => useHtmlEntities(await asset()));

  it('decodes named references by the table from the static assets: all 2,125 of the HTML standard', async () => {
    const table = await asset();
    expect(Object.keys(table)).toHaveLength(2125);
    expect(table).toMatchObject({ amp: '&', copy: '©', ThickSpace: '\u205F\u200A', NotNestedGreaterGreater: '⪢\u0338' });
    expect(renderMarkdown('&copy; 2026 &mdash; &ThickSpace;').html).toBe('<p>© 2026 — \u205F\u200A</p>');
  });

  it('is what markdown-it decodes with', () => {
    useHtmlEntities({ bridgekit: 'Bridgekit' });
    expect(renderMarkdown('&bridgekit; &copy;').html).toBe('<p>Bridgekit &amp;copy;</p>');
  });

  it('leaves unknown or unterminated names, and decodes numbers by the HTML standard', () => {
    expect(renderMarkdown('&bogus; &amp &ampfoo; &AMP;').html).toBe('<p>&amp;bogus; &amp;amp &amp;ampfoo; &amp;</p>');
    expect(renderMarkdown('&#65;&#x42;').html).toBe('<p>AB</p>');
    // markdown-it decodes up to eight digits itself and hands longer ones to the decoder, which
    // reads them as the HTML standard does (NUL, surrogates and past U+10FFFF: U+FFFD; C1: Windows-1252).
    expect(decodeHTMLStrict('&#123456789; &#0000000065; &#xD800; &#0; &#128;')).toBe('\uFFFD A \uFFFD \uFFFD €');
  });
});
