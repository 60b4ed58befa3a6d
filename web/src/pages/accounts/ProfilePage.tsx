import { useState } from 'react';
import { Button, Card, Descriptions, Space } from 'antd';
import { useMe } from '../../api/auth';
import { PageTitle } from '../../components/PageTitle';
import { genderLabel, roleLabel } from '../../lib/format';
import { ChangeUnitModal } from './ChangeUnitModal';
import { ProfileForm } from './ProfileForm';
import { WechatBindingCard } from './WechatBindingCard';

/** 我的信息 */
export default function ProfilePage() {
  const { data: me } = useMe();
  const [unitDialog, setUnitDialog] = useState<{ open: boolean; session: number } | null>(null);
  if (!me) return null;
  const isPerson = me.idNumberMasked != null;
  // Only a professional changes their own unit; admins belong to the unit that created them.
  const changesUnit = me.kind === 'professional';
  const unitAction = changesUnit && (
    <Button size="small" onClick={() => setUnitDialog((d) => ({ open: true, session: (d?.session ?? 0) + 1 }))}>
      {me.unit ? '更改单位' : '选择单位'}
    </Button>
  );

  const items = [
    { key: 'name', label: '姓名', children: me.name },
    isPerson
      ? { key: 'id', label: '身份证号码', children: me.idNumberMasked }
      : { key: 'username', label: '用户名', children: me.username },
    ...(isPerson
      ? [
          { key: 'gender', label: '性别', children: genderLabel(me.gender) },
          { key: 'birth', label: '出生日期', children: me.birthDate ?? '—' },
        ]
      : []),
    me.unit || changesUnit
      ? {
          key: 'unit',
          label: '人事（劳动）关系所在单位',
          children: (
            <Space wrap size={[12, 4]}>
              <span>{me.unit?.name ?? '未选择'}</span>
              {unitAction}
            </Space>
          ),
        }
      : { key: 'org', label: '所在机构', children: me.organizationName ?? '—' },
    ...(me.kind === 'professional' ? [] : [{ key: 'dept', label: '所属部门', children: me.department?.name ?? '—' }]),
    { key: 'role', label: '账号类型', children: roleLabel(me.roles) },
  ];

  return (
    <>
      <PageTitle>我的信息</PageTitle>
      <Card title="基本信息" className="ptce-section">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={items} />
        {changesUnit && (
          <p className="ptce-hint">
            如人事（劳动）关系所在单位有变动，请先点击【{me.unit ? '更改单位' : '选择单位'}
            】更改所在单位信息，再提交学时审核。
          </p>
        )}
      </Card>
      <Card title="联系方式与所属部门" className="ptce-section">
        {/* A new unit has other departments: the form starts over with the cleared 所属部门. */}
        <ProfileForm key={me.unit?.id ?? 'none'} me={me} />
      </Card>
      {me.kind === 'professional' && <WechatBindingCard />}
      {unitDialog && (
        <ChangeUnitModal
          key={unitDialog.session}
          open={unitDialog.open}
          me={me}
          onClose={() => setUnitDialog((d) => d && { ...d, open: false })}
          afterClose={() => setUnitDialog(null)}
        />
      )}
    </>
  );
}
