import { attachmentBodyRoute } from '@/lib/attachments/server/attachment-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = attachmentBodyRoute();

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
