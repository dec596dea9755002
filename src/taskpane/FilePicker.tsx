/**
 * A labelled file input that hands over what was picked: one file (`onFile`), several (`multiple`, `onFiles`),
 * or a folder's files (`directory`). Every picker of the panes is one of these.
 */
import { Field } from "@fluentui/react-components";

export function FilePicker({
  label,
  hint,
  accept,
  name,
  onFile,
  onFiles,
  multiple = false,
  directory = false,
}: {
  label: string;
  hint: string;
  accept?: string;
  /** The input's accessible name (选择…), which tests and screen readers find it by. */
  name: string;
  onFile?: (file: File) => void;
  onFiles?: (files: File[]) => void;
  multiple?: boolean;
  /** A folder picked: every file in it and its subfolders (browsers' webkitdirectory). */
  directory?: boolean;
}) {
  return (
    <Field label={label} hint={hint}>
      <input
        type="file"
        accept={accept}
        multiple={multiple || directory}
        aria-label={name}
        {...(directory ? { webkitdirectory: "" } : {})}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          if (!files.length) return;
          onFile?.(files[0]);
          onFiles?.(files);
        }}
      />
    </Field>
  );
}
