import type { MarkedText as MarkedTextValue } from '@/lib/chat/search-snippet';

/** Near-black on amber in both themes: well over 4.5:1, and it reads as a match, not a link. */
const markClass = 'rounded-sm bg-amber-200 px-px text-zinc-950 dark:bg-amber-300';

/** Text with the ranges a search matched in `<mark>`. */
export function MarkedText({ text, ranges }: MarkedTextValue) {
  const pieces = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push(text.slice(at, start));
    pieces.push(
      <mark key={start} className={markClass}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  pieces.push(text.slice(at));
  return <>{pieces}</>;
}
