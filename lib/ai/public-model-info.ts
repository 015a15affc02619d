import type { ModelConfig, ModelMode } from '@/lib/config';

/** What the browser may know about the model: no key, and for a compatible server only its host. */
export interface PublicModelInfo {
  mode: ModelMode;
  model: string;
  label: string;
}

export function publicModelInfo(config: ModelConfig): PublicModelInfo {
  switch (config.mode) {
    case 'offline':
      return { mode: 'offline', model: config.defaultModel, label: 'Offline demo model' };
    case 'openai':
      return { mode: 'openai', model: config.defaultModel, label: `OpenAI · ${config.defaultModel}` };
    case 'compatible':
      return { mode: 'compatible', model: config.defaultModel, label: `${config.defaultModel} · ${hostOf(config.baseURL)}` };
  }
}

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return 'custom server';
  }
}
