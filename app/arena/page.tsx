import type { Metadata } from 'next';
import { ArenaView } from '@/components/arena/arena-view';

export const metadata: Metadata = { title: 'Arena' };

export default function ArenaPage() {
  return <ArenaView />;
}
