import { Link } from "@remix-run/react";
import type { SequencePlace } from "~/discussion/sequences";

/** "Part 3 of 7 in <title>", with the neighbouring posts. */
export function SequenceNav({ place }: { place: SequencePlace }) {
  return (
    <nav className="sequence-nav" aria-label="Sequence">
      <p>
        Part {place.part} of {place.total} in <Link to={`/sequences/${place.sequenceId}`}>{place.title}</Link>
      </p>
      <p>
        {place.prev ? (
          <Link to={`/posts/${place.prev.slug}`} rel="prev">
            ← {place.prev.title}
          </Link>
        ) : null}
        {place.next ? (
          <Link to={`/posts/${place.next.slug}`} rel="next">
            {place.next.title} →
          </Link>
        ) : null}
      </p>
    </nav>
  );
}
