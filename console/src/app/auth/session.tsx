import { ApolloProvider } from '@apollo/client/react';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { clearToken, readToken, saveToken } from '../../shared/session-token';
import { createApolloClient } from '../graphql/apollo-client';

interface Session {
  signedIn: boolean;
  /** Why the user was signed out (an expired token), shown on the sign-in page. */
  notice: string | null;
  signIn(token: string): void;
  signOut(notice?: string): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The tab's sign-in and the GraphQL client that carries it; an UNAUTHENTICATED answer signs out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [signedIn, setSignedIn] = useState(() => readToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const signOutRef = useRef<(notice?: string) => void>(() => {});
  const client = useMemo(() => createApolloClient((message) => signOutRef.current(message)), []);

  const signOut = useCallback((message?: string) => {
    clearToken();
    setNotice(message ?? null);
    setSignedIn(false);
    void client.clearStore();
  }, [client]);
  signOutRef.current = signOut;

  const signIn = useCallback((token: string) => {
    saveToken(token);
    setNotice(null);
    setSignedIn(true);
  }, []);

  const session = useMemo(() => ({ signedIn, notice, signIn, signOut }), [signedIn, notice, signIn, signOut]);
  return (
    <SessionContext.Provider value={session}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </SessionContext.Provider>
  );
}
