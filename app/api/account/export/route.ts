import { exportConversationsRoute } from '@/lib/history/server/history-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = exportConversationsRoute();

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
