/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata needs any[][] for spills */
/**
 * The OGI custom functions: thin wrappers over the engine (see core.ts). Their JSDoc is the source of
 * functions.json (custom-functions-metadata-plugin), so descriptions and parameter help are Chinese here.
 * Ranges include the header row, so columns are found by header as everywhere else.
 */
import * as core from "./core";
import type { ExcelValue } from "./core";

// The build appends CustomFunctions.associate(...) calls to this module. An Excel without custom functions
// (2016, 2019) may give the shared page no CustomFunctions at all: those calls then do nothing, rather than
// throw on the page the pane shares.
const runtime = globalThis as { CustomFunctions?: Partial<typeof CustomFunctions> };
if (typeof runtime.CustomFunctions?.associate !== "function")
  runtime.CustomFunctions = { ...runtime.CustomFunctions, associate: () => undefined };

/** Runs a function body; argument problems become #VALUE! with their Chinese message. */
function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    const message = e instanceof core.ArgumentError ? e.message : `计算出错：${(e as Error).message}`;
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  }
}

const addressOf = (invocation: CustomFunctions.Invocation | undefined, i: number) =>
  invocation?.parameterAddresses?.[i];

/** The arguments of OGI.COUNT and OGI.ROWS (one cell of 表三 of a register), for core. */
const cellArgs = (
  register: any[][],
  year: number,
  row: any,
  column: any,
  format: any,
  ignoreBadRows: any,
  answers: any[][],
  invocation: CustomFunctions.Invocation,
) => ({ register, year, row, column, format, ignoreBadRows, answers, address: addressOf(invocation, 0) });

/**
 * 按登记表统计表三（不含行名和表头），25 行 × 7 列（2019年格式为 23 行）。
 * @customfunction TABLE3
 * @param register 依申请公开登记的区域，含表头行（编号、收到日期、申请人类型、办理结果、办结日期…）；也可以是单位自己的台账（标题行、各自的表头和写法）
 * @param year 报告年度，如 2025
 * @param [format] 报告格式：2021（默认）、2019 或 2008
 * @param [ignoreBadRows] 为 TRUE 时忽略有错误的行；默认有错误行时返回 #VALUE!
 * @param [answers] 对应关系的区域（项目 | 台账中的写法 | 对应为，含表头），用于单位自己的台账
 * @param invocation Excel 提供的调用信息
 * @requiresParameterAddresses
 * @returns 表三的数字
 */
export function table3(
  register: any[][],
  year: number,
  format: any,
  ignoreBadRows: any,
  answers: any[][],
  invocation: CustomFunctions.Invocation,
): number[][] {
  return guard(() =>
    core.table3Values({ register, year, format, ignoreBadRows, answers, address: addressOf(invocation, 0) }),
  );
}

/**
 * 按复议诉讼登记统计表四，1 行 × 15 列（行政复议 5 列、未经复议直接起诉 5 列、复议后起诉 5 列）。
 * @customfunction TABLE4
 * @param cases 复议诉讼登记的区域，含表头行（类型、立案日期、结果、审结日期）
 * @param year 报告年度，如 2025
 * @param [ignoreBadRows] 为 TRUE 时忽略有错误的行
 * @param [answers] 对应关系的区域（项目 | 台账中的写法 | 对应为，含表头），用于单位自己的台账
 * @param invocation Excel 提供的调用信息
 * @requiresParameterAddresses
 * @returns 表四的数字
 */
export function table4(
  cases: any[][],
  year: number,
  ignoreBadRows: any,
  answers: any[][],
  invocation: CustomFunctions.Invocation,
): number[][] {
  return guard(() => core.table4Values(cases, year, ignoreBadRows, addressOf(invocation, 0), answers));
}

/**
 * 表三中一个数字背后的登记行：每行的编号和行号（与 OGI.COUNT 的参数相同）。
 * @customfunction ROWS
 * @param register 依申请公开登记的区域，含表头行
 * @param year 报告年度，如 2025
 * @param row 行：编号（如 new、d1、total、fwd）或表中文字（如「一、本年新收政府信息公开申请数量」）
 * @param [column] 列：natural、business、research、social、legal、other、total 或中文列名；默认为总计
 * @param [format] 报告格式：2021（默认）、2019 或 2008
 * @param [ignoreBadRows] 为 TRUE 时忽略有错误的行
 * @param [answers] 对应关系的区域（项目 | 台账中的写法 | 对应为，含表头），用于单位自己的台账
 * @param invocation Excel 提供的调用信息
 * @requiresParameterAddresses
 * @returns 编号和行号
 */
