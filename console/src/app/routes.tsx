import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from './auth/RequireSignIn';
import { SignInPage } from './auth/SignInPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { RecentSeizuresPage } from './pages/seizures/RecentSeizuresPage';
import { SeizurePage } from './pages/seizures/SeizurePage';
import { SeizureSearchPage } from './pages/seizures/SeizureSearchPage';

/** Every screen has its own URL (the service answers index.html for these paths). */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <RequireSignIn />,
    children: [{
      element: <AppLayout />,
      children: [
        { index: true, element: <RecentSeizuresPage /> },
        { path: 'seizures', element: <SeizureSearchPage /> },
        { path: 'seizures/:id', element: <SeizurePage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    }],
  },
]);
