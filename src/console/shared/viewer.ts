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
