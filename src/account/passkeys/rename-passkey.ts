/** Renaming one of my passkeys. Another user's passkey is NOT_FOUND, as if it did not exist. */
import type { Passkey } from '../../generated/sqlite/client.js';
import { recordAudit } from '../../audit/record.js';
import type { Viewer } from '../../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, messageText } from '../../errors.js';
import { passkeyName } from './passkey-name.js';

/** @throws GatehouseError NOT_FOUND, VALIDATION_FAILED */
export async function renamePasskey(deps: Deps, viewer: Viewer, input: { id: string; name: string }, device: DeviceInfo): Promise<Passkey> {
  const name = passkeyName(input.name, true);
  const userId = viewer.user.id;
  return deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.passkey.updateMany({ where: { id: input.id, userId }, data: { name } });
    if (count !== 1) throw new GatehouseError('NOT_FOUND', { message: messageText('noSuchPasskey') });
    await recordAudit(tx, { type: 'passkey.renamed', userId, ...device, metadata: { passkeyId: input.id } }, deps.clock.now());
    return tx.passkey.findUniqueOrThrow({ where: { id: input.id } });
  });
}
