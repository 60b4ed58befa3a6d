/** Evidence files (证明材料) of a professional-hours record. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;
export const EVIDENCE_FORMATS_TEXT = 'PDF、JPG、PNG';
export const EVIDENCE_RULE_TEXT = `${EVIDENCE_FORMATS_TEXT}格式，单个不超过${MAX_EVIDENCE_BYTES / 1024 / 1024}MB，最多${MAX_EVIDENCE_FILES}个`;

export const evidenceMessages = {
  tooLarge: () => `证明材料不能超过${MAX_EVIDENCE_BYTES / 1024 / 1024}MB`,
  tooMany: () => `每条记录最多上传${MAX_EVIDENCE_FILES}个证明材料`,
};
