import { Link } from 'react-router';
import { usePageTitle } from './page-title';

export function NotFoundPage() {
  usePageTitle('Not found');
  return <><h1>Not found</h1><p>There is no page here. <Link to="/">Back to recent seizures</Link>.</p></>;
}
