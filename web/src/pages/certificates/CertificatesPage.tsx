import { App, Button, Card, Empty, Space, Tag } from 'antd';
import type { CertificateInfo, CertificateKind, ComplianceStatus } from '@ptce/contracts';
import { CERTIFICATE_KIND_LABEL } from '@ptce/contracts';
import { certificatePdfUrl, useIssueCertificate, useMyCertificates } from '../../api/certificates';
import { errorMessage } from '../../api/client';
import { useMyComplianceYears } from '../../api/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, rowsResult } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';

function eligible(kind: CertificateKind, y: ComplianceStatus): boolean {
  return kind === 'ce' ? y.met : y.compulsoryDone;
}

function YearCard({ y, issued }: { y: ComplianceStatus; issued: CertificateInfo[] }) {
  const issue = useIssueCertificate();
  const { message } = App.useApp();
  const generate = (kind: CertificateKind) =>
    issue.mutate(
      { kind, year: y.year },
      {
        onSuccess: (c) => {
          message.success(`已生成，证书编号 ${c.serial}`);
          window.open(certificatePdfUrl(c.id), '_blank', 'noopener');
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Card
      size="small"
      className="ptce-section"
      title={`${y.year}年度`}
      extra={y.met ? <Tag color="success">已达标</Tag> : <Tag>未达标</Tag>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {(['public_exam', 'ce'] as const).map((kind) => {
          const valid = issued.find((c) => c.kind === kind && c.year === y.year && !c.revokedAt);
          return (
            <div key={kind} className="ptce-cert-row">
              <span className="ptce-cert-title">《{CERTIFICATE_KIND_LABEL[kind]}》</span>
              {valid ? (
                <Space wrap>
                  <Tag color="success">编号 {valid.serial}</Tag>
                  <Button type="primary" href={certificatePdfUrl(valid.id)} target="_blank" rel="noopener">
                    打印证书
                  </Button>
                  <a href={valid.verifyUrl} target="_blank" rel="noopener">
                    验证页面
                  </a>
                </Space>
              ) : eligible(kind, y) ? (
                <Button
                  type="primary"
                  loading={issue.isPending && issue.variables?.kind === kind}
                  onClick={() => generate(kind)}
                >
                  生成并打印证书
                </Button>
              ) : (
                <span className="ptce-muted">
                  {kind === 'ce'
                    ? '该年度学时达标并经单位审验通过后可生成'
                    : '完成该年度公需科目必修课学习并通过考试后可生成'}
                </span>
              )}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}

/** 打印证书: the two certificates per year; revoked ones listed with the reason. */
export default function CertificatesPage() {
  const years = useMyComplianceYears();
  const certs = useMyCertificates();
  const revoked = (certs.data ?? []).filter((c) => c.revokedAt);
  return (
    <>
      <PageTitle>打印证书</PageTitle>
      <ErrorAlert error={years.error ?? certs.error} />
      {years.isPending || certs.isPending ? (
        <Card loading />
      ) : years.data?.length ? (
        years.data.map((y) => <YearCard key={y.year} y={y} issued={certs.data ?? []} />)
      ) : (
        <Empty description="暂无年度计划" />
      )}
      {revoked.length > 0 && (
        <Card size="small" title="已失效的证书" className="ptce-section">
          <ListTable<CertificateInfo>
            rowKey="id"
            size="small"
            result={rowsResult(revoked)}
            empty="没有已失效的证书"
            card={{ title: (c) => `${c.year}年度 ${CERTIFICATE_KIND_LABEL[c.kind]}` }}
            columns={[
              { title: '年度', dataIndex: 'year' },
              { title: '证书', dataIndex: 'kind', render: (k: CertificateKind) => CERTIFICATE_KIND_LABEL[k] },
              { title: '编号', dataIndex: 'serial' },
              { title: '失效时间', dataIndex: 'revokedAt', render: (v: string) => formatDateTime(v) },
              { title: '原因', dataIndex: 'revokeReason' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
