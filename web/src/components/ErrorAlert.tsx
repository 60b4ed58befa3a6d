import { Alert } from 'antd';
import { errorMessage, isApiError } from '../api/client';

/**
 * The error of a form submission or query, in a live region so screen readers announce it.
 * The region is always rendered: a live region must exist before its content changes.
 * 503 is left out: the app shows the server's message globally (see ApiBridge). When every reason is
 * already shown under its input, the alert is only spoken, not repeated on screen.
 */
export function ErrorAlert({
  error,
  title,
  className,
  fields,
}: {
  error: unknown;
  title?: string;
  className?: string;
  /** Form fields that show the server's per-field reasons; an error fully shown there is not repeated. */
  fields?: readonly string[];
}) {
  const shownOnFields =
    isApiError(error) &&
    fields !== undefined &&
    error.details.length > 0 &&
    error.details.every((d) => d.field !== undefined && fields.includes(d.field));
  const show = error != null && !(isApiError(error) && error.status === 503);
  return (
    <div aria-live="assertive" aria-atomic="true" className={className}>
      {show && shownOnFields && (
        <span className="ptce-sr-only">{`${title ?? '操作失败'}：${errorMessage(error)}`}</span>
      )}
      {show && !shownOnFields && (
        <Alert
          type="error"
          showIcon
          role="none"
          title={title ?? errorMessage(error)}
          description={title ? errorMessage(error) : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
    </div>
  );
}
