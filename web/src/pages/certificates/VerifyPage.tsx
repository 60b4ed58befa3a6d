import { Alert, Card, Descriptions, Result, Spin } from 'antd';
import { useParams } from 'react-router';
import { useVerification } from '../../api/certificates';
import { isApiError, errorMessage } from '../../api/client';
import { formatDateTime } from '../../lib/format';

const fmt = (h: number) => `${h}学时`;

/** /verify/<code>: what the QR code on a certificate opens — no login. */
export default function VerifyPage() {
  const { code = '' } = useParams();
  const { data: v, error, isPending } = useVerification(code);
  return (
    <main className="ptce-verify">
      <Card title="证书真伪验证 · 专业技术人员继续教育信息管理系统" className="ptce-verify-card">
        {isPending ? (
          <Spin tip="正在查询…">
            <div style={{ minHeight: 120 }} />
          </Spin>
        ) : error ? (
          <Result
            status="warning"
            title={isApiError(error) && error.status === 404 ? '未找到该证书' : '查询失败'}
            subTitle={
              isApiError(error) && error.status === 404
                ? '二维码中的证书验证码不存在，请核对证书是否伪造或信息有误。'
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
    </main>
  );
}
