import { useEffect, useMemo, useRef, useState } from 'react';
import {
  App,
  Button,
  Card,
  Cascader,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Typography,
  type InputRef,
  type TableProps,
} from 'antd';
import { useSearchParams } from 'react-router';
import {
  UNIT_TYPE_LABEL,
  UnitInput,
  type AuthoritySummary,
  type IssuedPassword,
  type Me,
  type Region,
  type UnitRow,
} from '@ptce/contracts';
import { regionCovers } from '@ptce/rules';
import { useMe } from '../../api/auth';
import { errorMessage, isApiError } from '../../api/client';
import {
  useAuthoritySearch,
  useCreateUnit,
  useReissueUnitPassword,
  useUnits,
  useUpdateUnit,
  type UnitListParams,
  type UnitUpdateBody,
} from '../../api/org';
import { useIndustries, useRegions } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { applyFieldErrors, zodRule } from '../../lib/form';
import { hasAnyRole } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { IssuedPasswordNotice } from './IssuedPasswordNotice';
import { useConfirmAction } from './useConfirmAction';

// 单位管理 — units are created by the platform operator or by a city/county HR bureau within its
// region, each with its 单位账号 (username = 统一社会信用代码, a random initial password shown once
// and valid 7 days; 重新生成初始密码 issues a new one).

type UnitType = UnitInput['unitType'];
const UNIT_TYPES = Object.entries(UNIT_TYPE_LABEL).map(([value, label]) => ({ value: value as UnitType, label }));
const PAGE_SIZES = [20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;
const FIELDS = ['name', 'creditCode', 'regionCode', 'industryCode', 'supervisingAuthorityId', 'unitType'] as const;

// ---------- regions: city → county ----------

interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

/** 区/县 under their 市; an HR bureau only sees its own city or county. */
function regionTree(regions: readonly Region[], me: Me | null | undefined): RegionOption[] {
  const limit = me && hasAnyRole(me, ['hr_bureau']) && !hasAnyRole(me, ['operator']) ? me.regionCode : null;
  // Within the bureau's region, or the city a county bureau lies in (the tree's parent).
  const inLimit = (code: string) => !limit || regionCovers(limit, code) || regionCovers(code, limit);
  return regions
    .filter((r) => r.level === 'city' && inLimit(r.code))
    .map((city) => {
      const counties = regions
        .filter((r) => r.level === 'county' && r.parentCode === city.code && inLimit(r.code))
        .map((c) => ({ value: c.code, label: c.name }));
      return { value: city.code, label: city.name, ...(counties.length ? { children: counties } : {}) };
    });
}

/** The Cascader path of a region code: [city] or [city, county]. */
function regionPath(code: string | undefined, regions: readonly Region[]): string[] | undefined {
  if (!code) return undefined;
  const r = regions.find((x) => x.code === code);
  if (!r) return undefined;
  return r.level === 'county' && r.parentCode ? [r.parentCode, r.code] : [r.code];
}

// ---------- 主管部门 ----------

function AuthoritySelect({
  id,
  value,
  onChange,
  initial,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  initial?: { id: number; name: string } | null;
}) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search, 300);
  const result = useAuthoritySearch(term, open);
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(initial ?? null);
  const list = useMemo(() => {
    const found: { id: number; name: string; kind?: AuthoritySummary['kind'] }[] = result.data ?? [];
    return chosen && !found.some((a) => a.id === chosen.id) ? [chosen, ...found] : found;
  }, [result.data, chosen]);
  const searching = open && (search !== term || result.isFetching);

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      placeholder="输入名称搜索主管部门"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      loading={searching}
      notFoundContent={
        searching ? (
          <span className="ptce-select-status">
            <Spin size="small" /> 正在查询…
          </span>
        ) : result.isError ? (
          `查询失败：${errorMessage(result.error)}`
        ) : (
          '未找到匹配的主管部门'
        )
      }
      options={list.map((a) => ({ value: a.id, label: a.name }))}
      onChange={(v) => {
        const a = list.find((x) => x.id === v);
        setChosen(a ? { id: a.id, name: a.name } : null);
        onChange?.(v ?? null);
      }}
    />
  );
}

// ---------- 新增单位 / 修改 ----------

interface UnitValues {
  name: string;
  creditCode?: string;
  region?: string[];
  industryCode?: string | null;
  supervisingAuthorityId?: number | null;
  unitType: UnitType;
}

