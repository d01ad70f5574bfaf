import './monaco-workers';
import 'graphiql/style.css';
import './graphiql-page.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readToken } from '../shared/session-token';
import { registryFetcher } from './fetcher';
import { introspectionIsOff } from './introspection';

const DEFAULT_QUERY = `# The registry's GraphQL API. Your console sign-in is sent with every request;
# or add {"Authorization": "Bearer <token>"} in the Headers tab below.
query RecentSeizures {
  seizures(first: 5) {
    totalCount
    nodes { reference seizedAt jurisdiction handling agency { code } }
  }
}
`;

function SignInNotice() {
  if (readToken()) return null;
  return (
    <p className="registry-notice" role="status">
      Not signed in: <a href="/">sign in at the console</a> (this tab), or add an <code>Authorization</code> header in the Headers tab.
    </p>
  );
}

function NoIntrospectionNotice() {
  return (
    <p className="registry-notice" role="note">
      Schema-aware completion and the docs need introspection, which this registry turns off in production.
      Queries you type or paste still run with your token; the schema is in the registry's repository as <code>schema/schema.graphql</code>.
    </p>
  );
}

const noIntrospection = introspectionIsOff();

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <div className="registry-graphiql">
      <SignInNotice />
      {noIntrospection && <NoIntrospectionNotice />}
      {/* schema={null}: GraphiQL sends no introspection query (it would only be refused). */}
      <GraphiQL fetcher={registryFetcher} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility={false}
        {...(noIntrospection ? { schema: null } : {})}>
        <GraphiQL.Logo>
          <a href="/">Seizure registry</a>
        </GraphiQL.Logo>
      </GraphiQL>
    </div>
  </StrictMode>,
);
