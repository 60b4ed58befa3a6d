import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTION_LABEL, hasAuditActionLabel, IMPORT_KINDS } from '@ptce/contracts';
import { describe, expect, it } from 'vitest';

/**
 * 审计日志 in Chinese: every audit action code the server writes has a label in the one table,
 * packages/contracts/src/audit-labels.ts (AUDIT_ACTION_LABEL). This test reads server/src and finds the
 * codes where they are written: `action: '…'` / `action = '…'` (writeAudit's event, auditEntriesSql's
 * expressions, a local const) and the first argument of an `audit('…', …)` / `writeAudit('…')` helper.
 * Codes are dotted (area.verb, e.g. 'notice.publish').
 */
const serverSrc = join(dirname(fileURLToPath(import.meta.url)), '../src');
const repoRoot = join(serverSrc, '../..');
const LABELS_FILE = 'packages/contracts/src/audit-labels.ts';

/** Codes built from a template (`imports.${kind}`): the prefix and the values it is completed with. */
const DYNAMIC: Record<string, readonly string[]> = {
  'imports.': IMPORT_KINDS,
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const CODE = /['"]([a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)+)['"]/g;
const TEMPLATE = /`'?([a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)*\.)\$\{/g;
const ACTION_EXPR = /\baction\s*(?::|=(?!=))\s*(.+)$/;
const HELPER_CALL = /\b(?:audit|writeAudit|auditAction)\(\s*(['"][^'"]+['"])/g;

interface Found {
  file: string;
  line: number;
  code: string;
}

function writtenCodes(): { found: Found[]; dynamic: Array<Found & { prefix: string }> } {
  const found: Found[] = [];
  const dynamic: Array<Found & { prefix: string }> = [];
  for (const path of sources(serverSrc)) {
    const file = relative(repoRoot, path);
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
        const exprs: string[] = [];
        const m = ACTION_EXPR.exec(text);
        if (m?.[1]) exprs.push(m[1]);
        for (const c of text.matchAll(HELPER_CALL)) exprs.push(c[1]!);
        for (const e of exprs) {
          for (const c of e.matchAll(CODE)) found.push({ file, line: i + 1, code: c[1]! });
          for (const t of e.matchAll(TEMPLATE)) dynamic.push({ file, line: i + 1, code: `${t[1]}…`, prefix: t[1]! });
        }
      });
  }
  return { found, dynamic };
}

describe('审计日志 labels', () => {
  const { found, dynamic } = writtenCodes();

  it('finds the codes where the server writes them (the scan itself works)', () => {
    const codes = new Set(found.map((f) => f.code));
    for (const known of ['auth.login', 'hours.record.create', 'learning.credit', 'exam.submit', 'exam.auto_submit'])
      expect(codes, `the scan no longer finds '${known}'`).toContain(known);
    expect(dynamic.map((d) => d.prefix)).toContain('imports.');
  });

  it('gives every audit action code written in server/src a Chinese label', () => {
    const missing = found
      .filter((f) => !hasAuditActionLabel(f.code))
      .map(
        (f) =>
          `  ${f.file}:${f.line} writes the audit action '${f.code}' — add  '${f.code}': '<中文操作名>',  to AUDIT_ACTION_LABEL in ${LABELS_FILE}`,
      );
    expect(
      missing,
      `Audit action codes without a Chinese label (the 审计日志 shows these labels):\n${missing.join('\n')}\n`,
    ).toEqual([]);
  });

  it('labels every code built from a template, for each value it can take', () => {
    const problems: string[] = [];
    for (const d of dynamic) {
      const values = DYNAMIC[d.prefix];
      if (!values) {
        problems.push(
          `  ${d.file}:${d.line} builds an audit action from a template ('${d.code}') — write the codes literally, or list the template's values in DYNAMIC in server/test/audit-labels.test.ts and label each in ${LABELS_FILE}`,
        );
        continue;
      }
      for (const v of values)
        if (!hasAuditActionLabel(`${d.prefix}${v}`))
          problems.push(
            `  ${d.file}:${d.line} can write '${d.prefix}${v}' — add it to AUDIT_ACTION_LABEL in ${LABELS_FILE}`,
          );
    }
    expect(problems, `Audit actions built from templates without labels:\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('labels are Chinese text', () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABEL)) {
      expect(code, code).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$/);
      expect(label, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
