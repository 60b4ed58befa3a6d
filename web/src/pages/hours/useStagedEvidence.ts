import { useState } from 'react';
import { useUploadEvidence } from '../../api/hours';
import type { StagedFile } from './EvidenceField';
import { hoursErrorMessage } from './labels';

/**
 * 证明材料 chosen in the record form but not yet sent: they are uploaded one by one after 保存,
 * each showing its progress; a failed one stays with its reason, to retry or remove.
 */
export function useStagedEvidence() {
  const upload = useUploadEvidence();
  const [staged, setStaged] = useState<StagedFile[]>([]);

  const patch = (uid: string, change: (f: StagedFile) => StagedFile) =>
    setStaged((list) => list.map((x) => (x.uid === uid ? change(x) : x)));
  const unstage = (uid: string) => setStaged((list) => list.filter((x) => x.uid !== uid));

  /** Uploads every staged file to the record; false when any failed. */
  const uploadStaged = async (recordId: number): Promise<boolean> => {
    let allOk = true;
    for (const s of staged) {
      patch(s.uid, (x) => ({ ...x, status: 'uploading', percent: 0, error: undefined }));
      try {
        await upload.mutateAsync({
          recordId,
          file: s.file,
          onProgress: (percent) => patch(s.uid, (x) => ({ ...x, percent })),
        });
        unstage(s.uid);
      } catch (e) {
        allOk = false;
        patch(s.uid, (x) => ({ ...x, status: 'failed', error: hoursErrorMessage(e) }));
      }
    }
    return allOk;
  };

  return {
    staged,
    stage: (files: StagedFile[]) => setStaged((list) => [...list, ...files]),
    unstage,
    uploadStaged,
  };
}
