import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AccountView } from '@/components/account/account-view';
import type { OAuthProvider } from '@/lib/accounts/account-user';
import { signedInUser } from '@/lib/accounts/server/accounts';
import { rillConfig } from '@/lib/config';
import { keepsHistory } from '@/lib/db/database';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const config = rillConfig();
  const providers: OAuthProvider[] = [...(config.auth.github ? (['github'] as const) : []), ...(config.auth.google ? (['google'] as const) : [])];
  return <AccountView user={await signedInUser(await headers())} providers={providers} available={keepsHistory(config)} />;
}
