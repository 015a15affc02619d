import { describe, expect, it } from 'vitest';
import { readConfig } from '@/lib/config';
import { checkHealth } from './health';

const base = { version: '1.2.3', uptimeSeconds: 12.4 };

describe('checkHealth', () => {
  it('reports the model mode and that Redis is not configured', async () => {
    const report = await checkHealth({ ...base, config: readConfig({}).model, redis: null });
    expect(report).toEqual({ status: 'ok', version: '1.2.3', uptimeSeconds: 12, model: { mode: 'offline', model: 'rill-offline-demo', label: 'Offline demo model' }, redis: { configured: false, reachable: null } });
  });

  it('never reveals the key or the credentials of a compatible base URL', async () => {
    const config = readConfig({ OPENAI_API_KEY: 'sk-secret-1', OPENAI_BASE_URL: 'https://user:pa55@llm.example.com/v1', OPENAI_MODEL: 'llama' }).model;
    const text = JSON.stringify(await checkHealth({ ...base, config, redis: null }));
    expect(text).toContain('"mode":"compatible"');
    expect(text).toContain('llm.example.com');
    for (const secret of ['sk-secret-1', 'pa55', 'user:']) expect(text).not.toContain(secret);
  });

  it('pings Redis and says when it answers', async () => {
    const report = await checkHealth({ ...base, config: readConfig({}).model, redis: { ping: async () => 'PONG' } });
    expect(report.status).toBe('ok');
    expect(report.redis).toMatchObject({ configured: true, reachable: true });
  });

  it('is degraded, not down, when Redis does not answer in time', async () => {
    const report = await checkHealth({ ...base, config: readConfig({}).model, redis: { ping: () => new Promise(() => {}) }, pingTimeoutMs: 20 });
    expect(report.status).toBe('degraded');
    expect(report.redis).toEqual({ configured: true, reachable: false, error: 'no answer within 20 ms' });
  });
});
