import { SAMPLE_OF_LABEL, type SpotCheckDraw, type SpotCheckSummary } from '@ptce/contracts';
import { SPOT_CHECK_FINDING_LABELS, type SpotCheckFinding } from '@ptce/rules';

export const STATUS_LABEL: Record<SpotCheckSummary['status'], string> = { open: '进行中', finished: '已结束' };
export const FINDING_COLOR: Record<SpotCheckFinding, string> = { true: 'green', false: 'red', incomplete: 'orange' };
export const findingLabel = (f: SpotCheckFinding | null) => (f ? SPOT_CHECK_FINDING_LABELS[f] : '待核查');
export const sampleOfLabel = (s: SpotCheckSummary['sampleOf']) => SAMPLE_OF_LABEL[s];
export const sizeLabel = (s: SpotCheckDraw['unitSize']) => (s.mode === 'percent' ? `${s.value}%` : `${s.value}个`);
