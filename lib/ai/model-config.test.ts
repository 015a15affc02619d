import { describe, expect, it } from 'vitest';
import { publicModelInfo, readModelConfig } from './model-config';

describe('readModelConfig', () => {
  it('uses the offline model when nothing is set, or only blanks', () => {
    expect(readModelConfig({}).mode).toBe('offline');
    expect(readModelConfig({ OPENAI_API_KEY: ' ', OPENAI_BASE_URL: '' }).mode).toBe('offline');
  });

  it('uses OpenAI with a key, with a default model unless one is named', () => {
    expect(readModelConfig({ OPENAI_API_KEY: 'sk-a' })).toEqual({ mode: 'openai', apiKey: 'sk-a', defaultModel: 'gpt-4.1-mini' });
    expect(readModelConfig({ OPENAI_API_KEY: 'sk-a', OPENAI_MODEL: 'gpt-5' }).defaultModel).toBe('gpt-5');
  });

  it('uses a compatible server when a base URL is set, with or without a key', () => {
    const config = readModelConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/', OPENAI_MODEL: 'llama3.2' });
    expect(config).toMatchObject({ mode: 'compatible', baseURL: 'http://127.0.0.1:11434/v1', defaultModel: 'llama3.2' });
    expect(readModelConfig({ OPENAI_BASE_URL: 'http://x/v1', OPENAI_API_KEY: 'k' }).apiKey).toBe('k');
  });
});

describe('publicModelInfo', () => {
  it('tells the browser the mode and model, never the key or the full URL', () => {
    const info = publicModelInfo(readModelConfig({ OPENAI_BASE_URL: 'http://user:pw@gpu-box:8000/v1', OPENAI_API_KEY: 'sk-secret', OPENAI_MODEL: 'qwen' }));
    expect(info).toEqual({ mode: 'compatible', model: 'qwen', label: 'qwen · gpu-box:8000' });
    expect(JSON.stringify(info)).not.toMatch(/sk-secret|pw/);
    expect(publicModelInfo(readModelConfig({})).label).toBe('Offline demo model');
  });
});
