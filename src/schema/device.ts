import type { DeviceInfo } from '../auth/sessions/create-session.js';
import type { Context } from './context.js';

/** Where a request came from, as recorded on sessions and audit events. */
export function deviceOf(context: Pick<Context, 'ip' | 'userAgent'>): DeviceInfo {
  return { ip: context.ip, userAgent: context.userAgent };
}
