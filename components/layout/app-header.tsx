import Link from 'next/link';
import type { AccountUser } from '@/lib/stores/account';
import type { ThemeChoice } from '@/lib/theme/theme-choice';
import { AccountLink } from './account-link';
import { ModelBadge } from './model-badge';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';

export function AppHeader({ theme, user }: { theme: ThemeChoice; user: AccountUser | null }) {
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 sm:px-4 dark:border-zinc-800">
      {/* Named by aria-label at every width: on a phone the word is hidden and only the mark shows. */}
      <Link href="/chat" aria-label="Rill home" className="flex items-center gap-2 font-semibold tracking-tight">
        <RillLogo />
        <span aria-hidden className="hidden sm:inline">
          Rill
        </span>
      </Link>
      <NavLinks />
      {/* Fills the rest of the bar, so the model badge arriving after load moves nothing (no layout shift). */}
      <div className="flex min-w-0 flex-1 items-center justify-end gap-1 sm:gap-2">
        <ModelBadge />
        <ThemeToggle initialTheme={theme} />
        <AccountLink initialUser={user} />
      </div>
    </header>
  );
}

/** The same mark as public/favicon.svg, inline so the header needs no extra request. */
function RillLogo() {
  return (
    <svg aria-hidden viewBox="0 0 32 32" width={24} height={24}>
      <rect width="32" height="32" rx="8" fill="#0e7490" />
      <path d="M7 20c3-6 6-6 9 0s6 6 9 0" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
    </svg>
  );
}
