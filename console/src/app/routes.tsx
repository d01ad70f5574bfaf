import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from './auth/RequireSignIn';
import { SignInPage } from './auth/SignInPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { ItemSearchPage } from './pages/items/ItemSearchPage';
import { RecordSeizurePage } from './pages/record/RecordSeizurePage';
import { ReviewQueuePage } from './pages/review/ReviewQueuePage';
import { AmendSeizurePage } from './pages/seizures/AmendSeizurePage';
import { RecentSeizuresPage } from './pages/seizures/RecentSeizuresPage';
import { SeizurePage } from './pages/seizures/SeizurePage';
import { SeizureSearchPage } from './pages/seizures/SeizureSearchPage';
import { SupplierPage } from './pages/suppliers/SupplierPage';
import { SupplierSearchPage } from './pages/suppliers/SupplierSearchPage';

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
        { path: 'seizures/new', element: <RecordSeizurePage /> },
        { path: 'seizures/:id', element: <SeizurePage /> },
        { path: 'seizures/:id/amend', element: <AmendSeizurePage /> },
        { path: 'items', element: <ItemSearchPage /> },
        { path: 'suppliers', element: <SupplierSearchPage /> },
        { path: 'suppliers/:id', element: <SupplierPage /> },
        { path: 'review', element: <ReviewQueuePage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    }],
  },
]);
