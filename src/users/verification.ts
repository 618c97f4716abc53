/**
 * REQUIRE_EMAIL_VERIFICATION asks that the address an account has be proven before it signs in.
 * An account without an address (possible when usernames sign in) has nothing to prove, so it is
 * not held back; once it adds an address, that one is proven by the email-change code.
 */
export function awaitsEmailVerification(requireEmailVerification: boolean, user: { email: string | null; emailVerifiedAt: Date | null }): boolean {
  return requireEmailVerification && user.email !== null && user.emailVerifiedAt === null;
}
