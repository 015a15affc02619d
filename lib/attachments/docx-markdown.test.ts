import { describe, expect, it } from 'vitest';
import { markdownFromDocxHtml } from './docx-markdown';

describe('Markdown from mammoth\'s HTML', () => {
  it('makes headings, paragraphs and lists, nested and numbered', () => {
    const html =
      '<h1>Report</h1><p>First <strong>bold</strong> paragraph.</p><h2>Steps &amp; notes</h2>' +
      '<ul><li>One<ul><li>Inner</li></ul></li><li>Two</li></ul><ol><li>First</li><li>Second</li></ol><p>Line<br />break 1.5 (ok)</p>';
    expect(markdownFromDocxHtml(html)).toBe(
      '# Report\n\nFirst bold paragraph.\n\n## Steps & notes\n\n- One\n  - Inner\n- Two\n\n1. First\n2. Second\n\nLine\nbreak 1.5 (ok)',
    );
  });

  it("reads a table's cells as paragraphs, and decodes numeric entities", () => {
    expect(markdownFromDocxHtml('<table><tr><td><p>a&#39;b</p></td><td><p>&#x263A;</p></td></tr></table>')).toBe("a'b\n\n☺");
  });
});
