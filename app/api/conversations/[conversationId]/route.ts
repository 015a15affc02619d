import { deleteConversationRoute, saveConversationRoute } from '@/lib/history/server/history-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PUT = saveConversationRoute();
export const DELETE = deleteConversationRoute();

export const { GET, POST, PATCH } = otherMethods('PUT', 'DELETE');
