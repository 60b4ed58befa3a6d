import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './parse-markdown';

describe('notice Markdown', () => {
  it('reads headings, bullet and numbered lists and paragraphs', () => {
    expect(
      parseMarkdown('## 一、学习对象\n\n全区专业技术人员。\n\n- 咨询电话\n- 电子邮箱\n\n1. 登录\n2. 学习'),
    ).toEqual([
      { kind: 'heading', level: 3, content: [{ kind: 'text', text: '一、学习对象' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: '全区专业技术人员。' }] },
      {
        kind: 'list',
        ordered: false,
        items: [[{ kind: 'text', text: '咨询电话' }], [{ kind: 'text', text: '电子邮箱' }]],
      },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: '登录' }], [{ kind: 'text', text: '学习' }]] },
    ]);
  });

  it('keeps raw HTML as text', () => {
    expect(parseMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>')).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }] },
    ]);
  });

  it('links only to http(s), site paths and mailto; a javascript: link is its text', () => {
    expect(parseInline('[系统](https://ptce.gx12333.net/)')).toEqual([
      { kind: 'link', text: '系统', href: 'https://ptce.gx12333.net/' },
    ]);
    expect(parseInline('[点我](javascript:alert(1))')).toEqual([{ kind: 'text', text: '点我)' }]);
    expect(parseInline('[点我](javascript:alert)')).toEqual([{ kind: 'text', text: '点我' }]);
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('java\tscript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/notices/1')).toBe('/notices/1');
  });

  it('links a bare address without the sentence punctuation after it', () => {
    expect(parseInline('登录 https://ptce.gx12333.net/。')).toEqual([
      { kind: 'text', text: '登录 ' },
      { kind: 'link', text: 'https://ptce.gx12333.net/', href: 'https://ptce.gx12333.net/' },
      { kind: 'text', text: '。' },
    ]);
  });
});
