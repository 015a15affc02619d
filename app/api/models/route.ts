import { listModels } from '@/lib/ai/model-list';

export const dynamic = 'force-dynamic';

/** The models the picker offers; the provider is asked with the server's key, which stays here. */
export async function GET() {
  return Response.json(await listModels());
}
