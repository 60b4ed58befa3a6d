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
// Every page file is its own chunk, loaded when its route is first drawn.
const PAGE_FILES = import.meta.glob<{ default: ComponentType }>('./pages/*/*Page.tsx');
const pages = new Map<string, LazyExoticComponent<ComponentType>>();
/** The page of pages/<file>.tsx, one component however many routes show it. */
function page(file: string): LazyExoticComponent<ComponentType> {
  let Page = pages.get(file);
  if (!Page) {
    const load = PAGE_FILES[`./pages/${file}.tsx`];
    if (!load) throw new Error(`no page file pages/${file}.tsx`);
    Page = lazy(load);
    pages.set(file, Page);
  }
  return Page;
}
const LoginPage = page('auth/LoginPage');
const WechatCallbackPage = page('auth/WechatCallbackPage');
const WechatBindPage = page('auth/WechatBindPage');
const RegisterPage = page('auth/RegisterPage');
// Takes a prop (forced, on the first-login step), so it is loaded by name.
const ChangePasswordPage = lazy(() => import('./pages/accounts/ChangePasswordPage'));
const CompleteProfilePage = page('accounts/CompleteProfilePage');
const VerifyPage = page('certificates/VerifyPage');
const HelpRoute = lazy(() => import('./pages/help/HelpRoute'));
const HelpPage = page('help/HelpPage');
const NoticeShell = lazy(() => import('./pages/notices/NoticeShell'));
const NoticeDetailPage = page('notices/NoticeDetailPage');
const PublicFilingsPage = page('public-filings/PublicFilingsPage');
const PublicSpotChecksList = lazy(() =>
  import('./pages/spot-checks/PublicSpotChecksPage').then((m) => ({ default: m.PublicSpotChecksList })),
);
const PublicSpotCheckDetail = lazy(() =>
  import('./pages/spot-checks/PublicSpotChecksPage').then((m) => ({ default: m.PublicSpotCheckDetail })),
);

/** The page file (under pages/) of each menu entry; the type makes a new entry without a page a compile error. */
const CENTER_PAGES: Record<MenuKey, string> = {
  center: 'home/CenterPage',
  learning: 'learning/LearningPage',
  'learning-history': 'learning/HistoryPage',
  'learning-course': 'learning/CoursePage',
  'learning-chapter': 'learning/ChapterPage',
  'exam-attempt': 'exams/ExamPage',
  'hours-mine': 'hours/MyRecordsPage',
  'hours-query': 'hours/HoursQueryPage',
  certificates: 'certificates/CertificatesPage',
  'unit-hours-register': 'hours/UnitRegisterPage',
  'unit-hours-import': 'imports/ImportHoursPage',
  'unit-hours-review': 'hours/ReviewPage',
  'unit-hours-results': 'hours/ResultsPage',
  'unit-hours-query': 'hours/PersonHoursPage',
  'org-admins': 'org/AdminsPage',
  'org-departments': 'org/DepartmentsPage',
  'org-staff': 'org/StaffPage',
  'org-units': 'org/UnitsPage',
  'org-units-import': 'org/UnitsImportPage',
  'unit-compliance': 'compliance/UnitCompliancePage',
  stats: 'stats/StatsPage',
  'stats-unit': 'stats/StatsUnitPage',
  'stats-person': 'stats/StatsPersonPage',
  plans: 'plans/PlansPage',
  'helpdesk-people': 'helpdesk/PeopleSearchPage',
  'helpdesk-person': 'helpdesk/PersonPage',
  'exam-makeups': 'exams/MakeupPage',
  'exam-makeup-requests': 'exams/MakeupRequestsPage',
  'course-admin': 'learning/CourseAdminPage',
  'course-preview': 'learning/CoursePreviewPage',
  'certificate-admin': 'certificates/CertificateAdminPage',
  'exam-bank': 'exams/QuestionBankPage',
  'integration-clients': 'integration/IntegrationClientsPage',
  classes: 'classes/ClassesPage',
  'class-detail': 'classes/ClassPage',
  'class-trainees': 'classes/TraineesPage',
  bases: 'bases/BasesPage',
  filings: 'filings/FilingsPage',
  'filing-new': 'filings/FilingFormPage',
  'filing-edit': 'filings/FilingFormPage',
  'filing-change': 'filings/FilingFormPage',
  'filing-review': 'filings/FilingReviewPage',
  'filing-detail': 'filings/FilingPage',
  audit: 'audit/AuditLogPage',
  'notice-admin': 'notices/NoticeAdminPage',
  notices: 'notices/NoticesPage',
  profile: 'accounts/ProfilePage',
  password: 'accounts/ChangePasswordPage',
  'help-center': 'help/HelpPage',
  'spot-checks': 'spot-checks/SpotChecksPage',
  'spot-check': 'spot-checks/SpotCheckPage',
  'unit-spot-checks': 'spot-checks/UnitSpotChecksPage',
  'unit-spot-check': 'spot-checks/UnitSpotCheckPage',
  'my-spot-checks': 'spot-checks/MySpotChecksPage',
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
  const Page = page(CENTER_PAGES[e.key]);
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
