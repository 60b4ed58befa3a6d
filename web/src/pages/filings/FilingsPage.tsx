// 培训备案 (a base's console): whether it may file now, its filings by state, its classes of the year chosen
// in the list's 年度 (培训班数, 学员人次, 合格人数, 认定学时合计), 新建培训备案. Open one to edit, submit, see
// the 退回 reason or request a 变更.
import { Alert, Button, Card, Space, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { FILING_STATUS_LABEL, FilingStatus, type FilingRow } from '@ptce/contracts';
import { useBaseConsole, useFilings } from '../../api/bases';
import { ListFilters, ListTable, ListToolbar, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { filingColumns } from './filing-columns';

const LIST = {
  ...param.paging(),
  q: param.text({ max: 100 }),
  status: param.oneOf(FilingStatus.options),
  year: param.year(),
};

export default function FilingsPage() {
  const navigate = useNavigate();
  const { query, update } = useUrlParams(LIST);
  const list = useFilings(query);
  const { data: c } = useBaseConsole(query.year);
  const open = (f: FilingRow) => void navigate(`/filings/${f.id}`);

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" disabled={c ? !c.canFile : false} onClick={() => void navigate('/filings/new')}>
            新建培训备案
          </Button>
        }
      >
        培训备案
      </PageTitle>
      {c?.refusal && <Alert className="ptce-section" type="warning" showIcon message={c.refusal} />}
      {c && (
        <Card className="ptce-section" size="small" title={c.base.name}>
          <Space size="large" wrap>
            <Statistic title="草稿" value={c.filings.draft} />
            <Statistic title="待审核" value={c.filings.pending} />
            <Statistic title="退回" value={c.filings.returned} />
            <Statistic title="已备案" value={c.filings.filed} />
            <Statistic title="变更待审核" value={c.filings.changePending} />
          </Space>
        </Card>
      )}
      {c && (
        <Card className="ptce-section" size="small" title={`${c.stats.year}年度培训班统计`}>
          <Space size="large" wrap>
            <Statistic title="培训班数" value={c.stats.classes} />
            <Statistic title="学员人次" value={c.stats.trainees} />
            <Statistic title="合格人数" value={c.stats.passed} />
            <Statistic title="认定学时合计" value={c.stats.creditedHours} />
          </Space>
        </Card>
      )}
      <p className="ptce-hint">
        培训项目须在举办前备案：填写项目信息和课程安排，保存草稿后提交审核；审核通过即取得备案号，可在“培训班”中建立培训班并导入学员学时。
      </p>
      <ListToolbar
        filters={
          <ListFilters
            query={query}
            update={update}
            items={[
              { search: 'q', label: '项目名称或备案号' },
              {
                choice: 'status',
                label: '状态',
                placeholder: '全部状态',
                labels: FILING_STATUS_LABEL,
                order: FilingStatus.options,
              },
              { year: 'year' },
            ]}
          />
        }
      />
      <ListTable<FilingRow>
        rowKey="id"
        size="middle"
        columns={filingColumns({ reviewer: false, open })}
        result={list}
        errorTitle="培训备案加载失败"
        empty="暂无培训备案"
        paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
      />
    </>
  );
}
