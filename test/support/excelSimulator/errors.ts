/**
 * Errors as Office.js raises them: an object with a non-localised `code` (what add-ins switch on),
 * a message and `debugInfo.errorLocation`.
 * Docs: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling and
 * https://learn.microsoft.com/office/dev/add-ins/testing/troubleshoot-development-errors
 * (error codes table: https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 */
export type SimErrorCode =
  | "InvalidArgument"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "GeneralException"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "PropertyNotLoaded"
  | "InvalidObjectPath"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ConnectionFailure"
  | "InvalidReference";

export class SimOfficeError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string };
  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    // Office.js errors are OfficeExtension.Error, whose name is "RichApi.Error".
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function simError(code: SimErrorCode, message: string, where?: string): SimOfficeError {
  return new SimOfficeError(code, message, where);
}
