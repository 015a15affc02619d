import { listConversationsRoute } from '@/lib/history/server/history-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = listConversationsRoute();

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
