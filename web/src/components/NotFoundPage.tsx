import { Link } from 'react-router';

/** One page for what does not exist and for what is not yours: the two are never told apart. */
export function NotFoundPage() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Not found</h1>
      <p>This page does not exist, or it is not yours to see.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}
