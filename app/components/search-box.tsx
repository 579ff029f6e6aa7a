// The header's search: a plain GET form to /search (works without JavaScript), and with
// JavaScript a combobox that asks /search.json as the reader types (debounced, stale answers
// dropped) and lists a few hits; arrows move through them, Enter opens one, Escape closes.
import { useEffect, useId, useRef, useState } from "react";
import { Form, Link, useNavigate } from "@remix-run/react";
import { SEARCH_MAX_LENGTH } from "../discussion/search";
import type { SearchHit } from "../services/types";

const DEBOUNCE_MS = 200;
const KIND_LABEL: Record<SearchHit["kind"], string> = { post: "Post", comment: "Comment", user: "Person" };

export function SearchBox() {
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-list`;
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const inFlight = useRef<AbortController>();

  useEffect(() => () => {
    clearTimeout(timer.current);
    inFlight.current?.abort();
  }, []);

  function ask(text: string) {
    clearTimeout(timer.current);
    inFlight.current?.abort();
    if (text.trim() === "") {
      setHits([]);
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      inFlight.current = controller;
      fetch(`/search.json?q=${encodeURIComponent(text)}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((res) => (res.ok ? (res.json() as Promise<{ posts: SearchHit[]; comments: SearchHit[]; users: SearchHit[] }>) : null))
        .then((body) => {
          if (controller.signal.aborted) return;
          const next = body ? [...body.posts, ...body.comments, ...body.users] : [];
          setHits(next);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!open || hits.length === 0) return;
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      // -1 is the text box itself: moving past either end comes back to it.
      setActive((i) => {
        const next = i + step;
        if (next >= hits.length) return -1;
        return next < -1 ? hits.length - 1 : next;
      });
    } else if (e.key === "Enter" && open && active >= 0 && active < hits.length) {
      e.preventDefault();
      const hit = hits[active]!;
      setOpen(false);
      navigate(hit.url);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const expanded = open && q.trim() !== "";
  const activeHit = expanded && active >= 0 && active < hits.length ? hits[active] : undefined;
  return (
    <Form method="get" action="/search" role="search" aria-label="Site search" className="search-box" onSubmit={() => setOpen(false)}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Search
      </label>
      <input
        id={`${id}-q`}
        type="search"
        name="q"
        placeholder="Search"
        autoComplete="off"
        maxLength={SEARCH_MAX_LENGTH * 2}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeHit ? `${id}-opt-${active}` : undefined}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          ask(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => hits.length > 0 && setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label="Search suggestions" className="search-box__list" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li key={`${hit.kind}-${hit.id}`} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} className={i === active ? "search-box__option is-active" : "search-box__option"}>
            <Link to={hit.url} tabIndex={-1} onClick={() => setOpen(false)}>
              <span className="search-box__kind">{KIND_LABEL[hit.kind]}</span>
              <span className="search-box__title" dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
              {hit.snippetHtml ? <span className="search-box__snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} /> : null}
            </Link>
          </li>
        ))}
        {hits.length === 0 ? (
          <li role="option" aria-disabled="true" aria-selected={false} className="search-box__empty">
            No matches yet. Press Enter to search everything.
          </li>
        ) : null}
      </ul>
    </Form>
  );
}
