import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { signedInUser } from '@/lib/accounts/server/accounts';
import { readThemeChoice, THEME_COOKIE, themeClass } from '@/lib/theme/theme-choice';
import './globals.css';

// Pages render per request so each gets the CSP nonce from proxy.ts on its scripts (a prerendered
// page would carry none, and the CSP would block it).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Rill', template: '%s · Rill' },
  description: 'Streaming AI chat, translation and collaboration.',
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = readThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
  const user = await signedInUser(await headers());
  return (
    <html lang="en" className={themeClass(theme)} suppressHydrationWarning>
      <body className="flex h-dvh flex-col">
        <AppHeader theme={theme} user={user} />
        <main className="flex min-h-0 flex-1 flex-col">{children}</main>
      </body>
    </html>
  );
}
