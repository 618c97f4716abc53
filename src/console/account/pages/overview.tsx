/** /account: who you are, at a glance, and a way to verify the address if it is not yet. */
import { useViewer } from '../../shared/app';
import { Page } from '../../shared/ui';
import { t } from '../texts';

export function Overview() {
  const viewer = useViewer();
  return (
    <Page title={t('overviewTitle')}>
      <dl class="facts">
        <dt>{t('name')}</dt>
        <dd>{`${viewer.firstName} ${viewer.lastName}`.trim() || '—'}</dd>
        <dt>{t('email')}</dt>
        <dd>{viewer.email ?? '—'}</dd>
        <dt>{t('emailVerified')}</dt>
        <dd>{viewer.emailVerified ? t('yes') : t('no')}</dd>
      </dl>
      {/* An account without an address (usernames sign in) has nothing to verify. */}
      {viewer.emailVerified || viewer.email === null ? null : (
        <p>
          {t('notVerifiedYet')} <a href={`/account/verify-email?email=${encodeURIComponent(viewer.email)}`}>{t('verifyNow')}</a>
        </p>
      )}
    </Page>
  );
}
