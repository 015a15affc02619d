'use client';

import { useCollaborateStore } from '@/lib/stores/collaborate';

/** Who is in the room, in the order they came, "(you)" marking this browser. Names are text, never markup. */
export function RoomPeople() {
  const people = useCollaborateStore((s) => s.room?.people ?? []);
  const you = useCollaborateStore((s) => s.room?.you?.id);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-1.5">
      <span className="text-zinc-600 dark:text-zinc-400">
        {people.length} {people.length === 1 ? 'person' : 'people'} here:
      </span>
      <ul aria-label="People in this room" className="flex flex-wrap gap-1.5">
        {people.map((person) => (
          <li key={person.id} className="max-w-48 truncate rounded-full bg-white px-2 py-0.5 text-xs font-medium ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700">
            {person.name}
            {person.id === you && <span className="font-normal text-zinc-600 dark:text-zinc-400"> (you)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
