import 'server-only';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { AnswerChunk } from '@/lib/protocol/chunks';
import { replayFrames } from './answer-run';
import type { PipelineConfig } from '@/lib/config';

/** Whole answers by request key, kept as the server-sent events they streamed as, so a hit replays the same protocol. */
export interface ResponseCache {
  get(key: string): Promise<string[] | undefined>;
  set(key: string, frames: readonly string[]): Promise<void>;
}

type CacheLimits = Pick<PipelineConfig, 'cacheTtlSeconds' | 'cacheMaxBytes' | 'cacheMaxEntryBytes'>;

/**
 * An LRU in memory, or Redis (shared by every instance) when a connection is given; null when the
 * TTL is 0. A Redis failure reads as a miss and skips the write: the cache only ever saves work.
 */
export function createResponseCache(limits: CacheLimits, redis: Redis | null): ResponseCache | null {
  if (limits.cacheTtlSeconds <= 0) return null;
  const fits = (json: string) => Buffer.byteLength(json) <= limits.cacheMaxEntryBytes;
  if (redis) {
    return {
      async get(key) {
        const json = await redis.get(`rill:answer-cache:${key}`).catch(() => null);
        return json === null ? undefined : (JSON.parse(json) as string[]);
      },
      async set(key, frames) {
        const json = JSON.stringify(frames);
        if (fits(json)) await redis.set(`rill:answer-cache:${key}`, json, 'EX', limits.cacheTtlSeconds).catch(() => undefined);
      },
    };
  }
  const memory = new LRUCache<string, string>({
    maxSize: limits.cacheMaxBytes,
    maxEntrySize: limits.cacheMaxEntryBytes,
    sizeCalculation: (json) => Math.max(1, Buffer.byteLength(json)),
    ttl: limits.cacheTtlSeconds * 1000,
  });
  return {
    async get(key) {
      const json = memory.get(key);
      return json === undefined ? undefined : (JSON.parse(json) as string[]);
    },
    async set(key, frames) {
      const json = JSON.stringify(frames);
      if (fits(json)) memory.set(key, json);
    },
  };
}

/** A short key for what makes two requests the same, independent of object key order. */
export function requestKey(material: unknown): string {
  return createHash('sha256').update(stableJson(material)).digest('base64url');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A cached answer as a producer again, marked `cached: true` so the browser and the logs can tell. */
export function replayCached(frames: readonly string[]): AsyncIterable<AnswerChunk> {
  return replayFrames(frames, (chunk) =>
    (chunk.type === 'start' || chunk.type === 'finish') && chunk.messageMetadata ? { ...chunk, messageMetadata: { ...chunk.messageMetadata, cached: true } } : chunk,
  );
}
