'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const links = [
  { href: '/chat', label: 'Chat' },
  { href: '/translate', label: 'Translate' },
  // The arena is one of Collaborate's tabs.
  { href: '/collaborate', label: 'Collaborate', also: '/arena' },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex items-center gap-0.5 text-[13px] sm:gap-1 sm:text-sm">
      {links.map(({ href, label, also }) => {
        const current = [href, also].some((path) => path !== undefined && (pathname === path || pathname.startsWith(`${path}/`)));
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? 'page' : undefined}
            className={`rounded-md px-1.5 py-1.5 sm:px-3 ${current ? 'bg-zinc-100 font-medium dark:bg-zinc-800' : 'text-zinc-600 hover:bg-zinc-50 dark:text-zinc-400 dark:hover:bg-zinc-900'}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
