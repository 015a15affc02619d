import { attachmentRulesRoute, uploadAttachmentRoute } from '@/lib/attachments/server/attachment-routes';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = attachmentRulesRoute();
export const POST = uploadAttachmentRoute();

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
