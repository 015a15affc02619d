import type { SVGProps } from 'react';

/** Small line icons (system fonts lack some symbols, e.g. a waste bin, on many Linux desktops). */
function Icon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden {...props}>
      {children}
    </svg>
  );
}

export const PlusIcon = () => (
  <Icon>
    <path d="M12 5v14M5 12h14" />
  </Icon>
);

export const PencilIcon = () => (
  <Icon>
    <path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />
  </Icon>
);

export const TrashIcon = () => (
  <Icon>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </Icon>
);

export const PaperclipIcon = () => (
  <Icon width="18" height="18">
    <path d="M21 11.5l-8.5 8.5a5 5 0 01-7-7l8.5-8.5a3.5 3.5 0 015 5L10.5 18a2 2 0 01-3-3l8-8" />
  </Icon>
);

export const FileIcon = () => (
  <Icon>
    <path d="M14 3H6v18h12V7l-4-4zM14 3v4h4" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon width="14" height="14">
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);
