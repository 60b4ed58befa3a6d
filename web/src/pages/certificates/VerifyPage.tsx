import { Alert, Card, Descriptions, Result, Spin } from 'antd';
import { useParams } from 'react-router';
import { useVerification } from '../../api/certificates';
import { isApiError, errorMessage } from '../../api/client';
import { PublicFrame } from '../../components/AuthFrame';
import { formatDateTime } from '../../lib/format';
import { OUTSIDE_PAGES } from '../../page-help';

const fmt = (h: number) => `${h}学时`;

/** A link that is not a certificate's: no such code (404), or not a code at all (400: cut short, mistyped). */
function notACertificate(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 400);
}

/** /verify/<code>: what the QR code on a certificate opens — no login. */
export default function VerifyPage() {
  const { code = '' } = useParams();
  const { data: v, error, isPending } = useVerification(code);
  return (
    <PublicFrame help={OUTSIDE_PAGES.verify} mainClassName="ptce-public-main">
      <Card title={<h1 className="ptce-public-title">证书真伪验证</h1>} className="ptce-verify-card">
        {isPending ? (
          <Spin tip="正在查询…">
            <div style={{ minHeight: 120 }} />
          </Spin>
        ) : error ? (
          <Result
            status="warning"
            title={notACertificate(error) ? '未找到该证书' : '查询失败'}
            subTitle={
              notACertificate(error)
                ? '该验证链接不是有效的证书验证码，或证书不存在。请用手机重新扫描证书上的二维码，或核对证书是否伪造、信息有误。'
                : errorMessage(error)
            }
          />
        ) : v ? (
          <>
            {v.status === 'valid' ? (
              <Alert
                type="success"
                showIcon
                title="证书有效"
                description="以下为系统中登记的证书信息，请与纸质证书逐项核对。"
              />
            ) : (
              <Alert
                type="error"
                showIcon
                title={`证书已失效（${formatDateTime(v.revokedAt)}）`}
                description={v.revokeReason ?? undefined}
              />
            )}
            <Descriptions bordered column={1} size="small" className="ptce-verify-details">
              <Descriptions.Item label="证书">{v.title}</Descriptions.Item>
              <Descriptions.Item label="证书编号">{v.serial}</Descriptions.Item>
              <Descriptions.Item label="姓名">{v.name}</Descriptions.Item>
              <Descriptions.Item label="身份证号码">{v.idNumberMasked}</Descriptions.Item>
              {v.unitName && <Descriptions.Item label="工作单位">{v.unitName}</Descriptions.Item>}
              <Descriptions.Item label="年度">{v.year}年度</Descriptions.Item>
              <Descriptions.Item label="公需科目（必修课）">{fmt(v.compulsoryHours)}</Descriptions.Item>
              {v.kind === 'ce' && (
                <>
                  <Descriptions.Item label="公需科目（选修课）">{fmt(v.electiveHours)}</Descriptions.Item>
                  <Descriptions.Item label="专业科目">{fmt(v.professionalHours)}</Descriptions.Item>
                </>
              )}
              <Descriptions.Item label="合计">{fmt(v.totalHours)}</Descriptions.Item>
              <Descriptions.Item label="发证机关">{v.issuer}</Descriptions.Item>
              <Descriptions.Item label="发证日期">{v.issuedOn}</Descriptions.Item>
            </Descriptions>
          </>
        ) : null}
      </Card>
    </PublicFrame>
  );
}
