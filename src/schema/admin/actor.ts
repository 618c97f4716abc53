/** The Actor of an admin use-case, from the request context. */
import type { Context } from '../context.js';
import type { Actor } from '../../admin/actor.js';
import { GatehouseError } from '../../errors.js';

export async function actorOf(context: Context): Promise<Actor> {
  // Scope rules have already required a signed-in staff member; this guards against a field without one.
  if (!context.viewer) throw new GatehouseError('UNAUTHENTICATED');
  const { user } = context.viewer;
  return { id: user.id, isSuperuser: user.isSuperuser, access: await context.access(), ip: context.ip, userAgent: context.userAgent };
}
