import { useState } from 'react';
import { isApiError } from '../../api/client';
import { LoginCaptcha } from './LoginCaptcha';

/** Refusals after which the form shows (or redraws) the 图形验证码. */
const CAPTCHA_CODES = new Set(['CAPTCHA_REQUIRED', 'CAPTCHA_INVALID']);

/**
 * The 图形验证码 of a password form (登录, 绑定微信): it appears once the server asks for it (after failures, or for an
 * initial password) and stays; each refused submission used it up, so a new one is drawn.
 */
export function useLoginCaptcha(formName: string) {
  const [shown, setShown] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [captchaId, setCaptchaId] = useState('');
  const [answer, setAnswer] = useState('');
  return {
    shown,
    /** Shown but not answered. */
    unanswered: shown && !answer.trim(),
    /** Focuses the answer. */
    focus: () => document.getElementById(`${formName}_captchaAnswer`)?.focus(),
    /** What the request carries. */
    body: shown ? { captchaId, captchaAnswer: answer.trim() } : {},
    /** After a refused request. */
    refused: (err: unknown) => {
      if (isApiError(err) && CAPTCHA_CODES.has(err.code) && !shown) setShown(true);
      else if (shown) setRefreshKey((k) => k + 1);
    },
    field: (invalid: string | undefined) =>
      shown && (
        <LoginCaptcha
          formName={formName}
          refreshKey={refreshKey}
          answer={answer}
          onAnswer={setAnswer}
          onCaptchaId={setCaptchaId}
          invalid={invalid ?? null}
        />
      ),
  };
}
