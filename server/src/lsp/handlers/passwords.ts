// estls/setPasswords and estls/forgetPasswords: the client hands over (or revokes) keystore passwords.
import { SetPasswordsNotification, ForgetPasswordsNotification } from '../../protocol';
import type { ServerContext } from '../context';
import { runSafeVoid } from '../runSafe';

export function registerPasswords(ctx: ServerContext): void {
  ctx.connection.onNotification(SetPasswordsNotification, (params) =>
    runSafeVoid(ctx.log, 'Storing passwords failed', () => {
      const entries = Array.isArray(params?.entries) ? params.entries : [];
      const changed = ctx.passwords.apply(entries);
      if (changed.length) ctx.environmentChanged(changed);
    }),
  );
  ctx.connection.onNotification(ForgetPasswordsNotification, () =>
    runSafeVoid(ctx.log, 'Forgetting passwords failed', () => {
      const known = ctx.passwords.clear();
      if (known.length) ctx.environmentChanged(known);
    }),
  );
}
