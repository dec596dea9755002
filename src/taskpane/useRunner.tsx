/**
 * How every pane runs an action: one at a time, with a progress label, any failure shown as its Chinese
 * message, and a notice on success. `Status` shows all three.
 */
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useState } from "react";

export function useRunner() {
  const [busy, setBusy] = useState("");
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  /** Runs one action with progress; a failure becomes a message, and nothing else changes. */
  const run = async (label: string, body: () => Promise<void>) => {
    setBusy(label);
    setError("");
    setNotice("");
    try {
      await body();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy("");
    }
  };
  return { busy, setBusy, error, notice, setNotice, run };
}

/** What a tab gets of its pane's runner. */
export type Runner = ReturnType<typeof useRunner>;

export function Status({ busy, error, notice }: { busy: string; error: string; notice: string }) {
  return (
    <>
      {busy && <Spinner size="tiny" label={busy} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && !error && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
