import 'server-only';
import { codeForStatus } from '@/lib/errors';
import { clientOf } from '@/lib/server/client-identity';
import { parseJsonRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import { refusedBeforeBudget } from '@/lib/server/request-guard';
import { pipelineServices } from '@/lib/server/pipeline-services';
import type { ClientLimits, LimitRejection, StreamAdmission } from '@/lib/server/rate-limit';
import { requestEvents, type RequestSummary } from '@/lib/server/request-events';
import { cleanName } from '../person';
import { commandChange, createRoomSchema, roomCommandSchema, roomFromShared, type StartedRun } from '../room-commands';
import { openRoomEventStream } from './room-event-stream';
import { runInRoom } from './room-runner';
import { roomGoneMessage, roomsFullMessage } from './room-store';
import { isRoomId, newRoomId, rooms, type Rooms } from './rooms';

/** What the room routes run on: the rooms and their caps, and the same per-client limits as every answer route. */
export interface RoomServices extends Rooms {
  limits: ClientLimits;
}

type RoomParams = { params: Promise<{ roomId: string }> };

const defaultServices = (): RoomServices => ({ ...rooms(), limits: pipelineServices().limits });

/**
 * Every room request is a same-site JSON request that counts against its client's request budget,
 * like any answer request, so a loop of Run and Stop is limited as requests are; and it ends in one
 * request event, for logs and metrics.
 */
async function roomRequest(request: Request, route: string, handle: (clientHash: string) => Promise<Response>, limits: ClientLimits): Promise<Response> {
  const startedAt = performance.now();
  const clientHash = clientOf(request);
  const summary: RequestSummary = { requestId: crypto.randomUUID(), route, status: 200, clientHash, durationMs: 0, source: 'none' };
  const refused = refusedBeforeBudget(request, { expectsJson: true });
  const overBudget = refused ? undefined : await limits.admitRequest(clientHash);
  const response = refused ?? (overBudget ? rateLimited(overBudget) : await handle(clientHash).catch(roomsUnavailable));
  Object.assign(summary, { status: response.status, durationMs: performance.now() - startedAt, rateLimited: overBudget?.reason });
  if (response.status >= 400) summary.errorCode = codeForStatus(response.status);
  requestEvents.emit({ type: 'request-end', summary });
  return response;
}

/**
 * POST /api/rooms — shares a page: creates a room holding its prompts. Each client may start only so
 * many rooms an hour, and the server holds only so many at once: rooms cost memory until they expire.
 */
export function createRoomRoute(services: () => RoomServices = defaultServices) {
  return async function POST(request: Request): Promise<Response> {
    const { store, config, creates, limits } = services();
    return roomRequest(
      request,
      'room-create',
      async (clientHash) => {
        // Six panels with answers of the longest a room takes, bounded so rooms stay cheap to hold.
        const parsed = await parseJsonRequest(request, createRoomSchema, { maxBytes: 1024 * 1024 });
        if (!parsed.ok) return parsed.response;
        const over = await creates.spend(clientHash);
        if (over) {
          const minutes = Math.ceil(over.retryAfter / 60);
          return rateLimited({
            reason: 'rooms',
            retryAfter: over.retryAfter,
            message: `You have shared ${config.createsPerHour} rooms in the last hour, as many as one person may. Try again in ${minutes} min, or keep using a room you have.`,
          });
        }
        const roomId = newRoomId();
        const { board, streams } = roomFromShared(parsed.data, () => crypto.randomUUID());
        const created = await store.create(roomId, board, streams);
        if (created === 'full') return jsonError(503, roomsFullMessage, { code: 'unavailable', retryAfter: 60 });
        return Response.json({ roomId }, { status: 201 });
      },
      limits,
    );
  };
}

/**
 * POST /api/rooms/:roomId/commands — add, edit, remove, run or stop prompts; everyone in the room sees
 * the change. A run is a model call like any other: it takes a stream slot of the client that pressed
 * Run, and its tokens count against that client's daily quota. `runLater` keeps the model calls going
 * after the response (Next's `after`).
 */
export function roomCommandRoute({ runLater, services = defaultServices }: { runLater: (task: Promise<void>) => void; services?: () => RoomServices }) {
  return async function POST(request: Request, { params }: RoomParams): Promise<Response> {
    const { roomId } = await params;
    const { store, config, limits } = services();
    return roomRequest(
      request,
      'room-command',
      async (clientHash) => {
        if (!isRoomId(roomId)) return jsonError(404, roomGoneMessage, { code: 'bad_request' });
        const parsed = await parseJsonRequest(request, roomCommandSchema, { maxBytes: 64 * 1024 });
        if (!parsed.ok) return parsed.response;
        const command = parsed.data;

        const admissions: StreamAdmission[] = [];
        const giveBack = (unused: StreamAdmission[]) => unused.forEach((admission) => (admission.release(), void admission.settle(0)));
        for (const _panel of command.action === 'run' ? command.panelIds : []) {
          const admission = await limits.admitStream(clientHash);
          if ('reason' in admission) {
            giveBack(admissions.splice(0));
            return rateLimited(admission);
          }
          admissions.push(admission);
        }

        const started: StartedRun[] = [];
        const result = await store.change(roomId, commandChange(command, { newId: () => crypto.randomUUID(), now: Date.now }, started), command.by).catch((error: unknown) => {
          giveBack(admissions.splice(0));
          throw error;
        });
        if (!result.ok) {
          giveBack(admissions.splice(0));
          return jsonError(result.status, result.error, { code: result.status === 503 ? 'unavailable' : 'bad_request' });
        }
        // Panels that were already running started nothing: their admissions go back.
        giveBack(admissions.splice(started.length));
        started.forEach((run, index) => runLater(runInRoom(store, { roomId, ...run }, { maxRunMs: config.maxRunMs, account: { clientHash, admission: admissions[index]! } })));
        return Response.json({ ok: true, started: started.map(({ panelId, runId }) => ({ panelId, runId })) });
      },
      limits,
    );
  };
}

/**
 * GET /api/rooms/:roomId/events?name=… — the room's live events: a snapshot first, then every change,
 * every piece of text and every arrival and departure; `name` is what the others see this browser as. Each stream holds a connection for as long as the page is open, so a client
 * may hold only so many, and the process only so many in all.
 */
export function roomEventsRoute(services: () => RoomServices = defaultServices) {
  return async function GET(request: Request, { params }: RoomParams): Promise<Response> {
    const { roomId } = await params;
    if (!isRoomId(roomId)) return jsonError(404, roomGoneMessage, { code: 'bad_request' });
    const { store, config, eventStreams } = services();
    const held = eventStreams.open(clientOf(request));
    if (!('release' in held)) return jsonError(held.status, held.message, { code: held.status === 429 ? 'rate_limited' : 'unavailable', retryAfter: held.retryAfter });
    const opened = await openRoomEventStream(store, roomId, {
      participantId: crypto.randomUUID(),
      name: cleanName(new URL(request.url).searchParams.get('name') ?? ''),
      maxParticipants: config.maxParticipants,
      heartbeatMs: config.heartbeatMs,
      signal: request.signal,
      onClose: held.release,
    }).catch(() => null);
    if (!opened?.ok) held.release();
    if (!opened) return roomsUnavailable();
    if (!opened.ok) return jsonError(opened.status, opened.error, { code: 'bad_request' });
    return new Response(opened.stream, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
    });
  };
}

/**
 * The store failed: with Redis that means it is unreachable, and rooms live only there (a room kept in
 * one process's memory could not be reached through any other instance), so the request fails at once.
 */
function roomsUnavailable(): Response {
  return jsonError(503, 'Rooms are unavailable right now: their storage does not answer. Try again in a moment.', { code: 'unavailable' });
}

function rateLimited(rejection: LimitRejection): Response {
  return jsonError(429, rejection.message, { code: 'rate_limited', retryAfter: rejection.retryAfter });
}