function UnitModal({
  open,
  target,
  onClose,
  afterClose,
}: {
  open: boolean;
  target: UnitRow | null;
  onClose: () => void;
  afterClose: () => void;
}) {
  const [form] = Form.useForm<UnitValues>();
  const nameRef = useRef<InputRef>(null);
  const { data: me } = useMe();
  const regions = useRegions();
  const industries = useIndustries();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = target ? update : create;
  const { modal, message } = App.useApp();
  const regionOptions = useMemo(() => regionTree(regions.data ?? [], me), [regions.data, me]);

  // The region path can be drawn only once the regions have arrived.
  useEffect(() => {
    if (target && regions.data && !form.isFieldTouched('region'))
      form.setFieldValue('region', regionPath(target.regionCode, regions.data));
  }, [target, regions.data, form]);

  const submit = (v: UnitValues) => {
    const regionCode = v.region?.at(-1) ?? '';
    const body = {
      name: v.name.trim(),
      regionCode,
      industryCode: v.industryCode ?? null,
      supervisingAuthorityId: v.supervisingAuthorityId ?? null,
      unitType: v.unitType,
    };
    const onError = (e: unknown) => {
      // The region Cascader is the form's `region` field.
      let shown = applyFieldErrors(form, e, FIELDS);
      const d = isApiError(e) ? e.details.find((x) => x.field === 'regionCode') : undefined;
      if (d) {
        form.setFields([{ name: 'region', errors: [d.reason] }]);
        shown = true;
      }
      // The keyboard follows the server's reason to its input.
      if (shown) form.focusField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? []);
    };
    if (target) {
      const changed: UnitUpdateBody = {};
      if (body.name !== target.name) changed.name = body.name;
      if (body.regionCode !== target.regionCode) changed.regionCode = body.regionCode;
      if (body.industryCode !== target.industryCode) changed.industryCode = body.industryCode;
      if (body.supervisingAuthorityId !== target.supervisingAuthorityId)
        changed.supervisingAuthorityId = body.supervisingAuthorityId;
      if (body.unitType !== target.unitType) changed.unitType = body.unitType;
      update.mutate(
        { id: target.id, ...changed },
        {
          onSuccess: () => {
            message.success('保存成功');
            onClose();
          },
          onError,
        },
      );
    } else {
      const creditCode = (v.creditCode ?? '').trim().toUpperCase();
      create.mutate(
        { ...body, creditCode },
        {
          onSuccess: (created) => {
            onClose();
            modal.success({
              title: '新增单位成功',
              width: 480,
              content: (
                <>
                  <IssuedPasswordNotice
                    issued={created.account}
                    lead="已同时创建该单位的单位账号（用户名为统一社会信用代码），请告知单位："
                  />
                  <p style={{ marginTop: 8 }}>登录时选择“单位管理员”。</p>
                </>
              ),
              okText: '我已记下',
            });
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={target ? `修改单位：${target.name}` : '新增单位'}
      okText="保存"
      cancelText="取消"
      width={560}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={(o) => o && nameRef.current?.focus()}
      okButtonProps={{ htmlType: 'submit', loading: mutation.isPending }}
      maskClosable={false}
      modalRender={(dom) => (
        <Form<UnitValues>
          form={form}
          name="unit"
          layout="vertical"
          scrollToFirstError={{ focus: true }}
          initialValues={
            target
              ? {
                  name: target.name,
                  industryCode: target.industryCode,
                  supervisingAuthorityId: target.supervisingAuthorityId,
                  unitType: target.unitType,
                  region: regionPath(target.regionCode, regions.data ?? []),
                }
              : { unitType: 'institution' }
          }
          onFinish={submit}
          onValuesChange={() => mutation.isError && mutation.reset()}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item label="单位名称" name="name" required rules={[zodRule(UnitInput.shape.name)]}>
        <Input ref={nameRef} maxLength={60} autoComplete="off" />
      </Form.Item>
      {target ? (
        <Form.Item label="统一社会信用代码" extra="统一社会信用代码即单位账号的用户名，不能修改。">
          <span>{target.creditCode}</span>
        </Form.Item>
      ) : (
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          validateFirst
          normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
          extra="18位，由登记管理部门代码、机构类别代码、登记管理机关行政区划码、主体标识码和校验码组成；它将作为单位账号的用户名。"
          rules={[{ required: true, message: '请输入统一社会信用代码' }, zodRule(UnitInput.shape.creditCode)]}
        >
          <Input maxLength={18} autoComplete="off" placeholder="18位统一社会信用代码" />
        </Form.Item>
      )}
      <Form.Item
        label="所在地区"
        name="region"
        rules={[{ required: true, message: '请选择所在地区' }]}
        validateStatus={regions.isError ? 'error' : undefined}
        help={regions.isError ? `地区列表加载失败：${errorMessage(regions.error)}` : undefined}
      >
        <Cascader<RegionOption>
          options={regionOptions}
          changeOnSelect
          placeholder="请选择市 / 县（区）"
          loading={regions.isPending}
          showSearch={{ filter: (input, path) => path.some((o) => o.label.includes(input.trim())) }}
          notFoundContent={regions.isPending ? '正在加载…' : '无匹配地区'}
        />
      </Form.Item>
      <Form.Item label="行业" name="industryCode">
        <Select<string>
          allowClear
          placeholder="请选择行业"
          loading={industries.isPending}
          options={(industries.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label="主管部门" name="supervisingAuthorityId">
        <AuthoritySelect
          initial={
            target?.supervisingAuthorityId
              ? {
                  id: target.supervisingAuthorityId,
                  name: target.supervisingAuthorityName ?? `#${target.supervisingAuthorityId}`,
                }
              : null
          }
        />
      </Form.Item>
      <Form.Item label="单位类型" name="unitType" rules={[{ required: true, message: '请选择单位类型' }]}>
        <Select<UnitType> options={UNIT_TYPES} />
      </Form.Item>
      <ErrorAlert error={mutation.error} title="保存失败" fields={[...FIELDS, 'region']} />
    </Modal>
  );
}

// ---------- the list ----------

function positiveInt(s: string | null, fallback: number, max: number): number {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function paramsToQuery(p: URLSearchParams): UnitListParams {
  const q: UnitListParams = {
    page: positiveInt(p.get('page'), 1, 100000),
    pageSize: positiveInt(p.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
  };
  const text = p.get('q')?.trim();
  if (text) q.q = text.slice(0, 60);
  const region = p.get('regionCode');
  if (region && /^\d{6}$/.test(region)) q.regionCode = region;
  return q;
}

function queryToParams(q: UnitListParams): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.regionCode) p.set('regionCode', q.regionCode);
  if (q.page !== 1) p.set('page', String(q.page));
  if (q.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(q.pageSize));
  return p;
}

interface FilterValues {
  q?: string;
  region?: string[];
}

/** 单位管理 — operators and HR bureaus manage units; authorities may only look. */
export default function UnitsPage() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const query = paramsToQuery(params);
  const units = useUnits(query);
  const regions = useRegions();
  const industries = useIndustries();
  const [form] = Form.useForm<FilterValues>();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const canManage = me ? hasAnyRole(me, ['operator', 'hr_bureau']) : false;
  const reissue = useReissueUnitPassword();
  const confirm = useConfirmAction();
  const [dialog, setDialog] = useState<{ open: boolean; target: UnitRow | null; session: number } | null>(null);
  const openDialog = (target: UnitRow | null) =>
    setDialog((d) => ({ open: true, target, session: (d?.session ?? 0) + 1 }));

  const regionOptions = useMemo(() => regionTree(regions.data ?? [], me), [regions.data, me]);
  const industryName = useMemo(() => new Map((industries.data ?? []).map((i) => [i.code, i.name])), [industries.data]);

  const paramsKey = params.toString();
  useEffect(() => {
    const q = paramsToQuery(new URLSearchParams(paramsKey));
    form.setFieldsValue({ q: q.q, region: regionPath(q.regionCode, regions.data ?? []) });
  }, [paramsKey, form, regions.data]);

  const search = (v: FilterValues) =>
    setParams(
      queryToParams({ page: 1, pageSize: query.pageSize, q: v.q?.trim() || undefined, regionCode: v.region?.at(-1) }),
    );

  const editColumn = canManage
    ? [
        {
          title: '操作',
          key: 'actions',
          width: desktop ? 190 : 110,
          render: (_: unknown, r: UnitRow) => (
            <Space size={0} wrap={desktop} orientation={desktop ? 'horizontal' : 'vertical'} align="start">
              <Button type="link" size="small" onClick={() => openDialog(r)} aria-label={`修改 ${r.name}`}>
                修改
              </Button>
              <Button
                type="link"
                size="small"
                aria-label={`重新生成初始密码 ${r.name}`}
                onClick={() =>
                  confirm({
                    title: `重新生成“${r.name}”单位账号的初始密码？`,
                    content: '原密码立即失效，该单位账号已登录的会话将退出；新密码7日内有效，首次登录须修改。',
                    okText: '重新生成',
                    run: () => reissue.mutateAsync(r.id),
                    done: '已重新生成初始密码',
                    failTitle: '重新生成初始密码失败',
                    answer: (issued: IssuedPassword) => ({
                      title: '已重新生成初始密码',
                      content: (
                        <IssuedPasswordNotice issued={issued} lead={`请将“${r.name}”单位账号的新初始密码告知单位：`} />
                      ),
                    }),
                  })
                }
              >
                重新生成初始密码
              </Button>
            </Space>
          ),
        },
      ]
    : [];
  const META = { color: 'rgba(0, 0, 0, 0.55)', fontSize: 12 } as const;

  const columns: TableProps<UnitRow>['columns'] = desktop
    ? [
        {
          title: '单位名称',
          dataIndex: 'name',
          render: (v: string, r) => (
            <>
              <div>{v}</div>
              <div style={META}>{UNIT_TYPE_LABEL[r.unitType] ?? r.unitType}</div>
            </>
          ),
        },
        { title: '统一社会信用代码', dataIndex: 'creditCode', width: 185 },
        { title: '所在地区', dataIndex: 'regionName', width: 100, render: (v: string) => v || '—' },
        {
          title: '行业 / 主管部门',
          key: 'industry',
          width: 220,
          render: (_: unknown, r) => (
            <>
              <div>{r.industryCode ? (industryName.get(r.industryCode) ?? r.industryCode) : '—'}</div>
              <div style={META}>{r.supervisingAuthorityName ?? '未设置主管部门'}</div>
            </>
          ),
        },
        { title: '专业技术人员', dataIndex: 'staffCount', width: 110, align: 'right' },
        ...editColumn,
      ]
    : [
        {
          title: '单位名称',
          key: 'name',
          width: 230,
          render: (_: unknown, r) => (
            <>
              <div>{r.name}</div>
              <div style={META}>
                {r.creditCode} · {r.regionName || '—'} · {r.staffCount}人
              </div>
            </>
          ),
        },
        ...editColumn,
      ];

  return (
    <>
      <PageTitle
        extra={
          canManage && (
            <Button type="primary" onClick={() => openDialog(null)}>
              新增单位
            </Button>
          )
        }
      >
        单位管理
      </PageTitle>
      <Card className="ptce-section">
        <Form<FilterValues> form={form} name="unit-filter" layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item label="单位名称或统一社会信用代码" name="q">
                <Input allowClear maxLength={60} placeholder="输入单位名称或统一社会信用代码" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item label="所在地区" name="region">
                <Cascader<RegionOption>
                  options={regionOptions}
                  changeOnSelect
                  allowClear
                  placeholder="全部地区"
                  loading={regions.isPending}
                  showSearch={{ filter: (input, path) => path.some((o) => o.label.includes(input.trim())) }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8} className="ptce-filter-actions">
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={units.isFetching}>
                  查询
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    setParams(queryToParams({ page: 1, pageSize: query.pageSize }));
                  }}
                >
                  重置
                </Button>
              </Space>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card className="ptce-section" styles={{ body: { padding: desktop ? 24 : 12 } }}>
        <ErrorAlert error={units.error} title="单位列表加载失败" />
        <Table<UnitRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={units.data?.items ?? []}
          loading={units.isFetching}
          scroll={{ x: desktop ? 900 : 300 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: units.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            simple: !desktop,
            showTotal: (t) => `共 ${t} 个单位`,
            onChange: (page, pageSize) =>
              setParams(queryToParams({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
          }}
          locale={{ emptyText: units.isPending ? '正在加载…' : '没有符合条件的单位' }}
        />
      </Card>
      {dialog && (
        <UnitModal
          key={dialog.session}
          open={dialog.open}
          target={dialog.target}
          onClose={() => setDialog((d) => d && { ...d, open: false })}
          afterClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
