/**
 * When the worker disables an endpoint after repeated failures, the people who can enable it again
 * are told by email: active superusers, and active staff holding webhooks.change_webhookendpoint
 * (directly or through a group), the same people the admin API lets act on it. The emails go
 * through the outbox in the transaction that disables the endpoint, with its audit row.
 */
import type { PrismaClient } from '../db/client.js';
import { enqueueNotice } from '../mail/outbox.js';

/** The permission that lets a staff member enable an endpoint again (src/auth/permissions/builtin.ts). */
export const CHANGE_WEBHOOKS = 'webhooks.change_webhookendpoint';

type Db = Pick<PrismaClient, 'user' | 'outboxEmail'>;

/** Those who can enable an endpoint again, with an address to tell them at (an account may have none). */
export async function webhookAdmins(db: Pick<PrismaClient, 'user'>): Promise<{ email: string | null; firstName: string }[]> {
  const holds = { permission: { codename: CHANGE_WEBHOOKS } };
  return db.user.findMany({
    where: {
      isActive: true,
      OR: [{ isSuperuser: true }, { isStaff: true, OR: [{ permissions: { some: holds } }, { groups: { some: { group: { permissions: { some: holds } } } } }] }],
    },
    select: { email: true, firstName: true },
    orderBy: { email: 'asc' },
  });
}

export async function noticeEndpointDisabled(db: Db, endpoint: { url: string; failures: number }, now: Date): Promise<number> {
  const admins = await webhookAdmins(db);
  for (const admin of admins) {
    await enqueueNotice(
      db,
      { to: admin.email, template: 'webhook_endpoint_disabled', payload: { firstName: admin.firstName, url: endpoint.url, failures: endpoint.failures } },
      now,
    );
  }
  return admins.length;
}
