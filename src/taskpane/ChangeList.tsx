/** What an update changed, part by part, with any further lines (missing parts) after them. */
import type { ChangeLine } from "../actions/types";

export function ChangeList({ changed, more = [] }: { changed: ChangeLine[]; more?: string[] }) {
  return (
    <ul aria-label="改动" style={{ margin: 0, paddingLeft: 18 }}>
      {changed.map((c, i) => (
        <li key={i}>
          {c.alias}
          <ul style={{ paddingLeft: 14 }}>
            {c.lines.map((l, j) => (
              <li key={j}>{l}</li>
            ))}
          </ul>
        </li>
      ))}
      {more.map((m, i) => (
        <li key={`m${i}`}>{m}</li>
      ))}
    </ul>
  );
}
