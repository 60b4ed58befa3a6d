import { Alert } from 'antd';
import { usePlanNotices } from '../../api/plans';

/**
 * On the professional's centre page: reopened deadlines that concern them, a new year whose plan
 * is not yet published.
 */
export function PlanNotices() {
  const { data } = usePlanNotices();
  if (!data?.length) return null;
  return (
    <>
      {data.map((n) => (
        <Alert
          key={`${n.kind}-${n.year}-${n.message}`}
          className="ptce-section"
          type={n.kind === 'reopened' ? 'success' : 'info'}
          showIcon
          title={n.message}
          role="status"
        />
      ))}
    </>
  );
}
