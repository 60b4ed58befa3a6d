import { SAMPLE_OF_LABEL, type SpotCheckSummary } from '@ptce/contracts';
import { SPOT_CHECK_FINDING_LABELS, type SpotCheckFinding } from '@ptce/rules';

export const FINDING_COLOR: Record<SpotCheckFinding, string> = { true: 'green', false: 'red', incomplete: 'orange' };
export const findingLabel = (f: SpotCheckFinding | null) => (f ? SPOT_CHECK_FINDING_LABELS[f] : '待核查');
export const sampleOfLabel = (s: SpotCheckSummary['sampleOf']) => SAMPLE_OF_LABEL[s];
