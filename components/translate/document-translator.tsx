'use client';

import { useDocumentTranslator } from '@/lib/stores/document-translator';
import { DocumentControls } from './document-controls';
import { DocumentPanels } from './document-panels';
import { DocumentPicker } from './document-picker';

/** The Document side of /translate: pick a file, translate it paragraph by paragraph, download it. */
export function DocumentTranslator() {
  const open = useDocumentTranslator((s) => s.document !== null);
  return (
    <div className="flex flex-col gap-3">
      <DocumentPicker />
      {open && (
        <>
          <DocumentControls />
          <DocumentPanels />
        </>
      )}
    </div>
  );
}
