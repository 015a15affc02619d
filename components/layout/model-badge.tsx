'use client';

import { useEffect } from 'react';
import { useModelInfo } from '@/lib/stores/models';

export function ModelBadge() {
  const info = useModelInfo((s) => s.data);
  const failed = useModelInfo((s) => s.failed);
  const load = useModelInfo((s) => s.load);
  useEffect(() => void load(), [load]);

  if (!info) {
    return failed ? <span className="text-xs text-red-600 dark:text-red-400">Model unknown</span> : null;
  }
  const offline = info.mode === 'offline';
  return (
    <span
      data-testid="model-badge"
      title={offline ? 'No model is configured: answers come from a small built-in demo. See the README to connect one.' : `Answers come from ${info.label}`}
      className={`min-w-0 max-w-[6.5rem] truncate rounded-full px-2 sm:px-2.5 py-1 text-xs font-medium sm:max-w-none ${
        offline ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200' : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200'
      }`}
    >
      <span className="sm:hidden">{offline ? 'Demo' : info.model}</span>
      <span className="hidden sm:inline">{info.label}</span>
    </span>
  );
}
