import { z } from '@/lib/zod';
import { boardSchema, runStreamSchema } from './schemas';

/**
 * What a room tells its browsers. Every event has the room's next sequence number, so a browser can
 * tell it missed one (and reconnect for a fresh snapshot) and can drop what its snapshot already holds.
 */
export const roomEventSchema = z.discriminatedUnion('type', [
  /** The board changed (panel added, edited, run started or ended); `by` is the browser that asked. */
  z.object({ type: z.literal('board'), seq: z.number(), board: boardSchema, by: z.string().optional() }),
  z.object({ type: z.literal('delta'), seq: z.number(), runId: z.string(), text: z.string(), chunks: z.number(), firstAt: z.number(), lastAt: z.number() }),
  z.object({ type: z.literal('presence'), seq: z.number(), participants: z.number() }),
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
  participants: z.number(),
});

export type RoomSnapshot = z.infer<typeof roomSnapshotSchema>;

export const roomMessageSchema = z.union([roomSnapshotSchema, roomEventSchema]);
export type RoomMessage = z.infer<typeof roomMessageSchema>;
