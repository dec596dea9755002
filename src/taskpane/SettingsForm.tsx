/** The 设置 tab: report year, format and agency; blanks fall back to 报告信息 and the year. */
import { Button, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { PaneSettings } from "../actions/types";
import { FORMATS } from "../report/formats";
import type { FormatId } from "../report/formats";

export function SettingsForm({ value, onSave }: { value: PaneSettings; onSave: (s: PaneSettings) => void }) {
  const [year, setYear] = useState(value.year ? String(value.year) : "");
  const [format, setFormat] = useState<FormatId | "">(value.format);
  const [agency, setAgency] = useState(value.agency);
  useEffect(() => {
    setYear(value.year ? String(value.year) : "");
    setFormat(value.format);
    setAgency(value.agency);
  }, [value]);
  const yearOk = year === "" || (/^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100);
  const formatNames: Record<string, string> = {
    "": "按年份自动选择",
    ...Object.fromEntries(Object.values(FORMATS).map((f) => [f.id, f.name])),
  };
  return (
    <>
      <Field
        label="报告年度"
        hint="留空时取“报告信息”中的报告年度，否则为上一年"
        validationMessage={yearOk ? undefined : "请填写四位年份，如 2025"}
      >
        <Input value={year} onChange={(_, d) => setYear(d.value.trim())} inputMode="numeric" />
      </Field>
      <Field label="报告格式">
        <Dropdown
          value={formatNames[format]}
          selectedOptions={[format]}
          onOptionSelect={(_, d) => setFormat((d.optionValue ?? "") as FormatId | "")}
        >
          {Object.entries(formatNames).map(([id, name]) => (
            <Option key={id} value={id}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="机关名称" hint="留空时取“报告信息”中的机关名称">
        <Input value={agency} onChange={(_, d) => setAgency(d.value)} />
      </Field>
      <Button
        appearance="primary"
        disabled={!yearOk}
        onClick={() => onSave({ year: year ? Number(year) : 0, format, agency: agency.trim() })}
      >
        保存设置
      </Button>
    </>
  );
}
