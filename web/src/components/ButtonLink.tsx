import type { MouseEvent, ReactNode } from 'react';
import { Button, type ButtonProps } from 'antd';
import { useHref, useLinkClickHandler } from 'react-router';

/** A router link that looks like an antd Button (renders <a href>, so it opens in a new tab too). */
export function ButtonLink({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & Omit<ButtonProps, 'href' | 'onClick'>) {
  const href = useHref(to);
  const handle = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Button {...rest} href={href} onClick={(e: MouseEvent<HTMLElement>) => handle(e as MouseEvent<HTMLAnchorElement>)}>
      {children}
    </Button>
  );
}
