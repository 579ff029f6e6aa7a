import { useState, type ReactNode } from "react";
import { useHydrated } from "./forecast-editor/use-forecast-editor";

/**
 * A folded form that is built only when a reader opens it, not rendered unseen in every view.
 * Without JavaScript (and until hydration) it is a link to `href`, a page that has the form
 * open; with it, a disclosure that builds the form when opened (docs/decisions/035).
 */
export function OpenedForm(props: { className: string; id?: string; label: string; href: string; controlClassName?: string; startOpen?: boolean; children: () => ReactNode }) {
  const { className, id, label, href, controlClassName } = props;
  const hydrated = useHydrated();
  const [open, setOpen] = useState(props.startOpen ?? false);
  if (!open && !hydrated) {
    return (
      <p className={className} id={id}>
        <a className={controlClassName} href={href}>
          {label}
        </a>
      </p>
    );
  }
  return (
    <details className={className} id={id} open={open || undefined} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={controlClassName}>{label}</summary>
      {open ? props.children() : null}
    </details>
  );
}
