'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const tabs = [
  { href: '/collaborate', label: 'Panels' },
  { href: '/arena', label: 'Arena' },
  { href: '/arena/leaderboard', label: 'Leaderboard' },
];

/** The Collaborate pages: panels side by side, the blind arena, and its leaderboard. */
export function CollaborateTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Collaborate" className="flex gap-1 border-b border-zinc-200 text-sm dark:border-zinc-800">
      {tabs.map(({ href, label }) => {
        // A shared room is a Panels page too; /arena/leaderboard is not also the Arena tab.
        const current = href === '/collaborate' ? pathname === href || pathname.startsWith(`${href}/`) : pathname === href;
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${current ? 'border-brand font-medium text-zinc-900 dark:text-zinc-100' : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