export function rows(
  register: any[][],
  year: number,
  row: any,
  column: any,
  format: any,
  ignoreBadRows: any,
  answers: any[][],
  invocation: CustomFunctions.Invocation,
): any[][] {
  return guard(() =>
    core.rowsValues(cellArgs(register, year, row, column, format, ignoreBadRows, answers, invocation)),
  );
}

/**
 * 表三中的一个数字。
 * @customfunction COUNT
 * @param register 依申请公开登记的区域，含表头行
 * @param year 报告年度，如 2025
 * @param row 行：编号（如 new、d1、total、fwd）或表中文字（如「一、本年新收政府信息公开申请数量」）
 * @param [column] 列：natural、business、research、social、legal、other、total 或中文列名；默认为总计
 * @param [format] 报告格式：2021（默认）、2019 或 2008
 * @param [ignoreBadRows] 为 TRUE 时忽略有错误的行
 * @param [answers] 对应关系的区域（项目 | 台账中的写法 | 对应为，含表头），用于单位自己的台账
 * @param invocation Excel 提供的调用信息
 * @requiresParameterAddresses
 * @returns 件数
 */
export function count(
  register: any[][],
  year: number,
  row: any,
  column: any,
  format: any,
  ignoreBadRows: any,
  answers: any[][],
  invocation: CustomFunctions.Invocation,
): number {
  return guard(() =>
    core.countValue(cellArgs(register, year, row, column, format, ignoreBadRows, answers, invocation)),
  );
}

/**
 * 按勾稽关系校验表三（及表四、上年结转），全部通过时返回「通过」，否则列出问题（规则、严重程度、位置、说明）。
 * @customfunction CHECK
 * @param table3 表三的数字区域（不含行名和表头），25 行 × 7 列（2019年格式 23 行）
 * @param [table4] 表四的 15 个数字
 * @param [previousFwd] 上年报告「四、结转下年度继续办理」的 7 个数字
 * @param [format] 报告格式：2021 或 2019；省略时按行数判断
 * @returns 「通过」或问题列表
 */
export function check(table3: any[][], table4: any[][], previousFwd: any[][], format: any): any[][] {
  return guard(() =>
    core.checkValues(table3, table4 as ExcelValue[][], previousFwd as ExcelValue[][], format),
  );
}

/**
 * 依申请公开的标准表述，如「2025年，本机关共受理政府信息公开申请96件，答复99件（……）。」
 * @customfunction SUMMARY
 * @param register 依申请公开登记的区域，含表头行
 * @param year 报告年度，如 2025
 * @param [format] 报告格式：2021（默认）、2019 或 2008
 * @param [ignoreBadRows] 为 TRUE 时忽略有错误的行
 * @param [answers] 对应关系的区域（项目 | 台账中的写法 | 对应为，含表头），用于单位自己的台账
 * @param invocation Excel 提供的调用信息
 * @requiresParameterAddresses
 * @returns 一句话
 */
export function summary(
  register: any[][],
  year: number,
  format: any,
  ignoreBadRows: any,
  answers: any[][],
  invocation: CustomFunctions.Invocation,
): string {
  return guard(() =>
    core.summaryText({ register, year, format, ignoreBadRows, answers, address: addressOf(invocation, 0) }),
  );
}

/**
 * 列出登记表中的问题：行号、列、值、说明。
 * @customfunction ISSUES
 * @param register 依申请公开登记的区域，含表头行
 * @param year 报告年度，如 2025
 * @param [format] 报告格式：2021（默认）、2019 或 2008
 * @param [answers] 对应关系的区域（项目 | 台账中的写法 | 对应为，含表头），用于单位自己的台账
 * @param invocation Excel 提供的调用信息
 * @requiresParameterAddresses
 * @returns 问题列表
 */
export function issues(
  register: any[][],
  year: number,
  format: any,
  answers: any[][],
  invocation: CustomFunctions.Invocation,
): any[][] {
  return guard(() => core.issueRows(register, year, format, addressOf(invocation, 0), answers));
}
