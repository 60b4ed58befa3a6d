// 公民身份号码 (GB 11643-1999). The rule lives in @ptce/contracts so the browser checks a number as
// the user types with exactly the code the server trusts.
export {
  idCheckChar,
  maskIdNumber,
  maskName,
  normalizeIdNumber,
  validateIdNumber,
  type IdNumberResult,
} from '@ptce/contracts';
