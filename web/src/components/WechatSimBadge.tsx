/** 模拟: the flow runs against the local simulation of WeChat (WECHAT_FAKE, development only). */
export function WechatSimBadge({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <span className="ptce-sim" title="本地模拟的微信开放平台，不连接真实微信">
      模拟
    </span>
  );
}
