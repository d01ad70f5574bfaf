import { createContext, useContext } from 'react';
import type { ViewerQuery } from '../../generated/operations';

export type Viewer = ViewerQuery['viewer'];

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in caller (subject, agency, roles), loaded once by the layout. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the signed-in layout');
  return viewer;
}

export function hasRole(viewer: Viewer, role: 'OFFICER' | 'ANALYST'): boolean {
  return viewer.roles.includes(role);
}
