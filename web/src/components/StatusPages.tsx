import { useEffect, useState, type ReactNode } from 'react';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { errorReference } from '../api/client-errors';
import { errorMessage, isApiError } from '../api/client';
import { OUTSIDE_PAGES } from '../page-help';
import { PublicFrame } from './AuthFrame';

// Plain markup, no antd: these pages show where antd is not loaded (登录's errors, a failed download of antd
// itself), and antd's Result illustrations would weigh ~10 kB (gzip) for pages few visitors ever see.

function StatusBlock({
  code,
  title,
  children,
  actions,
  role,
}: {
  code?: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
  role?: 'alert';
}) {
  return (
    <section className="ptce-status" role={role} aria-labelledby="ptce-status-title">
      {code && (
        <div className="ptce-status-code" aria-hidden="true">
          {code}
        </div>
      )}
      <h1 id="ptce-status-title" className="ptce-status-title">
        {title}
      </h1>
      <div className="ptce-status-text">{children}</div>
      <div className="ptce-status-actions">{actions}</div>
    </section>
  );
}

/** A status page outside the centre: the system's banner with 帮助 (what these pages mean), a card, the help desk. */
function StatusFrame({ children }: { children: ReactNode }) {
  return (
    <PublicFrame help={OUTSIDE_PAGES.statusPage} mainClassName="ptce-auth-main">
      <div className="ptce-auth-card ptce-status-card">{children}</div>
    </PublicFrame>
  );
}

/** 404 — stand-alone, for any unknown address. */
export function NotFoundPage() {
  return (
    <StatusFrame>
      <StatusBlock
        code="404"
        title="页面不存在"
        actions={
          <Link className="ptce-btn ptce-btn-primary" to="/">
            返回首页
          </Link>
        }
      >
        您访问的页面不存在或已被移除，请检查地址是否正确。
      </StatusBlock>
    </StatusFrame>
  );
}

/** 403 — inside the centre layout, for a page the account's roles do not allow. */
export function ForbiddenPage() {
  return (
    <StatusBlock
      code="403"
      title="无权访问"
      actions={
        <Link className="ptce-btn ptce-btn-primary" to="/">
          返回用户管理中心
        </Link>
      }
    >
      您的账号没有访问此页面的权限。如有疑问，请联系单位管理员。
    </StatusBlock>
  );
}

/** The server could not be reached or failed while answering who the user is. */
export function ServiceErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const unreachable = isApiError(error) && (error.status === 0 || error.status >= 500);
  return (
    <StatusFrame>
      <StatusBlock
        role="alert"
        title={unreachable ? '暂时无法连接服务器' : '加载失败'}
        actions={
          <button type="button" className="ptce-btn ptce-btn-primary" onClick={onRetry}>
            重试
          </button>
        }
      >
        {errorMessage(error)}
      </StatusBlock>
    </StatusFrame>
  );
}

function isChunkLoadError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /dynamically imported module|Importing a module script failed|Failed to fetch|error loading dynamically/i.test(
    msg,
  );
}

/**
 * The 错误编号 of an unexpected error, to quote to the help desk: the operations staff find the error in the server's
 * log by it. Shown once the server has logged the report; nothing when it cannot be reached.
 */
export function ErrorReference({ error }: { error: unknown }) {
  const [reference, setReference] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void errorReference(error).then((r) => live && setReference(r));
    return () => {
      live = false;
    };
  }, [error]);
  if (reference === undefined) return <p className="ptce-status-reference">正在生成错误编号…</p>;
  if (reference === null) return null;
  return (
    <p className="ptce-status-reference">
      错误编号：<strong>{reference}</strong>（联系客服时请提供）
    </p>
  );
}

/** Router `errorElement`: a render error or a failed page download anywhere below the root. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (import.meta.env.DEV) console.error(error);
  const stale = isChunkLoadError(error);
  return (
    <StatusFrame>
      <StatusBlock
        role="alert"
        title={stale ? '页面加载失败' : '页面出错了'}
        actions={
          <>
            <button type="button" className="ptce-btn ptce-btn-primary" onClick={() => window.location.reload()}>
              刷新页面
            </button>
            <button type="button" className="ptce-btn" onClick={() => window.location.assign('/')}>
              返回用户管理中心
            </button>
          </>
        }
      >
        {stale ? (
          '系统可能刚刚更新，或网络连接中断。请刷新页面后重试。'
        ) : (
          <>
            很抱歉，页面出现了意外错误。请刷新页面重试；如问题持续，请联系客服。
            <ErrorReference error={error} />
          </>
        )}
      </StatusBlock>
    </StatusFrame>
  );
}
