/** A stub of Excel's CustomFunctions global, as the functions see it at run time. */
export class StubError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function installCustomFunctionsStub(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StubError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };
}

/** An invocation as Excel passes it when the function asks for parameter addresses. */
export const at = (...parameterAddresses: string[]) =>
  ({ parameterAddresses }) as unknown as CustomFunctions.Invocation;
