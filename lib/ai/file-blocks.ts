/**
 * How a file's text reaches a model: one block per file, named by its file name, so the model can
 * tell the files from each other and from the message. The same shape for every provider.
 */
export function fileBlock(name: string, text: string): string {
  return `<file name="${escapeAttribute(name)}">\n${text}\n</file>`;
}

/** The files in a message's text, as fileBlock wrote them (the offline model reports what it got). */
export function readFileBlocks(text: string): { name: string; text: string }[] {
  return [...text.matchAll(/<file name="([^"]*)">\n([\s\S]*?)\n<\/file>/g)].map((match) => ({ name: unescapeAttribute(match[1]!), text: match[2]! }));
}

/** The text with its file blocks taken out. */
export function withoutFileBlocks(text: string): string {
  return text.replace(/<file name="[^"]*">\n[\s\S]*?\n<\/file>\n*/g, '').trim();
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\r\n]+/g, ' ');
}

function unescapeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
