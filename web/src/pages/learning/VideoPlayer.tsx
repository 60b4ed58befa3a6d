import { useEffect, useRef, type RefObject } from 'react';
import type { ChapterView } from '@ptce/contracts';

/** A video that cannot be moved past the furthest point watched (the server keeps the same limit). */
export function VideoPlayer({
  view,
  watched,
  videoRef,
}: {
  view: ChapterView;
  watched: number;
  videoRef: RefObject<HTMLVideoElement | null>;
}) {
  const max = useRef(watched);
  const last = useRef(0);
  useEffect(() => {
    max.current = Math.max(max.current, watched);
  }, [watched]);
  return (
    <video
      ref={videoRef}
      className="ptce-media"
      controls
      controlsList="nodownload noplaybackrate"
      disablePictureInPicture
      preload="metadata"
      aria-label={view.title}
      onLoadedMetadata={(e) => {
        // 继续学习: start where the credited viewing ended
        if (max.current > 1 && max.current < e.currentTarget.duration - 1) e.currentTarget.currentTime = max.current;
      }}
      onTimeUpdate={(e) => {
        const t = e.currentTarget.currentTime;
        if (t > max.current && t - last.current < 2) max.current = t; // normal playback, not a jump
        last.current = t;
      }}
      onSeeking={(e) => {
        if (e.currentTarget.currentTime > max.current + 1) e.currentTarget.currentTime = max.current;
      }}
      onRateChange={(e) => {
        if (e.currentTarget.playbackRate !== 1) e.currentTarget.playbackRate = 1;
      }}
    >
      <source src={view.fileUrl ?? undefined} type={view.mimeType ?? undefined} />
      您的浏览器不支持视频播放，请使用谷歌、火狐或Edge浏览器。
    </video>
  );
}
