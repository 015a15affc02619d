import { resumeAnswerRoute, stopAnswerRoute } from '@/lib/server/resume-route';
import { otherMethods } from '@/lib/server/other-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** GET: the answer with this stream id from its start, live while it lasts (after a reload). DELETE: stop it. */
export const GET = resumeAnswerRoute();
export const DELETE = stopAnswerRoute();

export const { POST, PUT, PATCH } = otherMethods('GET', 'DELETE');
