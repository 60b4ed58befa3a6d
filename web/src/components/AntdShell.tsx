import { Suspense, useMemo } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Outlet } from 'react-router';
import { ApiBridge } from './ApiBridge';
import { PageSpinner } from './PageSpinner';
import { REDUCED_MOTION_QUERY, useMediaQuery } from '../lib/useMediaQuery';
// antd's precompiled rules instead of styles generated in the browser on first render (zeroRuntime below); the
// build cuts the file by component, each page's chunk bringing its components' rules (web/build/antd-css.ts).
import 'antd/dist/antd.css';

// Dates in antd's pickers and the pages' formats read in Chinese (一月, 周一).
dayjs.locale('zh-cn');

const theme: ThemeConfig = {
  // The theme reaches the precompiled rules as CSS variables, which antd still sets from these tokens.
  zeroRuntime: true,
  token: {
    colorPrimary: '#1662c4',
    // Links, hints and descriptions dark enough for WCAG AA contrast (4.5:1) on white and grey backgrounds.
    colorLink: '#1662c4',
    colorInfo: '#1662c4',
    colorError: '#cf1322',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
  },
};

/**
 * antd's providers around every route but 登录. The login page is drawn with plain markup, so a first visit
 * downloads React and the page only; this shell (and antd with it) loads when the visitor goes on — the login page
 * asks for it while the browser is idle.
 */
export default function AntdShell() {
  // 减弱动态效果 in the system settings turns antd's animations off: dialogs, menus and messages appear at once.
  const reduced = useMediaQuery(REDUCED_MOTION_QUERY);
  const themed = useMemo<ThemeConfig>(() => ({ ...theme, token: { ...theme.token, motion: !reduced } }), [reduced]);
  return (
    // No space between two-character labels: buttons read exactly as the manual (登录, 保存).
    <ConfigProvider locale={zhCN} theme={themed} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiBridge />
        <Suspense fallback={<PageSpinner fullscreen />}>
          <Outlet />
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
