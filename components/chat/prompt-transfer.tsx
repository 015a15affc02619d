'use client';

import { useRef, useState, type ChangeEvent } from 'react';
import { usePrompts } from '@/lib/stores/prompts';
import { downloadFile } from './download-file';

// The file format and its validation (zod) load on first use, not with the page.
const loadPromptFile = () => import('@/lib/prompts/prompt-file');

/** "Export prompts" (a JSON file) and "Import prompts" (such a file, merged in by id, the newer copy winning). */
export function PromptTransfer() {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const importPrompts = usePrompts((s) => s.importPrompts);

  const exportAll = async () => {
    const { promptFileName, promptsToJson } = await loadPromptFile();
    downloadFile(promptFileName(), promptsToJson(usePrompts.getState().prompts), 'application/json');
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const { parsePromptFile } = await loadPromptFile();
    const result = parsePromptFile(await file.text());
    if (!result.ok) return setNotice({ kind: 'error', text: result.error });
    importPrompts(result.prompts);
    setNotice({ kind: 'ok', text: `Imported ${result.prompts.length} prompt${result.prompts.length === 1 ? '' : 's'}.` });
  };

  const button = 'rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800';
  return (
    <div className="flex flex-col gap-2">
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`text-sm ${notice.kind === 'error' ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300'}`}>
          {notice.text}
        </p>
      )}
      <div className="flex flex-wrap gap-1">
        <button type="button" className={button} onClick={() => void exportAll()}>
          Export prompts
        </button>
        <button type="button" className={button} onClick={() => input.current?.click()}>
          Import prompts
        </button>
        <input ref={input} type="file" accept="application/json,.json" aria-label="Import prompts file" className="hidden" onChange={(event) => void onFile(event)} />
      </div>
    </div>
  );
}
