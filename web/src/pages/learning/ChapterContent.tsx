import type { RefObject } from 'react';
import { Alert } from 'antd';
import type { ChapterView } from '@ptce/contracts';
import { ChapterText } from './ChapterText';
import { VideoPlayer } from './VideoPlayer';

/** A chapter's content by kind: text, a video that cannot skip ahead, or a PDF (讲义). */
export function ChapterContent({
  view,
  watched,
  videoRef,
}: {
  view: ChapterView;
  watched: number;
  videoRef: RefObject<HTMLVideoElement | null>;
}) {
  return (
    <>
      {view.kind === 'text' && view.body && <ChapterText body={view.body} />}
      {view.kind === 'video' &&
        (view.fileUrl ? (
          <VideoPlayer view={view} watched={watched} videoRef={videoRef} />
        ) : (
          <Alert type="info" title="视频尚未上传" />
        ))}
      {view.kind === 'pdf' &&
        (view.fileUrl ? (
          <>
            <iframe className="ptce-pdf" src={view.fileUrl} title={view.title} />
            <p>
              <a href={view.fileUrl} target="_blank" rel="noreferrer">
                在新窗口中打开PDF
              </a>
              （请保持本页打开以计时）
            </p>
          </>
        ) : (
          <Alert type="info" title="讲义尚未上传" />
        ))}
    </>
  );
}
