import Link from 'next/link';
import { ModelBadge } from './model-badge';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';

export function AppHeader() {
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 sm:px-4 dark:border-zinc-800">
      <Link href="/chat" className="flex items-center gap-2 font-semibold tracking-tight">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <span className="hidden sm:inline">Rill</span>
      </Link>
      <NavLinks />
      <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
        <ModelBadge />
        <ThemeToggle />
      </div>
    </header>
  );
}
