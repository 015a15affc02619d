import { getPromptsRoute, savePromptsRoute } from '@/lib/prompts/server/prompt-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = getPromptsRoute();
export const PUT = savePromptsRoute();

export const { POST, PATCH, DELETE } = otherMethods('GET', 'PUT');
