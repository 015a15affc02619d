import type { Attachment } from '@/lib/chat/types';

/**
 * What Rill does with a file, judged from its name first and its media type second: browsers give
 * code files odd types or none (`.ts` is often `video/mp2t`), while the extension says what it is.
 */
export type FileKind =
  | { kind: 'image'; mediaType: ImageMediaType }
  | { kind: 'text'; mediaType: string; read: 'plain' | 'pdf' | 'docx' }
  | { kind: 'refused'; reason: string };

export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

export const PDF_MEDIA_TYPE = 'application/pdf';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const IMAGE_EXTENSIONS: Record<string, ImageMediaType> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };

/** Text formats with a media type of their own; every other text file is text/plain. */
const TEXT_EXTENSIONS: Record<string, string> = {
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  jsonl: 'application/jsonl',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  xml: 'application/xml',
  yaml: 'application/yaml',
  yml: 'application/yaml',
};

const PLAIN_TEXT_EXTENSIONS = new Set(
  (
    'txt text log ini cfg conf env toml properties rst adoc tex bib srt vtt ' +
    'js jsx mjs cjs ts tsx mts cts vue svelte astro scss sass less py pyi rb go rs java kt kts scala groovy ' +
    'c h cc cpp cxx hpp hh cs fs swift m mm php pl pm lua r jl dart ex exs erl hs ml clj elm nim zig ' +
    'sh bash zsh fish ps1 bat cmd sql graphql gql proto tf hcl dockerfile makefile cmake gradle diff patch'
  ).split(' '),
);

/** Media types that are text whatever the name says. */
const TEXT_MEDIA_TYPES = new Set(['application/json', 'application/xml', 'application/yaml', 'application/x-yaml', 'application/javascript', 'application/typescript', 'application/sql', 'application/toml', 'application/x-sh']);

/** Every media type a text attachment may be labelled with: those above, and any text/*. */
export function isTextMediaType(mediaType: string): boolean {
  return mediaType.startsWith('text/') || TEXT_MEDIA_TYPES.has(mediaType) || Object.values(TEXT_EXTENSIONS).includes(mediaType) || mediaType === PDF_MEDIA_TYPE || mediaType === DOCX_MEDIA_TYPE;
}

export function isImageMediaType(mediaType: string): mediaType is ImageMediaType {
  return (IMAGE_MEDIA_TYPES as readonly string[]).includes(mediaType);
}

/** What `name` (with the browser's `type` for it, maybe empty) is, or why it cannot be attached. */
export function fileKind(name: string, type: string): FileKind {
  const lower = name.toLowerCase();
  const base = lower.split('/').pop() ?? lower;
  const extension = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : base;
  const mediaType = type.toLowerCase().split(';')[0]!.trim();

  const image = IMAGE_EXTENSIONS[extension] ?? (isImageMediaType(mediaType) ? mediaType : undefined);
  if (image) return { kind: 'image', mediaType: image };
  if (extension === 'pdf' || mediaType === PDF_MEDIA_TYPE) return { kind: 'text', mediaType: PDF_MEDIA_TYPE, read: 'pdf' };
  if (extension === 'docx' || mediaType === DOCX_MEDIA_TYPE) return { kind: 'text', mediaType: DOCX_MEDIA_TYPE, read: 'docx' };
  const text = TEXT_EXTENSIONS[extension];
  if (text) return { kind: 'text', mediaType: text, read: 'plain' };
  if (PLAIN_TEXT_EXTENSIONS.has(extension) || mediaType.startsWith('text/') || TEXT_MEDIA_TYPES.has(mediaType)) return { kind: 'text', mediaType: 'text/plain', read: 'plain' };
  if (extension === 'doc') return { kind: 'refused', reason: `${name} is an old Word document (.doc): save it as .docx or PDF, then attach that.` };
  return { kind: 'refused', reason: `${name} cannot be attached: Rill reads images (PNG, JPEG, WebP, GIF), text and code files, PDF and .docx.` };
}

/** Whether the message's files include an image (which a text-only model cannot read). */
export function hasImage(attachments: readonly Pick<Attachment, 'kind'>[] | undefined): boolean {
  return attachments?.some((attachment) => attachment.kind === 'image') ?? false;
}
