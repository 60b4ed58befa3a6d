import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, ScrollRestoration, type RouteObject } from 'react-router';
import { ApiBridge } from './components/ApiBridge';
import { PageSpinner } from './components/PageSpinner';
import { RequireAuth, RequireRole } from './components/RequireAuth';
import { NotFoundPage, RouteErrorPage } from './components/StatusPages';
import { MENU, isReady } from './menu';

// Every page is its own chunk (React.lazy); the pages of the centre come from the menu registry.
const CenterLayout = lazy(() => import('./layout/CenterLayout'));
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const RegisterPage = lazy(() => import('./pages/auth/RegisterPage'));
const ChangePasswordPage = lazy(() => import('./pages/accounts/ChangePasswordPage'));
const CompleteProfilePage = lazy(() => import('./pages/accounts/CompleteProfilePage'));
const VerifyPage = lazy(() => import('./pages/certificates/VerifyPage'));

function RootShell() {
  return (
    <>
      <ApiBridge />
      <ScrollRestoration />
      <Suspense fallback={<PageSpinner fullscreen />}>
        <Outlet />
      </Suspense>
    </>
  );
}

const centerRoutes: RouteObject[] = MENU.filter(isReady).map((e) => {
  const Page = e.page!;
  const element = (
    <RequireRole roles={e.roles}>
      <Page />
    </RequireRole>
  );
  return e.path === '/' ? { index: true, element } : { path: e.path.slice(1), element };
});

export const router = createBrowserRouter([
  {
    path: '/',
    element: <RootShell />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      // Public: the QR code on a certificate opens this page, no login.
      { path: 'verify/:code', element: <VerifyPage /> },
      // First-login steps: signed in, but not yet allowed into the centre.
      {
        path: 'setup/password',
        element: (
          <RequireAuth setupStep>
            <ChangePasswordPage forced />
          </RequireAuth>
        ),
      },
      {
        path: 'setup/profile',
        element: (
          <RequireAuth setupStep>
            <CompleteProfilePage />
          </RequireAuth>
        ),
      },
      {
        element: (
          <RequireAuth>
            <CenterLayout />
          </RequireAuth>
        ),
        // Render errors inside a page keep the menu and header around them.
        errorElement: <RouteErrorPage />,
        children: centerRoutes,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
