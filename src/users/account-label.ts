/**
 * How an account names itself where a name for the person is shown outside Gatehouse (the
 * authenticator app's entry, the passkey's user name): its address, or its username when it has
 * none (usernames sign in), or its id as a last resort.
 */
export function accountLabel(user: { id: string; email: string | null; username: string | null }): string {
  return user.email ?? user.username ?? user.id;
}
