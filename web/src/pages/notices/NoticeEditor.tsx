import { useEffect, useMemo, useRef } from 'react';
import { Form, Input, Select, Tabs, TreeSelect, type InputRef } from 'antd';
import {
  NOTICE_AUDIENCE_LABEL,
  NOTICE_BODY_MAX,
  NOTICE_TITLE_MAX,
  NoticeAudience,
  type NoticeInput,
} from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useAdminNotice, useSaveNotice } from '../../api/notices';
import { useIndustries, useRegions } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal, type DialogProps } from '../../components/FormModal';
import { MarkdownText } from '../../components/markdown/MarkdownText';
import { regionTree } from '../org/unit-regions';

const AUDIENCE_OPTIONS = NoticeAudience.options.map((value) => ({ value, label: NOTICE_AUDIENCE_LABEL[value] }));

const BODY_HELP = '支持 Markdown：“## ”标题、“- ”列表、“1. ”编号列表、**加粗**、[链接文字](https://…)；不支持HTML。';

/** 新建通知 / 修改: title, audience, Markdown body with a 预览 tab. Attachments are managed from the list. */
export function NoticeEditor({ open, target, onClose, afterClose }: DialogProps<number | null>) {
  const [form] = Form.useForm<NoticeInput>();
  const titleRef = useRef<InputRef>(null);
  const existing = useAdminNotice(target);
  const save = useSaveNotice();
  const { data: me } = useMe();
  const regions = useRegions();
  const industries = useIndustries();
  const audience = Form.useWatch('audience', form);
  const body = Form.useWatch('body', form) ?? '';
  const regionOptions = useMemo(() => regionTree(regions.data ?? [], me), [regions.data, me]);

  useEffect(() => {
    if (target === null) form.setFieldsValue({ title: '', body: '', audience: 'everyone' });
    else if (existing.data)
      form.setFieldsValue({
        title: existing.data.title,
        body: existing.data.body,
        audience: existing.data.audience,
        regionCode: existing.data.regionCode ?? undefined,
        industryCode: existing.data.industryCode ?? undefined,
      });
  }, [target, existing.data, form]);

  const submit = (v: NoticeInput) =>
    save.mutate(
      {
        id: target,
        input: {
          ...v,
          regionCode: v.audience === 'region' ? v.regionCode : null,
          industryCode: v.audience === 'industry' ? v.industryCode : null,
        },
      },
      { onSuccess: onClose },
    );

  return (
    <FormModal<NoticeInput>
      open={open}
      title={target === null ? '新建通知' : '修改通知'}
      width={800}
      onClose={onClose}
      afterClose={afterClose}
      focusRef={titleRef}
      save={save}
      form={form}
      name="notice"
      onFinish={submit}
    >
      <Form.Item
        label="标题"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: NOTICE_TITLE_MAX }]}
      >
        <Input ref={titleRef} maxLength={NOTICE_TITLE_MAX} showCount />
      </Form.Item>
      <Form.Item label="发送对象" name="audience" rules={[{ required: true }]}>
        <Select options={AUDIENCE_OPTIONS} />
      </Form.Item>
      {audience === 'region' && (
        <Form.Item
          label="地区"
          name="regionCode"
          rules={[{ required: true, message: '请选择通知的地区' }]}
          extra="该地区（含下辖区县）的专业技术人员、单位管理员和人社局可见"
        >
          <TreeSelect
            treeData={regionOptions}
            fieldNames={{ label: 'label', value: 'value', children: 'children' }}
            showSearch={{ treeNodeFilterProp: 'label' }}
            placeholder="选择市或区县"
            loading={regions.isPending}
          />
        </Form.Item>
      )}
      {audience === 'industry' && (
        <Form.Item label="行业" name="industryCode" rules={[{ required: true, message: '请选择通知的行业' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={industries.isPending}
            options={(industries.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            placeholder="选择行业"
          />
        </Form.Item>
      )}
      <Tabs
        items={[
          {
            key: 'edit',
            label: '编辑',
            children: (
              <Form.Item name="body" extra={BODY_HELP} rules={[{ max: NOTICE_BODY_MAX }]} label="正文">
                <Input.TextArea autoSize={{ minRows: 10, maxRows: 22 }} />
              </Form.Item>
            ),
          },
          {
            key: 'preview',
            label: '预览',
            children: body.trim() ? <MarkdownText source={body} /> : <p className="ptce-hint">尚未填写正文</p>,
          },
        ]}
      />
      <ErrorAlert error={save.error ?? existing.error} />
    </FormModal>
  );
}
