/**
 * What this Excel can do, asked at run time (the manifest demands nothing, so that no Office hides the add-in):
 * the pane reads and writes sheets with ExcelApi 1.7 (getRangeByIndexes, freezePanes: Excel 2019 and later);
 * dropdown lists need 1.8 (dataValidation); the page setup of the sheets it writes (A4 landscape, one page
 * wide, header rows on every page, page header and footer) needs 1.9 (pageLayout: not in Excel 2019, whose
 * sheets are written without one). CustomFunctionsRuntime is never asked: Office 2016 answers true.
 * The sentences the pane shows where something is missing live here.
 */

/** The requirement sets the Excel pane's adapters use (held to their members' sets by a test). */
export const EXCEL_PANE_SET = "1.7";
export const EXCEL_DROPDOWN_SET = "1.8";
export const EXCEL_PRINT_SET = "1.9";

export interface ExcelSupport {
  /** The pane can read the registers and write the sheets in the workbook. */
  sheets: boolean;
  /** Register sheets get dropdown lists. */
  dropdowns: boolean;
  /** The sheets written get their page setup (A4 landscape, one page wide, titles, header and footer). */
  print: boolean;
}

interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export function excelSupport(requirements: Requirements = Office.context.requirements): ExcelSupport {
  const has = (version: string) => {
    try {
      return requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  return { sheets: has(EXCEL_PANE_SET), dropdowns: has(EXCEL_DROPDOWN_SET), print: has(EXCEL_PRINT_SET) };
}

export const SUPPORT_MESSAGES = {
  noSheets:
    `此版本的 Excel 不支持本加载项读写工作表所需的功能（ExcelApi ${EXCEL_PANE_SET}，Excel 2019 及以后的版本才有）。` +
    "窗格已改为文件模式：请先保存台账，再在“数据”页选择该文件；统计表和报告以文件形式下载。",
  noDropdowns:
    `此版本的 Excel 不支持数据验证（ExcelApi ${EXCEL_DROPDOWN_SET}），登记表未设下拉列表，请按示例行的写法填写；` +
    "检查登记表时会指出写法不对的单元格。",
} as const;
