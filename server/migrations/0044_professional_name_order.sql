-- 达标情况 over a province, region or industry walks the professionals in name order and stops at the page
-- (modules/compliance/wide-compliance.ts). accounts_name_idx (text_pattern_ops, for 姓名 prefix searches) cannot give
-- that order: this one can, and only over professionals. (name, id) is the list's order and its keyset.
CREATE INDEX accounts_professional_name_idx ON accounts (name, id) WHERE kind = 'professional';
