import type { Metadata } from 'next';
import { UsageDashboard } from '@/components/usage/usage-dashboard';

export const metadata: Metadata = { title: 'Usage' };

export default function UsagePage() {
  return <UsageDashboard />;
}
