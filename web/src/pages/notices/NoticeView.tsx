import type { NoticeDetail } from '@ptce/contracts';
import { Tag } from 'antd';
import { attachmentUrl } from '../../api/notices';
import { MarkdownText } from '../../components/markdown/MarkdownText';
import { fileSize, noticeDate } from './format';
import './notices.css';

/** A notice as its reader sees it: title, date, the Markdown body (rendered as text, never HTML), attachments. */
export function NoticeView({ notice, from }: { notice: NoticeDetail; from: 'reader' | 'public' }) {
  return (
    <article className="ptce-notice-detail">
      <h1>{notice.title}</h1>
      <p className="ptce-notice-meta">
        {notice.pinned && <Tag color="red">置顶</Tag>}
        发布日期：{noticeDate(notice.publishedAt)}
      </p>
      <MarkdownText source={notice.body} />
      {notice.attachments.length > 0 && (
        <section className="ptce-notice-attachments" aria-label="附件">
          <strong>附件：</strong>
          <ul>
            {notice.attachments.map((a) => (
              <li key={a.id}>
                <a href={attachmentUrl(a, from)} download={a.fileName}>
                  {a.fileName}
                </a>{' '}
                <span className="ptce-hint">（{fileSize(a.size)}）</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
