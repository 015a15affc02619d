import { z } from '@/lib/zod';
import { MAX_NAME_CHARS } from './person';
import { boardSchema, runStreamSchema } from './schemas';

export const personSchema = z.object({ id: z.number(), name: z.string().max(MAX_NAME_CHARS * 4) });

/**
 * What a room tells its browsers. Every event has the room's next sequence number, so a browser can
 * tell it missed one (and reconnect for a fresh snapshot) and can drop what its snapshot already holds.
 */
export const roomEventSchema = z.discriminatedUnion('type', [
  /** The board changed (panel added, edited, run started or ended); `by` is the browser that asked. */
  z.object({ type: z.literal('board'), seq: z.number(), board: boardSchema, by: z.string().optional() }),
  z.object({ type: z.literal('delta'), seq: z.number(), runId: z.string(), text: z.string(), chunks: z.number(), firstAt: z.number(), lastAt: z.number() }),
  /** Who is in the room now, whenever someone comes or goes. */
  z.object({ type: z.literal('presence'), seq: z.number(), people: z.array(personSchema) }),
]);

export type RoomEvent = z.infer<typeof roomEventSchema>;
/** An event as published, before the room gives it its sequence number. */
export type UnsequencedRoomEvent = RoomEvent extends infer E ? (E extends RoomEvent ? Omit<E, 'seq'> : never) : never;

/** The first message on a room's event stream: the whole room as of `seq`, text streamed so far included. */
export const roomSnapshotSchema = z.object({
  type: z.literal('snapshot'),
  seq: z.number(),
  board: boardSchema,
  /** The text of each panel's current run, by run id. */
  streams: z.record(z.string(), runStreamSchema),
  people: z.array(personSchema),
  /** Which of the people is the browser reading this stream. */
  you: personSchema.optional(),
});

export type RoomSnapshot = z.infer<typeof roomSnapshotSchema>;

export const roomMessageSchema = z.union([roomSnapshotSchema, roomEventSchema]);
export type RoomMessage = z.infer<typeof roomMessageSchema>;
