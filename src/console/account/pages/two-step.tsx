/**
 * Two-step verification: an authenticator app (QR code of the server's otpauth URI, shown as an
 * image from a data: URL, which the CSP allows; an SVG image runs no script), its recovery codes,
 * and turning it off. Steps that need a fresh proof take the current password.
 */
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../../gql';
import type { ConsoleMfaStatusQuery, ConsoleStartTotpMutation } from '../../gql/graphql';
import { gql, messageOf } from '../../shared/client';
import { useLatest } from '../../shared/latest';
import { Alert, Field, Form, Page } from '../../shared/ui';
import { t } from '../texts';

const MfaStatus = graphql(`
  query ConsoleMfaStatus {
    me {
      id
      mfa {
        totp
        recoveryCodesLeft
      }
    }
  }
`);

const StartTotp = graphql(`
  mutation ConsoleStartTotp {
    startTotpEnrollment {
      secret
      qrCodeSvg
    }
  }
`);

const ConfirmTotp = graphql(`
  mutation ConsoleConfirmTotp($code: String!, $password: String) {
    confirmTotpEnrollment(code: $code, password: $password)
  }
`);

const DisableTotp = graphql(`
  mutation ConsoleDisableTotp($password: String, $code: String) {
    disableTotp(password: $password, code: $code)
  }
`);

const NewRecoveryCodes = graphql(`
  mutation ConsoleNewRecoveryCodes($password: String, $code: String) {
    regenerateRecoveryCodes(password: $password, code: $code)
  }
`);

type Status = NonNullable<ConsoleMfaStatusQuery['me']>['mfa'];
type Enrollment = ConsoleStartTotpMutation['startTotpEnrollment'];

/** A password or, failing that, an authenticator code: the proof the server asks for. */
function proof(password: string, code: string): { password?: string; code?: string } {
  return password ? { password } : code.trim() ? { code: code.trim() } : {};
}

export function TwoStepPage() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const latest = useLatest();
  const load = () =>
    latest(
      gql(MfaStatus),
      ({ me }) => setStatus(me?.mfa ?? null),
      (caught: unknown) => setError(messageOf(caught)),
    );
  useEffect(() => void load(), []);

  return (
    <Page title={t('twoStepTitle')}>
      <Alert message={error} />
      {recoveryCodes ? (
        <section aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t('recoveryTitle')}</h2>
          <p>{t('recoveryIntro')}</p>
          <ol class="codes">
            {recoveryCodes.map((recovery) => (
              <li key={recovery}>{recovery}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {status && !status.totp && !enrollment ? (
        <>
          <p>{t('totpOff')}</p>
          <Form
            submitLabel={t('setUpApp')}
            onSubmit={async () => {
              setRecoveryCodes(null);
              setEnrollment((await gql(StartTotp)).startTotpEnrollment);
            }}
          />
        </>
      ) : null}
      {enrollment ? (
        <>
          <p>{t('scanIntro')}</p>
          <img class="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrollment.qrCodeSvg)}`} alt={t('qrAlt')} />
          <p>
            <code>{t('secretKey', { secret: enrollment.secret })}</code>
          </p>
          <Form
            submitLabel={t('turnOn')}
            onSubmit={async () => {
              const { confirmTotpEnrollment } = await gql(ConfirmTotp, { code: code.trim(), password: password || null });
              setRecoveryCodes(confirmTotpEnrollment);
              setEnrollment(null);
              setCode('');
              setPassword('');
              await load();
            }}
          >
            <Field label={t('code')} value={code} onValue={setCode} autoComplete="one-time-code" inputMode="numeric" />
            <Field label={t('passwordIfAsked')} type="password" value={password} onValue={setPassword} autoComplete="current-password" required={false} />
          </Form>
        </>
      ) : null}
      {status?.totp ? (
        <>
          <p>{t('totpOn')}</p>
          <p>{t('recoveryLeft', { count: status.recoveryCodesLeft })}</p>
          <p class="hint">{t('codeOrPassword')}</p>
          <Form
            label={t('newRecoveryCodes')}
            submitLabel={t('newRecoveryCodes')}
            actions={
              <button
                type="button"
                class="danger"
                onClick={() =>
                  void gql(DisableTotp, proof(password, code)).then(
                    async () => {
                      setRecoveryCodes(null);
                      setError(null);
                      await load();
                    },
                    (caught: unknown) => setError(messageOf(caught)),
                  )
                }
              >
                {t('turnOff')}
              </button>
            }
            onSubmit={async () => {
              setRecoveryCodes((await gql(NewRecoveryCodes, proof(password, code))).regenerateRecoveryCodes);
              setPassword('');
              setCode('');
              await load();
            }}
          >
            <Field label={t('currentPassword')} type="password" value={password} onValue={setPassword} autoComplete="current-password" required={false} />
            <Field label={t('code')} value={code} onValue={setCode} autoComplete="one-time-code" required={false} />
          </Form>
        </>
      ) : null}
    </Page>
  );
}
