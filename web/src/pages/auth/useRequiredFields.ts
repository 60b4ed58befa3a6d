import { useState } from 'react';

export interface RequiredField<F extends string> {
  name: F;
  empty: boolean;
  /** Shown under the field when it is empty. */
  reason: string;
  focus: () => void;
}

/**
 * The required fields of a plain-markup form: `check` puts a reason under each empty one, moves the keyboard to the
 * first of them and says whether all were filled; `invalid` holds the reasons shown.
 */
export function useRequiredFields<F extends string>() {
  const [invalid, setInvalid] = useState<Partial<Record<F, string>>>({});
  const check = (fields: RequiredField<F>[]): boolean => {
    const missing = fields.filter((f) => f.empty);
    setInvalid(Object.fromEntries(missing.map((f) => [f.name, f.reason])) as Partial<Record<F, string>>);
    missing[0]?.focus();
    return missing.length === 0;
  };
  return { invalid, check };
}
