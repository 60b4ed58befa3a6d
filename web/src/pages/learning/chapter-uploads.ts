import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { errorMessage } from '../../api/client';
import { useChapterFileUploader } from '../../api/course-admin';
import { tooLargeText } from './course-admin-format';

// The chapter files being uploaded on the 课程管理 page. Kept by the page, not by a table row, so
// choosing another course meanwhile does not lose an upload of several hundred MB; leaving the page
// asks first and then cancels what is still running.

export interface ChapterUpload {
  fileName: string;
  size: number;
  percent: number;
  status: 'uploading' | 'failed';
  /** the server's reason (请上传PDF文件, 文件不能超过…MB) or the network's */
  error?: string;
}

export function useChapterUploads() {
  const send = useChapterFileUploader();
  const [uploads, setUploads] = useState<Record<number, ChapterUpload>>({});
  const controllers = useRef(new Map<number, AbortController>());

  const put = (chapterId: number, u: ChapterUpload | null) =>
    setUploads((all) => {
      const next = { ...all };
      if (u) next[chapterId] = u;
      else delete next[chapterId];
      return next;
    });

  /** Uploads a chapter's file; true when the server stored it. */
  const start = useCallback(
    async (chapterId: number, file: File, maxBytes: number): Promise<boolean> => {
      if (controllers.current.has(chapterId)) return false;
      const base = { fileName: file.name, size: file.size, percent: 0 };
      // The server refuses these too; checking first saves sending hundreds of MB to hear it.
      const refusal = file.size === 0 ? '文件为空，请重新选择' : file.size > maxBytes ? tooLargeText(maxBytes) : null;
      if (refusal) {
        put(chapterId, { ...base, status: 'failed', error: refusal });
        return false;
      }
      const controller = new AbortController();
      controllers.current.set(chapterId, controller);
      put(chapterId, { ...base, status: 'uploading' });
      try {
        await send(chapterId, file, {
          signal: controller.signal,
          onProgress: (percent) =>
            setUploads((all) =>
              all[chapterId] && all[chapterId].percent !== percent
                ? { ...all, [chapterId]: { ...all[chapterId], percent } }
                : all,
            ),
        });
        put(chapterId, null);
        return true;
      } catch (e) {
        put(
          chapterId,
          e instanceof DOMException && e.name === 'AbortError'
            ? null
            : { ...base, status: 'failed', error: errorMessage(e) },
        );
        return false;
      } finally {
        controllers.current.delete(chapterId);
      }
    },
    [send],
  );

  const cancel = useCallback((chapterId: number) => controllers.current.get(chapterId)?.abort(), []);
  const dismiss = useCallback((chapterId: number) => {
    if (!controllers.current.has(chapterId)) put(chapterId, null);
  }, []);

  const running = Object.values(uploads).filter((u) => u.status === 'uploading').length;

  // Closing or reloading the tab asks the browser's own question; leaving the page cancels.
  useEffect(() => {
    if (!running) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [running]);
  useEffect(() => {
    const all = controllers.current;
    return () => all.forEach((c) => c.abort());
  }, []);
  /** Navigation inside the app while an upload runs waits for the page's question (see LeaveWhileUploading). */
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => running > 0 && currentLocation.pathname !== nextLocation.pathname,
  );

  return { uploads, start, cancel, dismiss, running, blocker };
}
