/** Asks before the add-in replaces something it did not make: the reason, 「仍然替换」 and 「取消」. */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ReactNode } from "react";

export function ConfirmReplace({
  children,
  confirmLabel = "仍然替换",
  onConfirm,
  onCancel,
}: {
  children: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {children}
        <Button size="small" onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button size="small" appearance="subtle" onClick={onCancel}>
          取消
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}
