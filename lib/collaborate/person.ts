/** Someone in a room, as everyone there sees them: a number the room gave them, and a name. */
export interface Person {
  /** 1 for the first to join the room, 2 for the next…: public, unlike the id of their connection. */
  id: number;
  name: string;
}

export const MAX_NAME_CHARS = 40;

/**
 * A name as typed, made safe to show and to store: no control or formatting characters (a name
 * cannot break a line, or turn text around with a bidi override), spaces collapsed, at most
 * MAX_NAME_CHARS characters. It is always shown as text, never as markup. Empty when nothing is left.
 */
export function cleanName(typed: string): string {
  const name = typed.replace(/\s+/g, ' ').replace(/[\p{C}]/gu, '').trim();
  return Array.from(name).slice(0, MAX_NAME_CHARS).join('').trim();
}

/** What someone who has not chosen a name is called. */
export function guestName(id: number): string {
  return `Guest ${id}`;
}

/** The people in a room in the order they came. */
export function byArrival(people: Person[]): Person[] {
  return people.toSorted((a, b) => a.id - b.id);
}
