import { Component, type ErrorInfo, type ReactNode } from 'react';
import { HELP_DESK } from '@ptce/rules';
import { ErrorReference } from './StatusPages';

/**
 * Last line of defence, outside the router and the antd theme: plain markup only, so it renders
 * even when those are what failed. Errors inside pages are caught by the router's errorElement.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('PTCE: unhandled render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error == null) return this.props.children;
    return (
      <main role="alert" className="ptce-fatal">
        <h1>系统出现了意外错误</h1>
        <p>很抱歉，页面无法继续显示。请刷新页面后重试。</p>
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            刷新页面
          </button>
        </p>
        <ErrorReference error={this.state.error} />
        <p className="ptce-fatal-help">
          如问题持续，请联系客服：{HELP_DESK.phone}（{HELP_DESK.hours}），电子邮箱 {HELP_DESK.email}
        </p>
      </main>
    );
  }
}
