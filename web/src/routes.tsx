import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Outlet, ScrollRestoration, type RouteObject } from 'react-router';
import { PageSpinner } from './components/PageSpinner';
import { RequireAuth, RequireRole } from './components/RequireAuth';
import { NotFoundPage, RouteErrorPage } from './components/StatusPages';
import { MENU, isReady, type MenuKey } from './menu';

// Every page is its own chunk (React.lazy); the centre's entries come from the menu registry,
// their pages from CENTER_PAGES below. Everything the entry imports statically is free of antd, so 登录
// (plain markup) draws after React alone; AntdShell brings antd for every other route.
const loadCenterLayout = () => import('./layout/CenterLayout');
// Most routes under the shell are the centre's: its layout is fetched alongside antd, not after it.
const AntdShell = lazy(() => {
  void loadCenterLayout();
  return import('./components/AntdShell');
});
const CenterLayout = lazy(loadCenterLayout);
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const WechatCallbackPage = lazy(() => import('./pages/auth/WechatCallbackPage'));
const WechatBindPage = lazy(() => import('./pages/auth/WechatBindPage'));
const RegisterPage = lazy(() => import('./pages/auth/RegisterPage'));
const ChangePasswordPage = lazy(() => import('./pages/accounts/ChangePasswordPage'));
const CompleteProfilePage = lazy(() => import('./pages/accounts/CompleteProfilePage'));
const VerifyPage = lazy(() => import('./pages/certificates/VerifyPage'));
const FilingFormPage = lazy(() => import('./pages/filings/FilingFormPage'));
const HelpRoute = lazy(() => import('./pages/help/HelpRoute'));
const HelpPage = lazy(() => import('./pages/help/HelpPage'));
const NoticeShell = lazy(() => import('./pages/notices/NoticeShell'));
const NoticeDetailPage = lazy(() => import('./pages/notices/NoticeDetailPage'));
const PublicFilingsPage = lazy(() => import('./pages/public-filings/PublicFilingsPage'));
const PublicSpotChecksList = lazy(() =>
  import('./pages/spot-checks/PublicSpotChecksPage').then((m) => ({ default: m.PublicSpotChecksList })),
);
const PublicSpotCheckDetail = lazy(() =>
  import('./pages/spot-checks/PublicSpotChecksPage').then((m) => ({ default: m.PublicSpotCheckDetail })),
);

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
  'org-units-import': lazy(() => import('./pages/org/UnitsImportPage')),
  'unit-compliance': lazy(() => import('./pages/compliance/UnitCompliancePage')),
  stats: lazy(() => import('./pages/stats/StatsPage')),
  'stats-unit': lazy(() => import('./pages/stats/StatsUnitPage')),
  'stats-person': lazy(() => import('./pages/stats/StatsPersonPage')),
  plans: lazy(() => import('./pages/plans/PlansPage')),
  'helpdesk-people': lazy(() => import('./pages/helpdesk/PeopleSearchPage')),
  'helpdesk-person': lazy(() => import('./pages/helpdesk/PersonPage')),
  'exam-makeups': lazy(() => import('./pages/exams/MakeupPage')),
  'exam-makeup-requests': lazy(() => import('./pages/exams/MakeupRequestsPage')),
  'course-admin': lazy(() => import('./pages/learning/CourseAdminPage')),
  'course-preview': lazy(() => import('./pages/learning/CoursePreviewPage')),
  'certificate-admin': lazy(() => import('./pages/certificates/CertificateAdminPage')),
  'exam-bank': lazy(() => import('./pages/exams/QuestionBankPage')),
  'integration-clients': lazy(() => import('./pages/integration/IntegrationClientsPage')),
  classes: lazy(() => import('./pages/classes/ClassesPage')),
  'class-detail': lazy(() => import('./pages/classes/ClassPage')),
  'class-trainees': lazy(() => import('./pages/classes/TraineesPage')),
  bases: lazy(() => import('./pages/bases/BasesPage')),
  filings: lazy(() => import('./pages/filings/FilingsPage')),
  'filing-new': FilingFormPage,
  'filing-edit': FilingFormPage,
  'filing-change': FilingFormPage,
  'filing-review': lazy(() => import('./pages/filings/FilingReviewPage')),
  'filing-detail': lazy(() => import('./pages/filings/FilingPage')),
  audit: lazy(() => import('./pages/audit/AuditLogPage')),
  'notice-admin': lazy(() => import('./pages/notices/NoticeAdminPage')),
  notices: lazy(() => import('./pages/notices/NoticesPage')),
  profile: lazy(() => import('./pages/accounts/ProfilePage')),
  password: ChangePasswordPage,
  'help-center': HelpPage,
  'spot-checks': lazy(() => import('./pages/spot-checks/SpotChecksPage')),
  'spot-check': lazy(() => import('./pages/spot-checks/SpotCheckPage')),
  'unit-spot-checks': lazy(() => import('./pages/spot-checks/UnitSpotChecksPage')),
  'unit-spot-check': lazy(() => import('./pages/spot-checks/UnitSpotCheckPage')),
  'my-spot-checks': lazy(() => import('./pages/spot-checks/MySpotChecksPage')),
};

function RootShell() {
  return (
    <>
      <ScrollRestoration />
      <Suspense fallback={<PageSpinner fullscreen />}>
        <Outlet />
      </Suspense>
    </>
  );
}

// An entry served by a public route (帮助中心) gets no route behind the login.
const centerRoutes: RouteObject[] = MENU.filter((e) => isReady(e) && !e.publicRoute).map((e) => {
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
      // 扫码登录's return from WeChat and 绑定: plain markup like 登录.
      { path: 'wechat/callback', element: <WechatCallbackPage /> },
      { path: 'wechat/bind', element: <WechatBindPage /> },
      {
        element: <AntdShell />,
        children: [
          { path: 'register', element: <RegisterPage /> },
          // Public: the QR code on a certificate opens this page, no login.
          { path: 'verify/:code', element: <VerifyPage /> },
          // Public: 抽查结果公开 (一公开), no login.
          { path: 'public/spot-checks', element: <PublicSpotChecksList /> },
          { path: 'public/spot-checks/:id', element: <PublicSpotCheckDetail /> },
          // Public: 培训项目公示, no login.
          { path: 'public/filings', element: <PublicFilingsPage /> },
          // Public: 帮助中心, in the centre's frame for a signed-in user.
          { path: 'help', element: <HelpRoute />, children: [{ index: true, element: <HelpPage /> }] },
          // A notice: inside the 用户管理中心 when signed in, public (from the login page) otherwise.
          {
            path: 'notices/:id',
            element: <NoticeShell />,
            errorElement: <RouteErrorPage />,
            children: [{ index: true, element: <NoticeDetailPage /> }],
          },
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
    ],
  },
]);
