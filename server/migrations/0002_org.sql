-- Organization: unit types, lookups by unit and kind (staff lists, admin lists).
ALTER TABLE units ADD CONSTRAINT units_type_check CHECK (unit_type IN ('institution', 'enterprise', 'government', 'social', 'other'));
CREATE INDEX accounts_unit_kind_idx ON accounts (unit_id, kind, department_id);
CREATE INDEX units_authority_idx ON units (supervising_authority_id);
CREATE INDEX units_industry_idx ON units (industry_code);
