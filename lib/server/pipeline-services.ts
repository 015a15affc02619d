import 'server-only';
import type { Redis } from 'ioredis';
import { serverModels } from '@/lib/ai/provider';
import { Coalescer, createSharedCoalescer, type RunCoalescer } from './coalesce';
import { createMemoryPubSub } from './memory-pub-sub';
import { createClientLimits, type ClientLimits } from './rate-limit';
import { createRedisConnection, sharedRedis } from './redis';
import { createRedisPubSub } from './redis-pub-sub';
import { createResponseCache, type ResponseCache } from './response-cache';
import { createResumableAnswers, type ResumableAnswers } from './resumable';
import { serverConfig, type ServerConfig } from './server-config';

/** The shared state behind every answer route: one set per process. */
export interface PipelineServices {
  limits: ClientLimits;
  cache: ResponseCache | null;
  coalescer: RunCoalescer;
  resumable: ResumableAnswers;
  /** Part of every cache key, so different model setups sharing one Redis never serve each other's answers. */
  cacheNamespace: string;
}

export function createPipelineServices(config: ServerConfig, redis: { commands: Redis; subscriptions: Redis } | null, cacheNamespace: string): PipelineServices {
  const pubSub = redis ? createRedisPubSub(redis.commands, redis.subscriptions) : createMemoryPubSub();
  const resumable = createResumableAnswers({ ...pubSub, graceMs: config.resumeGraceMs });
  const coalescer = new Coalescer();
  return {
    limits: createClientLimits(config, redis?.commands ?? null),
    cache: createResponseCache(config, redis?.commands ?? null),
    coalescer: redis ? createSharedCoalescer(coalescer, redis.commands, resumable) : coalescer,
    resumable,
    cacheNamespace,
  };
}

// Next bundles each route on its own, so a module-level singleton could exist once per route; the
// resume route must see the chat route's answers, so the one set lives on globalThis.
const slot = Symbol.for('rill.pipelineServices');
type Global = typeof globalThis & { [slot]?: PipelineServices };

export function pipelineServices(): PipelineServices {
  const global = globalThis as Global;
  if (!global[slot]) {
    const commands = sharedRedis();
    const { config } = serverModels();
    global[slot] = createPipelineServices(
      serverConfig(),
      commands ? { commands, subscriptions: createRedisConnection() } : null,
      `${config.mode}|${config.baseURL ?? ''}|${config.defaultModel}`,
    );
  }
  return global[slot];
}
