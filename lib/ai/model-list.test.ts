import { describe, expect, it, vi } from 'vitest';
import type { ModelConfig } from '@/lib/config';
import { createModelLister, modelRefusal } from './model-list';

const listModels = (config: ModelConfig, options: { fetchImpl: typeof fetch }) => createModelLister(config, options)();

const upstream = (ids: string[]) => vi.fn<typeof fetch>(async () => Response.json({ object: 'list', data: ids.map((id) => ({ id, object: 'model' })) }));

describe('listModels', () => {
  it('offers only the offline model when no provider is configured', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    expect(await listModels({ mode: 'offline', defaultModel: 'rill-offline-demo', allowAnyModel: false }, { fetchImpl })).toEqual({
      mode: 'offline',
      defaultModel: 'rill-offline-demo',
      models: ['rill-offline-demo'],
      allowCustom: false,
    });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("lists a compatible server's models with the key sent to it, default included", async () => {
    const fetchImpl = upstream(['fake-small', 'fake-large']);
    const list = await listModels({ mode: 'compatible', baseURL: 'http://x/v1', apiKey: 'sk-1', defaultModel: 'house-model', allowAnyModel: true }, { fetchImpl });
    expect(list.models).toEqual(['fake-large', 'fake-small', 'house-model']);
    expect(list.allowCustom).toBe(true);
    expect(fetchImpl.mock.calls[0]?.[0]).toBe('http://x/v1/models');
    expect(fetchImpl.mock.calls[0]?.[1]?.headers).toEqual({ authorization: 'Bearer sk-1' });
  });

  it('keeps only chat models from api.openai.com', async () => {
    const fetchImpl = upstream(['gpt-4o', 'whisper-1', 'text-embedding-3-small', 'o3-mini', 'dall-e-3']);
    const list = await listModels({ mode: 'openai', apiKey: 'sk', defaultModel: 'gpt-4.1-mini', allowAnyModel: false }, { fetchImpl });
    expect(list.models).toEqual(['gpt-4.1-mini', 'gpt-4o', 'o3-mini']);
  });

  it('falls back to the default model when the listing fails, and asks again next time', async () => {
    const config = { mode: 'compatible' as const, baseURL: 'http://x/v1', apiKey: 'k', defaultModel: 'm', allowAnyModel: false };
    const fetchImpl = upstream(['m', 'n']);
    fetchImpl.mockImplementationOnce(async () => new Response('nope', { status: 404 }));
    const list = createModelLister(config, { fetchImpl });
    expect((await list()).models).toEqual(['m']);
    expect((await list()).models).toEqual(['m', 'n']);
    expect((await list()).models).toEqual(['m', 'n']);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('offers exactly RILL_MODELS and the default when they are configured, without asking the provider', async () => {
    const fetchImpl = upstream(['other']);
    const list = await listModels({ mode: 'openai', apiKey: 'sk', defaultModel: 'gpt-4.1-mini', allowedModels: ['gpt-4o'], allowAnyModel: false }, { fetchImpl });
    expect(list).toMatchObject({ models: ['gpt-4.1-mini', 'gpt-4o'], allowCustom: false });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe('modelRefusal', () => {
  const list = { mode: 'openai' as const, defaultModel: 'gpt-4.1-mini', models: ['gpt-4.1-mini', 'gpt-4o'], allowCustom: false };

  it('lets through the default (no name) and every listed model', () => {
    expect(modelRefusal(list, undefined)).toBeUndefined();
    expect(modelRefusal(list, 'gpt-4o')).toBeUndefined();
  });

  it('refuses any other name, saying which ones are offered', () => {
    expect(modelRefusal(list, 'o1-pro')).toBe('The model "o1-pro" is not offered here. Choose one of: gpt-4.1-mini, gpt-4o.');
  });

  it('lets any name through when the operator allows free-form names, and refuses none offline', () => {
    expect(modelRefusal({ ...list, allowCustom: true }, 'my-local-model:7b')).toBeUndefined();
    expect(modelRefusal({ ...list, mode: 'offline' }, 'o1-pro')).toBeUndefined();
  });
});
