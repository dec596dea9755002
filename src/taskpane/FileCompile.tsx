/**
 * Open a register workbook, compile it, see the check results, download the Word report. The workbook
 * reader and the Word writer are loaded only when the user picks a file or asks for the report.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { CompileResult } from "../report/compile";

export interface FileCompileActions {
  compile: (file: File) => Promise<CompileResult>;
  report: (result: CompileResult, source: string) => Promise<Blob>;
}

export function FileCompile({ actions }: { actions: FileCompileActions }) {
  const [busy, setBusy] = useState<string>("");
  const [error, setError] = useState<string>("");
  const [state, setState] = useState<{ result: CompileResult; name: string } | null>(null);

  const run = async (label: string, body: () => Promise<void>) => {
    setBusy(label);
    setError("");
    try {
      await body();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy("");
    }
  };
  const onFile = (file: File | undefined) =>
    file &&
    run("正在读取和统计…", async () => setState({ result: await actions.compile(file), name: file.name }));
  const onReport = () =>
    state &&
    run("正在生成报告…", async () => {
      const blob = await actions.report(state.result, state.name);
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = `${state.result.tables.agency || "政府信息公开"}${state.result.tables.year}年度报告.docx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    });

  const errors = state ? state.result.checks.filter((c) => c.severity === "error").length : 0;
  const rowErrors = state ? state.result.rowIssues.filter((i) => i.severity === "error").length : 0;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <label>
        <Text block>选择登记台账（.xlsx）：</Text>
        <input
          type="file"
          accept=".xlsx"
          aria-label="选择登记台账"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      {busy && <Spinner size="tiny" label={busy} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {state && (
        <>
          <MessageBar intent={errors || rowErrors ? "warning" : "success"}>
            <MessageBarBody>
              {state.result.tables.agency} {state.result.tables.year}年：
              {errors ? `校验发现${errors}个错误` : "校验全部通过"}
              {rowErrors ? `，登记表有${rowErrors}个错误行未计入` : ""}
            </MessageBarBody>
          </MessageBar>
          <Text data-testid="requests">
            {state.result.sentences["s3.requests"] ?? state.result.sentences["s4.requests"]}
          </Text>
          <Button appearance="primary" onClick={() => void onReport()} disabled={!!busy}>
            生成并下载 Word 报告
          </Button>
        </>
      )}
    </div>
  );
}
