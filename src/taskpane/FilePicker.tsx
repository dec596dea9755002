/** A labelled file input that hands over the one file picked: every picker of the panes is one of these. */
import { Field } from "@fluentui/react-components";

export function FilePicker({
  label,
  hint,
  accept,
  name,
  onFile,
}: {
  label: string;
  hint: string;
  accept: string;
  /** The input's accessible name (选择…), which tests and screen readers find it by. */
  name: string;
  onFile: (file: File) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      <input
        type="file"
        accept={accept}
        aria-label={name}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
        }}
      />
    </Field>
  );
}
