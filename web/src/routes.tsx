import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Outlet, ScrollRestoration, type RouteObject } from 'react-router';
import { ApiBridge } from './components/ApiBridge';
import { PageSpinner } from './components/PageSpinner';
import { RequireAuth, RequireRole } from './components/RequireAuth';
import { NotFoundPage, RouteErrorPage } from './components/StatusPages';
import { MENU, isReady, type MenuKey } from './menu';

// Every page is its own chunk (React.lazy); the centre's entries come from the menu registry,
// their pages from CENTER_PAGES below.
const CenterLayout = lazy(() => import('./layout/CenterLayout'));
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const RegisterPage = lazy(() => import('./pages/auth/RegisterPage'));
const ChangePasswordPage = lazy(() => import('./pages/accounts/ChangePasswordPage'));
const CompleteProfilePage = lazy(() => import('./pages/accounts/CompleteProfilePage'));
const VerifyPage = lazy(() => import('./pages/certificates/VerifyPage'));

/** The page of each menu entry; the type makes a new entry without a page a compile error. */
const CENTER_PAGES: Record<MenuKey, LazyExoticComponent<ComponentType>> = {
  center: lazy(() => import('./pages/home/CenterPage')),
  learning: lazy(() => import('./pages/learning/LearningPage')),
  'learning-history': lazy(() => import('./pages/learning/HistoryPage')),
  'learning-course': lazy(() => import('./pages/learning/CoursePage')),
  'learning-chapter': lazy(() => import('./pages/learning/ChapterPage')),
  'exam-attempt': lazy(() => import('./pages/exams/ExamPage')),
  'hours-mine': lazy(() => import('./pages/hours/MyRecordsPage')),
  'hours-query': lazy(() => import('./pages/hours/HoursQueryPage')),
  certificates: lazy(() => import('./pages/certificates/CertificatesPage')),
  'unit-hours-register': lazy(() => import('./pages/hours/UnitRegisterPage')),
  'unit-hours-import': lazy(() => import('./pages/imports/ImportHoursPage')),
  'unit-hours-review': lazy(() => import('./pages/hours/ReviewPage')),
  'unit-hours-results': lazy(() => import('./pages/hours/ResultsPage')),
  'unit-hours-query': lazy(() => import('./pages/hours/PersonHoursPage')),
  'org-admins': lazy(() => import('./pages/org/AdminsPage')),
  'org-departments': lazy(() => import('./pages/org/DepartmentsPage')),
  'org-staff': lazy(() => import('./pages/org/StaffPage')),
  'org-units': lazy(() => import('./pages/org/UnitsPage')),
  'unit-compliance': lazy(() => import('./pages/compliance/UnitCompliancePage')),
  plans: lazy(() => import('./pages/plans/PlansPage')),
  'exam-makeups': lazy(() => import('./pages/exams/MakeupPage')),
  'course-admin': lazy(() => import('./pages/learning/CourseAdminPage')),
  'certificate-admin': lazy(() => import('./pages/certificates/CertificateAdminPage')),
  'exam-bank': lazy(() => import('./pages/exams/QuestionBankPage')),
  audit: lazy(() => import('./pages/audit/AuditLogPage')),
  profile: lazy(() => import('./pages/accounts/ProfilePage')),
  password: ChangePasswordPage,
};

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
  const Page = CENTER_PAGES[e.key];
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
