import { useMemo } from 'react';
import { App, Breadcrumb, Button, Card, Col, Row, Select, Space, Tag } from 'antd';
import { StatCards } from './StatCards';
import { countCards } from './stat-cards';
import { bandsOption, rateBarsOption, sourcesOption, trendOption, type StatsUnitRow } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { errorMessage } from '../../api/client';
import { useRefreshStats, useStatsOverview, useStatsUnits } from '../../api/stats';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, param, SearchFilter, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { AreaTableCard } from './AreaTableCard';
import { RateMap } from './RateMap';
import { asOfText } from '../../lib/format';
import { areaColumns, industryColumns, STATS_YEARS, thisYear, unitColumns } from './stats-columns';
import { downloadStatsReport, exportStatsTable } from './stats-download';
import { StatsChart } from './StatsChart';
import { StatsDownloadButton } from './StatsDownloadButton';

const STATS_PARAMS = {
  year: param.int({ min: thisYear - 2, max: thisYear, fallback: thisYear }),
  region: param.text({ max: 6 }),
  industry: param.text({ max: 10 }),
  q: param.text({ max: 40 }),
  ...param.paging(),
};

/**
 * 统计分析 (notice 四(三)): the year in the caller's scope — headline figures, the map by 达标率 with its table,
 * industries, sources of hours, the distribution of hours, the monthly trend and the units most behind.
 * Every table exports to Excel; the report is a PDF drawn on the server. Drill-down: area → units → people.
 */
export default function StatsPage() {
  const { query, update } = useUrlParams(STATS_PARAMS);
  const filter = { year: query.year, region: query.region, industry: query.industry };
  const overview = useStatsOverview(filter);
  const units = useStatsUnits({ ...filter, page: query.page, pageSize: query.pageSize, q: query.q });
  const { data: me } = useMe();
  const refresh = useRefreshStats();
  const { message } = App.useApp();
  const o = overview.data;
  const region = o?.region ?? null;
  const cityCode = region ? (region.level === 'city' ? region.code : null) : null;
  const openArea = (code: string) => update({ region: code, page: 1 });
  const charts = useMemo(
    () =>
      o && {
        industries: rateBarsOption(o.industries),
        sources: sourcesOption(o.sources),
        bands: bandsOption(o.bands),
        trend: trendOption(o),
      },
    [o],
  );
  const crumbs = [
    { title: <a onClick={() => update({ region: undefined, page: 1 })}>广西壮族自治区</a> },
    ...(region?.level === 'county'
      ? [{ title: <a onClick={() => openArea(region.code.slice(0, 4) + '00')}>上级市</a> }]
      : []),
    ...(region ? [{ title: region.name }] : []),
  ];
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Select
              aria-label="年度"
              value={query.year}
              onChange={(year) => update({ year, page: 1 })}
              options={STATS_YEARS.map((y) => ({ value: y, label: `${y}年度` }))}
              style={{ width: 110 }}
            />
            <StatsDownloadButton primary run={() => downloadStatsReport(filter)} wait="正在生成统计报告（PDF）…">
              年度统计报告（PDF）
            </StatsDownloadButton>
            {me?.roles.includes('operator') && (
              <Button
                size="small"
                loading={refresh.isPending}
                onClick={() =>
                  refresh.mutate(query.year, {
                    onSuccess: () => void message.success('统计数据已刷新'),
                    onError: (e) => void message.error(errorMessage(e)),
                  })
                }
              >
                立即刷新
              </Button>
            )}
          </Space>
        }
      >
        统计分析
      </PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <Breadcrumb items={crumbs} />
        {query.industry && (
          <Tag closable onClose={() => update({ industry: undefined, page: 1 })}>
            行业：{o?.industries.find((i) => i.code === query.industry)?.name ?? query.industry}
          </Tag>
        )}
        <span className="ptce-muted">{asOfText(o?.dataAsOf)}（每分钟更新变动的人员）</span>
      </Space>
      <ErrorAlert error={overview.error} />
      {o && (
        <>
          <Row gutter={[12, 12]} className="ptce-section">
            <StatCards
              cards={countCards(o.totals, '专业技术人员', [['人均专业科目学时', o.totals.avgProfessional, '']])}
            />
          </Row>
          <Row gutter={[12, 12]} className="ptce-section">
            <Col xs={24} lg={12}>
              <Card size="small" title={`${region?.name ?? '全区'}达标率地图`}>
                {o.childLevel ? (
                  <RateMap cityCode={cityCode} areas={o.areas} onOpen={openArea} />
                ) : (
                  <p>已是县级地区，请查看下方单位排名。</p>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <AreaTableCard
                title="各地区"
                table="areas"
                filter={filter}
                rows={o.areas}
                columns={areaColumns(o?.childLevel, openArea)}
              />
            </Col>
          </Row>
          <Row gutter={[12, 12]} className="ptce-section">
            <Col xs={24} lg={12}>
              <Card size="small" title="各行业达标率">
                <StatsChart
                  option={charts!.industries}
                  height={Math.max(160, 26 * o.industries.length + 40)}
                  label="各行业达标率柱状图"
                  onClick={(e) => {
                    const hit = o.industries.find((i) => i.name === e.name);
                    if (hit?.code) update({ industry: hit.code, page: 1 });
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <AreaTableCard
                title="各行业"
                table="industries"
                filter={filter}
                rows={o.industries}
                columns={industryColumns((code) => update({ industry: code || undefined, page: 1 }))}
              />
            </Col>
          </Row>
          <Row gutter={[12, 12]} className="ptce-section">
            <Col xs={24} lg={8}>
              <Card size="small" title="专业科目学时来源（通过认定）">
                {o.sources.length ? (
                  <StatsChart option={charts!.sources} height={260} label="学时来源饼图" />
                ) : (
                  <p>本年度尚无通过认定的专业科目学时。</p>
                )}
                <ul className="ptce-muted" aria-label="学时来源">
                  {o.sources.map((s) => (
                    <li key={s.source}>
                      {s.label}：{s.hours}学时（{s.records}条）
                    </li>
                  ))}
                </ul>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="人员总学时分布">
                <StatsChart option={charts!.bands} height={260} label="总学时分布柱状图" />
                <p className="ptce-muted">
                  差一点（{o.bands.find((b) => b.band === 'short')?.label}）：
                  {o.bands.find((b) => b.band === 'short')?.people ?? 0}人
                </p>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="月度趋势与截止时间">
                <StatsChart option={charts!.trend} height={260} label="月度趋势折线图" />
                <p className="ptce-muted">
                  公需科目截止 {o.deadlines.publicDeadline}，专业科目截止 {o.deadlines.professionalDeadline}
                </p>
              </Card>
            </Col>
          </Row>
        </>
      )}
      <Card
        size="small"
        title="单位达标排名（达标率低的在前）"
        extra={
          <StatsDownloadButton run={() => exportStatsTable('units', { ...filter, q: query.q })}>
            导出Excel
          </StatsDownloadButton>
        }
      >
        <div style={{ marginBottom: 8 }}>
          <SearchFilter
            label="单位名称"
            value={query.q}
            maxLength={40}
            width={240}
            onSearch={(q) => update({ q, page: 1 })}
          />
        </div>
        <ListTable<StatsUnitRow>
          rowKey="unitId"
          size="small"
          columns={unitColumns(query.year)}
          result={units}
          empty="范围内没有单位"
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update, totalText: (n) => `共 ${n} 个单位` }}
        />
      </Card>
    </>
  );
}
