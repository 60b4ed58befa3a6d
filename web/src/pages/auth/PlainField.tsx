import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

/**
 * A text field of the plain-markup forms (登录, 绑定微信): its label, the input, and the reason it was refused under it,
 * tied to the input for screen readers. `affix` sits at the input's end (显示 of a password).
 */
export function PlainField({
  id,
  label,
  error,
  inputRef,
  affix,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & {
  id: string;
  label: string;
  error: string | undefined;
  inputRef: Ref<HTMLInputElement>;
  affix?: ReactNode;
}) {
  const control = (
    <input
      ref={inputRef}
      id={id}
      className="ptce-input"
      {...input}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}_error` : undefined}
    />
  );
  return (
    <div className="ptce-field">
      <label htmlFor={id} className="ptce-field-label">
        {label}
      </label>
      {affix ? (
        <div className="ptce-input-affix">
          {control}
          {affix}
        </div>
      ) : (
        control
      )}
      {error && (
        <div id={`${id}_error`} className="ptce-field-error">
          {error}
        </div>
      )}
    </div>
  );
}

/** The plain-markup form's wide submit button, spinning while the request is on its way. */
export function PlainSubmit({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      className="ptce-btn ptce-btn-primary ptce-btn-large ptce-btn-block"
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {pending && <span className="ptce-spin ptce-spin-small" aria-hidden="true" />}
      {children}
    </button>
  );
}
