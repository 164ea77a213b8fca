import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { useRelationships } from '../hooks';

export function MyFreelancersPage() {
  const relationships = useRelationships();
  return (
    <section aria-labelledby="freelancers-title">
      <h1 id="freelancers-title">My freelancers</h1>
      <ProblemAlert error={relationships.error} />
      <div className="card">
        {relationships.isPending ? <p aria-busy="true">Loading…</p> : relationships.data?.length ? (
          <ul className="client-list">
            {relationships.data.map((r) => (
              <li key={r.id}>
                <strong>{r.freelancer.name}</strong>
                <span className="muted">{r.freelancer.email}</span>
                {r.status === 'ACTIVE' ? <Link to={`/book/${r.freelancerId}`}>Book {r.freelancer.name}</Link> : <span className="badge">ended</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No freelancer has connected with you yet. Give your freelancer the email you signed up with.</p>
        )}
      </div>
    </section>
  );
}
