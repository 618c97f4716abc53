/**
 * What every way of signing in answers: a session with its tokens, or, when a second factor is
 * due, an MfaChallenge to complete with completeMfaSignIn (GraphQL's SignInResult union).
 */
import type { User } from '../../generated/sqlite/client.js';
import type { SessionTokens } from '../../auth/sessions/create-session.js';
import type { IssuedMfaChallenge } from '../../auth/mfa/challenge.js';

export interface SignedIn extends SessionTokens {
  kind: 'signed_in';
  user: User;
}

export interface SecondFactorDue extends IssuedMfaChallenge {
  kind: 'mfa_required';
}

export type SignInResult = SignedIn | SecondFactorDue;
