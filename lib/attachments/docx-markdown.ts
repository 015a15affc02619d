/**
 * Markdown from the HTML mammoth makes of a .docx: headings as `#`, list items as `-` or `1.` (nested
 * by two spaces a level), paragraphs apart by blank lines; other markup is dropped, its text kept.
 * mammoth's own Markdown writer escapes every `.`, `-` and `(` it meets, which would reach the model
 * (and a translated document) as `\.`; its HTML is regular enough to read tag by tag instead.
 */
export function markdownFromDocxHtml(html: string): string {
  const lists: ('ul' | 'ol')[] = [];
  const counters: number[] = [];
  let out = '';
  for (const piece of html.split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(piece);
    if (!tag) {
      out += decodeEntities(piece).replace(/\s*\n\s*/g, ' ');
      continue;
    }
    const [, closing, name = ''] = tag;
    const heading = /^h([1-6])$/i.exec(name);
    if (heading) out += closing ? '\n\n' : `\n\n${'#'.repeat(Number(heading[1]))} `;
    else if (name === 'p' && lists.length === 0) out += '\n\n';
    else if (name === 'br') out += '\n';
    else if (name === 'ul' || name === 'ol') {
      if (closing) {
        lists.pop();
        counters.pop();
      } else {
        lists.push(name);
        counters.push(0);
      }
      // A whole list is one block apart from its neighbours; its items, nested ones too, are a line each.
      if (lists.length === (closing ? 0 : 1)) out += '\n\n';
    } else if (name === 'li' && !closing) {
      const depth = lists.length - 1;
      const number = (counters[depth] = (counters[depth] ?? 0) + 1);
      out += `\n${'  '.repeat(Math.max(0, depth))}${lists[depth] === 'ol' ? `${number}.` : '-'} `;
    } else if ((name === 'tr' || name === 'table') && closing) out += '\n\n';
    else if ((name === 'td' || name === 'th') && closing) out += ' ';
  }
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') return String.fromCodePoint(body[1]?.toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : Number(body.slice(1)));
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}
