/** Who is signed in: the `me` query and the fields every app keeps of the viewer. */
import { graphql } from '../gql';
import type { ConsoleViewerFragment } from '../gql/graphql';

export type Viewer = ConsoleViewerFragment;

export const ViewerFields = graphql(`
  fragment ConsoleViewer on User {
    id
    email
    firstName
    lastName
    locale
    emailVerified
    isStaff
    isSuperuser
  }
`);

/** What every way of signing in answers: the viewer, or the second-factor step to take. */
export const SignInResultFields = graphql(`
  fragment ConsoleSignInResult on SignInResult {
    __typename
    ... on AuthPayload {
      user {
        ...ConsoleViewer
      }
    }
    ... on MfaChallenge {
      mfaToken
      methods
    }
  }
`);

export const Me = graphql(`
  query ConsoleMe {
    me {
      ...ConsoleViewer
    }
  }
`);

export const Logout = graphql(`
  mutation ConsoleLogout {
    logout
  }
`);

export const SaveLocale = graphql(`
  mutation ConsoleSaveLocale($locale: String!) {
    updateProfile(input: { locale: $locale }) {
      ...ConsoleViewer
    }
  }
`);
