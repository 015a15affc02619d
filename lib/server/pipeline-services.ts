import 'server-only';
import type { Redis } from 'ioredis';
import { rillConfig, type PipelineConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { Coalescer, createSharedCoalescer, type RunCoalescer } from './coalesce';
import { createMemoryPubSub } from './memory-pub-sub';
import { createClientLimits, type ClientLimits } from './rate-limit';
import { createRedisConnection, sharedRedis } from './redis';
import { createRedisPubSub } from './redis-pub-sub';
import { createResponseCache, type ResponseCache } from './response-cache';
import { createResumableAnswers, type ResumableAnswers } from './resumable';

/** The shared state behind every answer route: one set per process. */
export interface PipelineServices {
  limits: ClientLimits;
  cache: ResponseCache | null;
  coalescer: RunCoalescer;
  resumable: ResumableAnswers;
  /** Part of every cache key, so different model setups sharing one Redis never serve each other's answers. */
  cacheNamespace: string;
}

export function createPipelineServices(config: PipelineConfig, redis: { commands: Redis; subscriptions: Redis } | null, cacheNamespace: string): PipelineServices {
  const pubSub = redis ? createRedisPubSub(redis.commands, redis.subscriptions) : createMemoryPubSub();
  const resumable = createResumableAnswers({ ...pubSub, graceMs: config.resumeGraceMs, shared: redis !== null });
  const coalescer = new Coalescer();
  return {
    limits: createClientLimits(config, redis?.commands ?? null),
    cache: createResponseCache(config, redis?.commands ?? null),
    coalescer: redis ? createSharedCoalescer(coalescer, redis.commands, resumable) : coalescer,
    resumable,
    cacheNamespace,
  };
}

/** The process's pipeline state, shared by every answer route and the resume route. */
export function pipelineServices(): PipelineServices {
  return processSingleton('pipeline-services', () => {
    const commands = sharedRedis();
    const { model, pipeline } = rillConfig();
    return createPipelineServices(
      pipeline,
      commands ? { commands, subscriptions: createRedisConnection() } : null,
      `${model.mode}|${model.baseURL ?? ''}|${model.defaultModel}`,
    );
  });
}
