// 学员 (继续教育基地, 单位, 行业主管部门): the trainees of all the organiser's classes — who took which class, the
// hours and the 考核结果 — with ID numbers masked (the full numbers are in each class's roster export).
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { TRAINEE_RESULT_LABEL, TraineeResult, type OrganiserTraineeRow } from '@ptce/contracts';
import { useOrganiserTrainees } from '../../api/classes';
import { ListFilters, ListTable, ListToolbar, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { spanText } from '../../lib/format';

const LIST = {
  ...param.paging(),
  q: param.text({ max: 30 }),
  year: param.year(),
  result: param.oneOf(TraineeResult.options),
};

export default function TraineesPage() {
  const { query, update } = useUrlParams(LIST);
  const list = useOrganiserTrainees(query);

  const columns: TableColumnsType<OrganiserTraineeRow> = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 100 },
    { title: '身份证号码', dataIndex: 'idNumberMasked', key: 'idNumber', width: 180 },
    { title: '工作单位', dataIndex: 'unitName', key: 'unit' },
    {
      title: '培训班',
      key: 'class',
      render: (_, r) => (
        <>
          {/* A link, not a link-styled button: a long class name wraps on a phone's card. */}
          <Link to={`/classes/${r.classId}`}>{r.classTitle}</Link>
          {r.filingNumber && <div className="ptce-hint">{r.filingNumber}</div>}
        </>
      ),
    },
    { title: '起止日期', key: 'span', render: (_, r) => spanText(r) },
    { title: '实际学时', dataIndex: 'hours', key: 'hours', width: 90 },
    { title: '考核结果', key: 'status', width: 90, render: (_, r) => TRAINEE_RESULT_LABEL[r.result] },
  ];

  return (
    <>
      <PageTitle>学员</PageTitle>
      <p className="ptce-hint">
        本机构各培训班的学员。考核合格学员的学时已直接通过认定；更正或撤销学时请打开所在培训班。身份证号码隐去部分，完整号码见培训班的【导出学员名单】。
      </p>
      <ListToolbar
        filters={
          <ListFilters
            query={query}
            update={update}
            items={[
              { search: 'q', label: '姓名或身份证号码' },
              { year: 'year' },
              {
                choice: 'result',
                label: '考核结果',
                placeholder: '全部结果',
                labels: TRAINEE_RESULT_LABEL,
                order: TraineeResult.options,
              },
            ]}
          />
        }
      />
      <ListTable<OrganiserTraineeRow>
        rowKey="id"
        size="middle"
        columns={columns}
        result={list}
        errorTitle="学员加载失败"
        empty="暂无学员：在培训班中导入学员学时后在此查看"
        paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
      />
    </>
  );
}
