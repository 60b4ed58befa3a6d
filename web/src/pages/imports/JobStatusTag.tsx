import { Tag } from 'antd';
import { IMPORT_JOB_STATUS_LABEL, type ImportJob } from '@ptce/contracts';

const STATUS_COLOR: Record<ImportJob['status'], string> = {
  validating: 'processing',
  writing: 'processing',
  done: 'success',
  rejected: 'error',
  failed: 'error',
};

export function JobStatusTag({ status }: { status: ImportJob['status'] }) {
  return <Tag color={STATUS_COLOR[status]}>{IMPORT_JOB_STATUS_LABEL[status]}</Tag>;
}
