import { describe, expect, it } from 'vitest';
import { ACCOUNT_RULES, HELP_DESK, defaultPlan } from '@ptce/rules';
import type { Role } from '@ptce/contracts';
import { MENU, helpAnchor, isReady } from '../../menu';
import { OUTSIDE_PAGES } from '../../page-help';
import { helpFacts } from './help-facts';
import { anchorsOf, fillFacts, parseHelp, parseInlines } from './help-markdown';
import { helpAnchors, helpPages } from './help-pages';

const YEAR = 2026;
const ROLES: Role[] = [
  'professional',
  'unit_account',
  'unit_admin',
  'dept_admin',
  'authority',
  'hr_bureau',
  'base',
  'operator',
];
const sources = import.meta.glob<string>('./content/*.md', { query: '?raw', import: 'default', eager: true });

describe('帮助中心 and the menu', () => {
  const anchors = helpAnchors(YEAR);

  it('every built menu entry opens a help section that exists, for every role that sees it', () => {
    const missing: string[] = [];
    for (const e of MENU.filter(isReady)) {
      for (const r of ROLES.filter((x) => e.roles.includes(x))) {
        const a = helpAnchor(e, [r]);
        if (!anchors.has(a)) missing.push(`${e.key} (${r}) → #${a}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every page outside the centre’s frame (登录, 注册, first-login steps, 扫码登录, 绑定, public pages) opens a help section that exists', () => {
    const missing = Object.entries(OUTSIDE_PAGES).flatMap(([key, h]) =>
      anchors.has(h.anchor) ? [] : [`${key} (${h.page}) → #${h.anchor}`],
    );
    expect(missing).toEqual([]);
    expect(Object.keys(OUTSIDE_PAGES)).toEqual(
      expect.arrayContaining([
        'login',
        'register',
        'setupPassword',
        'setupProfile',
        'wechatCallback',
        'wechatBind',
        'notice',
        'publicSpotChecks',
        'publicFilings',
        'verify',
        'statusPage',
      ]),
    );
  });

  it('gives each page outside the frame its own section, not the help centre as a whole', () => {
    const pageIds = new Set(helpPages(YEAR).map((p) => p.id));
    const whole = Object.entries(OUTSIDE_PAGES).flatMap(([key, h]) => (pageIds.has(h.anchor) ? [key] : []));
    expect(whole).toEqual([]);
  });

  it('sends an authority to its own section of a page units share', () => {
    const review = MENU.find((e) => e.key === 'unit-hours-review')!;
    expect(helpAnchor(review, ['authority'])).toBe('authority-review');
    expect(helpAnchor(review, ['dept_admin'])).toBe('unit-review');
  });

  it('has one page per role, the FAQ and the help desk, with unique anchors', () => {
    const pages = helpPages(YEAR);
    expect(pages.map((p) => p.id)).toEqual(
      expect.arrayContaining(['professional', 'unit', 'authority', 'base', 'operator', 'faq', 'contact']),
    );
    const all = pages.flatMap((p) => anchorsOf(p.blocks));
    expect(new Set(all).size).toBe(all.length);
    for (const q of [
      'faq-password',
      'faq-captcha',
      'faq-cross-year',
      'faq-half-day',
      'faq-makeup',
      'faq-certificate',
      'faq-new-registration',
    ])
      expect(anchors.has(q), q).toBe(true);
  });

  it('links inside the help only to sections that exist', () => {
    const broken = helpPages(YEAR)
      .flatMap((p) => p.blocks)
      .flatMap((b) =>
        b.kind === 'paragraph' || b.kind === 'note' ? b.inlines : b.kind === 'list' ? b.items.flat() : [],
      )
      .flatMap((i) => ('href' in i && i.href.startsWith('#') && !anchors.has(i.href.slice(1)) ? [i.href] : []));
    expect(broken).toEqual([]);
  });
});

describe('the help pages quote the rules, never a copy of them', () => {
  const plan = defaultPlan(YEAR);
  const text = helpPages(YEAR)
    .flatMap((p) => p.blocks)
    .map((b) => JSON.stringify(b))
    .join('\n');

  it('fills the numbers and the help-desk facts from @ptce/rules', () => {
    expect(text).toContain(`不低于${plan.totalHours}学时`);
    expect(text).toContain(`每半天${plan.hoursPerHalfDay}学时`);
    expect(text).toContain(`共${plan.maxAttempts}次机会`);
    expect(text).toContain(`${plan.passScore}分以上`);
    expect(text).toContain(HELP_DESK.phone);
    expect(text).toContain(HELP_DESK.email);
    expect(text).toContain(HELP_DESK.hours);
    expect(text).toContain(HELP_DESK.browsers);
    expect(text).toContain(`${ACCOUNT_RULES.temporaryPasswordHours}小时内有效`);
    expect(helpFacts(YEAR)).toMatchObject({
      ratio: '三分之二',
      publicDeadline: '12月31日',
      professionalDeadline: '次年3月31日',
    });
  });

  it('has no rule number, deadline or help-desk fact typed into the Markdown', () => {
    const offences: string[] = [];
    const forbidden = [
      /\d+学时/,
      /\d+次/,
      /\d+分/,
      /\d+小时/,
      /\d+日内/,
      /月\d+日/,
      new RegExp(HELP_DESK.phone),
      new RegExp(HELP_DESK.email.replace('.', '\\.')),
    ];
    expect(Object.keys(sources).length).toBeGreaterThan(5);
    for (const [f, text] of Object.entries(sources)) {
      text.split('\n').forEach((line, i) => {
        for (const re of forbidden) if (re.test(line)) offences.push(`${f}:${i + 1} ${line}`);
      });
    }
    expect(offences).toEqual([]);
  });
});

describe('help Markdown', () => {
  it('parses headings with anchors, steps, lists, notes and paragraphs, and never HTML', () => {
    const blocks = parseHelp(
      '# 标题 {#top}\n\n1. 第一步\n2. 第二步\n\n- 甲\n- 乙\n\n> 温馨提示\n\n<b>不是HTML</b>，**加粗** 见[审核](#unit-review)',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'list', 'list', 'note', 'paragraph']);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, id: 'top', text: '标题' });
    expect(blocks[1]).toMatchObject({ ordered: true, items: [[{ text: '第一步' }], [{ text: '第二步' }]] });
    expect(blocks[4]).toEqual({
      kind: 'paragraph',
      inlines: [
        { text: '<b>不是HTML</b>，' },
        { strong: '加粗' },
        { text: ' 见' },
        { link: '审核', href: '#unit-review' },
      ],
    });
  });

  it('keeps links inside the app: an external address stays text', () => {
    expect(parseInlines('[外站](https://example.com)')).toEqual([{ text: '[外站](https://example.com)' }]);
  });

  it('refuses a fact it does not know', () => {
    expect(() => fillFacts('{{nope}}', {})).toThrow('nope');
    expect(fillFacts('共{{n}}次', { n: 3 })).toBe('共3次');
  });
});
