/**
 * The pane's frame, shared by every host: Fluent UI v9 provider, title, and the content the host gives.
 * Knows nothing of Office.js; actions arrive as props.
 */
import { FluentProvider, Subtitle2, Text, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";

export function Shell(props: { subtitle: string; children: ReactNode }) {
  return (
    <FluentProvider
      theme={webLightTheme}
      style={{ minHeight: "100vh", padding: 12, boxSizing: "border-box" }}
    >
      <Subtitle2 as="h1" block>
        政府信息公开年报助手
      </Subtitle2>
      <Text size={200} block style={{ marginBottom: 12, color: "#616161" }}>
        {props.subtitle}
      </Text>
      {props.children}
    </FluentProvider>
  );
}
