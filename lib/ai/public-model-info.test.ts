import { describe, expect, it } from 'vitest';
import { readConfig } from '@/lib/config';
import { publicModelInfo } from './public-model-info';

describe('publicModelInfo', () => {
  it('tells the browser the mode and model, never the key or the full URL', () => {
    const info = publicModelInfo(readConfig({ OPENAI_BASE_URL: 'http://user:pw@gpu-box:8000/v1', OPENAI_API_KEY: 'sk-secret', OPENAI_MODEL: 'qwen' }).model);
    expect(info).toEqual({ mode: 'compatible', model: 'qwen', label: 'qwen · gpu-box:8000' });
    expect(JSON.stringify(info)).not.toMatch(/sk-secret|pw/);
    expect(publicModelInfo(readConfig({}).model).label).toBe('Offline demo model');
  });
});
