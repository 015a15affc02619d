import { resumeAnswerRoute, stopAnswerRoute } from '@/lib/server/resume-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** GET: the answer with this stream id from its start, live while it lasts (after a reload). DELETE: stop it. */
export const GET = resumeAnswerRoute();
export const DELETE = stopAnswerRoute();
