'use client';

import { useEffect, useEffectEvent, type KeyboardEvent, type RefObject } from 'react';

/** Tailwind's md breakpoint: from here up the drawer's content is a sidebar beside the page. */
const WIDE = '(min-width: 48rem)';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]';

/**
 * An open drawer as a modal dialog, on the platform's own means: the rest of the page is `inert`
 * (no Tab, click or screen reader reaches it), the focus moves to the drawer's first control,
 * Tab and Shift+Tab go round inside it, Esc closes it, and once closed the focus goes back to where
 * it was (the button that opened it). Not a native <dialog>: the same element is the sidebar on
 * wider screens, where it must stay a landmark, and moving it into a <dialog> would remount it
 * (losing a search being typed).
 *
 * `layer` wraps what stays live while it is open (the drawer and its backdrop); `panel` is the
 * drawer itself, which takes the props returned while open.
 */
export function useModalDrawer({ open, onClose, layer, panel }: { open: boolean; onClose: () => void; layer: RefObject<HTMLElement | null>; panel: RefObject<HTMLElement | null> }) {
  const close = useEffectEvent(onClose);

  useEffect(() => {
    const live = layer.current;
    const drawer = panel.current;
    if (!open || !live || !drawer) return;
    const opener = document.activeElement;
    const wakeOutside = makeInertOutside(live);
    (tabbableIn(drawer)[0] ?? drawer).focus();
    // A phone turned sideways, a window widened: the sidebar shows in place, nothing is modal any more.
    const wide = matchMedia(WIDE);
    const closeWhenWide = () => wide.matches && close();
    wide.addEventListener('change', closeWhenWide);
    return () => {
      wide.removeEventListener('change', closeWhenWide);
      wakeOutside();
      // Unless the focus was sent somewhere on purpose (the message box, after New chat).
      const focus = document.activeElement;
      if ((!focus || focus === document.body || drawer.contains(focus)) && opener instanceof HTMLElement) opener.focus();
    };
  }, [open, layer, panel]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // A control inside that handled the key itself (Esc in the title being renamed) keeps it.
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      // Prevented: the chat's own Esc (stop the answer) leaves it alone.
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      const drawer = event.currentTarget;
      const controls = tabbableIn(drawer);
      const first = controls[0];
      const last = controls.at(-1);
      const at = document.activeElement;
      if (!first || !last || (event.shiftKey ? at === first || at === drawer : at === last)) {
        event.preventDefault();
        (event.shiftKey ? last : first)?.focus();
      }
    }
  };

  // tabIndex -1: a click on the drawer's background keeps the focus in it (and its keys with it).
  return open ? ({ role: 'dialog', 'aria-modal': true, tabIndex: -1, onKeyDown } as const) : undefined;
}

/** What Tab stops at inside `root`, in order. */
function tabbableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.tabIndex >= 0 && element.checkVisibility());
}

/** Makes everything outside `keep` inert (each sibling of it and of its ancestors); returns the undo. */
function makeInertOutside(keep: HTMLElement): () => void {
  const made: HTMLElement[] = [];
  for (let inside: HTMLElement = keep; inside.parentElement && inside !== document.body; inside = inside.parentElement) {
    for (const sibling of inside.parentElement.children) {
      if (sibling === inside || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      made.push(sibling);
    }
  }
  return () => {
    for (const element of made) element.inert = false;
  };
}
