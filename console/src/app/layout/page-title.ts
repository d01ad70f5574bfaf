import { useEffect } from 'react';

/** Each page names itself in the window title (history, bookmarks, screen readers). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Seizure registry`;
  }, [title]);
}
