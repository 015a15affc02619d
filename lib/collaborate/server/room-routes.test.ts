import { expect, test } from 'vitest';
import { readConfig } from '@/lib/config';
import { createOpenStreamCaps } from '@/lib/server/open-streams';
import { createClientBudget, createClientLimits } from '@/lib/server/rate-limit';
import { createRoomRoute, roomCommandRoute, roomEventsRoute, type RoomServices } from './room-routes';
import type { RoomStore } from './room-store';

/** A store whose every call fails, as the Redis store's do while Redis is unreachable. */
const unreachable = new Proxy({} as RoomStore, {
  get: () => () => Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
});

const post = (url: string, body: unknown) =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rill-client-address': '10.9.9.9' }, body: JSON.stringify(body) });
const params = { params: Promise.resolve({ roomId: 'a'.repeat(22) }) };

test('with the room store unreachable, every room route answers 503 with a JSON error, and no stream slot stays taken', async () => {
  const limits = createClientLimits({ rateLimitRequests: 0, rateLimitWindowSeconds: 60, maxConcurrentStreams: 1, dailyTokenQuota: 0, maxOutputTokens: 100 }, null);
  const eventStreams = createOpenStreamCaps({ perClient: 1, total: 1 });
  const services = (): RoomServices => ({ store: unreachable, config: readConfig({}).rooms, limits, creates: createClientBudget(null, 'room-creates', 10, 3600), eventStreams });
  const responses = [
    await createRoomRoute(services)(post('http://rill.test/api/rooms', { panels: [{ prompt: 'hi' }] })),
    await roomCommandRoute({ runLater: () => undefined, services })(post('http://rill.test/api/rooms/x/commands', { action: 'run', panelIds: ['p1'] }), params),
    await roomEventsRoute(services)(new Request('http://rill.test/api/rooms/x/events'), params),
  ];
  for (const response of responses) {
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'unavailable', error: expect.stringMatching(/^Rooms are unavailable/) });
  }
  // The run command took the client's one slot before the store failed; it was given back.
  expect(await limits.admitStream('10.9.9.9')).not.toHaveProperty('reason');
  // Nor does the event stream that never opened hold a connection.
  expect(eventStreams.openCount).toBe(0);
});
