import { listModels } from '@/lib/ai/model-list';
import { otherMethods } from '@/lib/server/other-methods';

export const dynamic = 'force-dynamic';

/** The models the picker offers; the provider is asked with the server's key, which stays here. */
export async function GET() {
  return Response.json(await listModels());
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
