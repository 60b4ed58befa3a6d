import { useEffect } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { setApiEventHandlers } from '../api/client';
import { meKey } from '../api/auth';

const PUBLIC_PATHS = ['/login', '/register'];

/** Connects the API client's app-wide events (session lost, password change, profile to complete, 503) to the UI. */
export function ApiBridge() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message, notification } = App.useApp();

  useEffect(() => {
    setApiEventHandlers({
      onUnauthorized: () => {
        if (PUBLIC_PATHS.includes(window.location.pathname)) return;
        message.warning({ content: '登录已失效，请重新登录', key: 'session-expired' });
        // The route guard sees "no session" and sends the user to 登录 with `next`.
        qc.setQueryData(meKey, null);
      },
      onPasswordChangeRequired: () => {
        void qc.invalidateQueries({ queryKey: meKey });
        if (!window.location.pathname.startsWith('/setup/password')) navigate('/setup/password', { replace: true });
      },
      onProfileIncomplete: () => {
        void qc.invalidateQueries({ queryKey: meKey });
        if (!window.location.pathname.startsWith('/setup/profile')) navigate('/setup/profile', { replace: true });
      },
      onUnavailable: (msg) => {
        notification.error({ key: 'service-unavailable', title: '服务暂不可用', description: msg, duration: 8 });
      },
    });
    return () => setApiEventHandlers({});
  }, [qc, navigate, message, notification]);

  return null;
}
