import { useEffect, useId } from 'react';
import { useCaptcha } from '../../api/auth';
import { errorMessage } from '../../api/client';

/**
 * 图形验证码 of the login form, in plain markup (登录 is drawn without antd; 注册 uses CaptchaField). The captcha's id
 * travels in a hidden input named `<form>_captchaId`; each new `refreshKey` draws another and clears the answer.
 */
export function LoginCaptcha({
  formName,
  refreshKey,
  answer,
  onAnswer,
  onCaptchaId,
  invalid,
}: {
  formName: string;
  refreshKey: number;
  answer: string;
  onAnswer: (v: string) => void;
  onCaptchaId: (id: string) => void;
  /** The reason shown under the answer (empty answer), or null. */
  invalid: string | null;
}) {
  const inputId = `${formName}_captchaAnswer`;
  const hintId = `${useId().replace(/:/g, '')}-hint`;
  const captcha = useCaptcha(refreshKey);
  const image = captcha.data?.image ?? null;
  const loadError = captcha.error ? errorMessage(captcha.error) : null;

  useEffect(() => {
    if (captcha.data) {
      onCaptchaId(captcha.data.captchaId);
      onAnswer('');
    }
  }, [captcha.data, onAnswer, onCaptchaId]);

  return (
    <div className="ptce-field">
      <input type="hidden" id={`${formName}_captchaId`} value={captcha.data?.captchaId ?? ''} readOnly />
      <label htmlFor={inputId} className="ptce-field-label">
        图形验证码
      </label>
      <div className="ptce-captcha">
        <input
          id={inputId}
          className="ptce-input"
          value={answer}
          onChange={(e) => onAnswer(e.target.value)}
          maxLength={8}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          // The field appears because the server asked for it: the cursor goes there.
          autoFocus
          aria-invalid={invalid ? true : undefined}
          aria-describedby={hintId}
        />
        {image ? (
          <img className="ptce-captcha-image" src={image} width={150} height={50} alt="验证码图片" />
        ) : (
          <span className="ptce-captcha-image" aria-hidden="true" />
        )}
        <button
          type="button"
          className="ptce-btn"
          onClick={() => void captcha.refetch()}
          aria-busy={captcha.isFetching || undefined}
        >
          换一张
        </button>
      </div>
      <div id={hintId} className={invalid || loadError ? 'ptce-field-error' : 'ptce-field-hint'}>
        {invalid ?? loadError ?? '不区分大小写，2分钟内有效'}
      </div>
    </div>
  );
}
