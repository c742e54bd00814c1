/**
 * Disqus keeps comments as HTML; Bridgekit keeps Markdown and renders it itself. This turns the
 * HTML into Markdown-ish text with a small tag-by-tag pass: nothing of it is executed or kept as
 * HTML (the Worker renders the text again on import), links keep their targets, and entities are
 * decoded.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const attr = (tag: string, name: string) =>
  decode(
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined) ?? '',
  );

/**
 * @example
 * htmlToMarkdown('<p>See <a href="https://x.org">this</a> &amp; <b>that</b></p><p>Bye</p>');
 * // 'See [this](https://x.org) & **that**\n\nBye'
 */
export function htmlToMarkdown(html: string): string {
  let out = '';
  let link: string | null = null;
  // Tags and the text between them; a comment, script or style is dropped with its content.
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  for (const part of cleaned.split(/(<[^>]*>)/)) {
    if (!part.startsWith('<')) {
      out += decode(part).replace(/\s+/g, ' ');
      continue;
    }
    const closing = part.startsWith('</');
    const name = /^<\/?\s*([a-z0-9]+)/i.exec(part)?.[1]?.toLowerCase() ?? '';
    switch (name) {
      case 'br':
        out += '\n';
        break;
      case 'p':
      case 'div':
      case 'blockquote':
      case 'ul':
      case 'ol':
        out += '\n\n';
        break;
      case 'li':
        out += closing ? '\n' : '\n- ';
        break;
      case 'b':
      case 'strong':
        out += '**';
        break;
      case 'i':
      case 'em':
        out += '*';
        break;
      case 'code':
        out += '`';
        break;
      case 'a':
        if (!closing) {
          link = attr(part, 'href');
          out += '[';
        } else if (link !== null) {
          out += /^(https?:|mailto:)/i.test(link)
            ? `](${link.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`
            : ']';
          link = null;
        }
        break;
      case 'img': {
        const src = attr(part, 'src');
        if (/^https?:/i.test(src)) out += ` ${src} `;
        break;
      }
    }
  }
  return out
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\*\*\s*\*\*/g, '')
    .trim();
}
