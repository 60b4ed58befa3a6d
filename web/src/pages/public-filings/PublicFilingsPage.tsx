// /public/filings: 培训项目公示 — the filed classes open to everyone (招生范围 公开), searchable without a login.
import { Card, Descriptions } from 'antd';
import { Link } from 'react-router';
import { FILING_FORM_LABEL, type PublicFiling } from '@ptce/contracts';
import { usePublicFilings } from '../../api/bases';
import { useIndustries } from '../../api/reference';
import { PublicFrame } from '../../components/AuthFrame';
import { ListFilters, ListTable, ListToolbar, param, useUrlParams } from '../../components/list';
import { OUTSIDE_PAGES } from '../../page-help';

const LIST = {
  ...param.paging(),
  q: param.text({ max: 100 }),
  industryCode: param.text({ max: 10 }),
  year: param.year(),
};

export default function PublicFilingsPage() {
  const { query, update } = useUrlParams(LIST);
  const list = usePublicFilings(query);
  const industries = useIndustries();
  const industryOptions = (industries.data ?? []).map((i) => ({ value: i.code, label: i.name }));

  return (
    <PublicFrame help={OUTSIDE_PAGES.publicFilings} mainClassName="ptce-public-main">
      <Card title={<h1 className="ptce-public-title">培训项目公示</h1>} className="ptce-public-card">
        <p>
          以下为继续教育基地已备案、面向社会公开招生的培训项目。参加培训并考核合格的，学时由基地导入学时档案，本人无需登记；如有疑问请联系举办基地。
          <Link to="/login">返回登录</Link>
        </p>
        <ListToolbar
          filters={
            <ListFilters
              query={query}
              update={update}
              items={[
                { search: 'q', label: '项目名称、备案号或基地', width: 260 },
                {
                  choice: 'industryCode',
                  label: '项目类目（行业）',
                  placeholder: '全部行业',
                  options: industryOptions,
                  width: 200,
                  loading: industries.isPending,
                },
                { year: 'year' },
              ]}
            />
          }
        />
        <ListTable<PublicFiling>
          rowKey="id"
          size="middle"
          result={list}
          errorTitle="培训项目加载失败"
          empty="没有符合条件的培训项目"
          scroll={{ x: 900 }}
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
          expandable={{
            expandedRowRender: (f) => (
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label="主办单位">{f.organiser}</Descriptions.Item>
                <Descriptions.Item label="承办单位">{f.coOrganiser || '—'}</Descriptions.Item>
                <Descriptions.Item label="专业领域">{f.field}</Descriptions.Item>
                <Descriptions.Item label="计划人数">{f.plannedTrainees}人</Descriptions.Item>
                <Descriptions.Item label="收费说明">{f.feeNote || '—'}</Descriptions.Item>
                <Descriptions.Item label="基地电话">{f.basePhone}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: '项目名称', dataIndex: 'name', key: 'name' },
            { title: '备案号', dataIndex: 'filingNo', key: 'no', width: 170 },
            { title: '继续教育基地', dataIndex: 'baseName', key: 'base' },
            { title: '行业', dataIndex: 'industryName', key: 'industry', width: 110 },
            { title: '培训形式', key: 'form', width: 80, render: (_, f) => FILING_FORM_LABEL[f.form] },
            { title: '培训时间', key: 'span', width: 190, render: (_, f) => `${f.startDate} 至 ${f.endDate}` },
            { title: '培训地点', dataIndex: 'place', key: 'place' },
            { title: '学时', dataIndex: 'hours', key: 'hours', width: 60 },
            {
              title: '收费标准',
              key: 'fee',
              width: 90,
              render: (_, f) => (f.feePerPerson > 0 ? `${f.feePerPerson}元/人` : '免费'),
            },
          ]}
        />
      </Card>
    </PublicFrame>
  );
}
