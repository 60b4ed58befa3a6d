import { Form, Input, InputNumber, Modal, Radio, type FormRule } from 'antd';
import { CHAPTER_KIND_LABEL, ChapterKind, CreateChapterRequest, type AdminCourseRow } from '@ptce/contracts';
import { useCreateChapter } from '../../api/course-admin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, zodRule } from '../../lib/form';

// 新增章节 — title, kind, required study time and, for a text chapter, its body. A PDF or video
// chapter is created first and gets its file from the chapter list (the upload needs the chapter).

interface ChapterValues {
  title: string;
  kind: ChapterKind;
  minutes: number | null;
  body?: string;
}

const KINDS = ChapterKind.options.map((k) => ({ value: k, label: CHAPTER_KIND_LABEL[k] }));
/** Fields the server may name in its refusal, as this form calls them. */
const FIELDS = ['title', 'kind', 'body'] as const;

/** Minutes in the form, seconds in the contract: the contract's own bounds, in the form's unit. */
const minutesRule: FormRule = {
  validator: async (_rule, value: number | null | undefined) => {
    if (value === null || value === undefined) throw new Error('请填写学习时长');
    const r = CreateChapterRequest.shape.requiredSeconds.safeParse(Math.round(value * 60));
    if (!r.success) throw new Error('学习时长须在1至360分钟之间');
  },
};

/** The same rule as the server's: a text chapter needs its body. */
const bodyRule: FormRule = ({ getFieldValue }) => ({
  validator: async (_rule, value: string | undefined) => {
    if (getFieldValue('kind') === 'text' && !value?.trim()) throw new Error('请填写章节正文');
  },
});

export function NewChapterModal({
  course,
  open,
  onClose,
  onCreated,
}: {
  course: AdminCourseRow;
  open: boolean;
  onClose: () => void;
  onCreated: (chapter: { id: number; seq: number; kind: ChapterKind; title: string }) => void;
}) {
  const [form] = Form.useForm<ChapterValues>();
  const create = useCreateChapter();
  const kind = Form.useWatch('kind', form) ?? 'text';

  const submit = (v: ChapterValues) => {
    const body: CreateChapterRequest = {
      title: v.title.trim(),
      kind: v.kind,
      requiredSeconds: Math.round((v.minutes ?? 0) * 60),
      ...(v.kind === 'text' ? { body: v.body ?? '' } : {}),
    };
    create.mutate(
      { courseId: course.id, body },
      {
        onSuccess: (r) => {
          onCreated({ ...r, kind: v.kind, title: body.title });
          form.resetFields();
          create.reset();
        },
        onError: (e) => applyFieldErrors(form, e, FIELDS),
      },
    );
  };

  const close = () => {
    if (create.isPending) return;
    create.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={`新增章节 ·《${course.title}》`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      onCancel={close}
      width={720}
      forceRender
    >
      <p className="ptce-muted">
        新章节排在本课程已有章节之后（第{course.chapterCount + 1}章）。PDF和视频章节保存后，在章节列表中上传文件。
      </p>
      <Form<ChapterValues>
        form={form}
        name="new-chapter"
        layout="vertical"
        initialValues={{ kind: 'text', minutes: 20 }}
        onFinish={submit}
      >
        <Form.Item name="title" label="章节标题" required rules={[zodRule(CreateChapterRequest.shape.title)]}>
          <Input maxLength={100} showCount autoComplete="off" placeholder="例如：第四章 共建“一带一路”的实践成果" />
        </Form.Item>
        <Form.Item name="kind" label="章节类型" required>
          <Radio.Group options={KINDS} optionType="button" />
        </Form.Item>
        <Form.Item
          name="minutes"
          label="学习时长（分钟）"
          required
          rules={[minutesRule]}
          extra={
            kind === 'video'
              ? '视频章节请填写视频的时长；学员学满该时长后本章完成。'
              : '学员在本章学满该时长后，本章学习完成。'
          }
        >
          <InputNumber min={1} max={360} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {kind === 'text' && (
          <Form.Item
            name="body"
            label="章节正文"
            required
            rules={[bodyRule, zodRule(CreateChapterRequest.shape.body, { skipEmpty: true })]}
            extra="段落之间空一行；以“## ”开头的一行为小标题，以“- ”开头的各行为列表。"
          >
            <Input.TextArea rows={10} maxLength={100_000} />
          </Form.Item>
        )}
      </Form>
      <ErrorAlert error={create.error} fields={FIELDS} />
    </Modal>
  );
}
