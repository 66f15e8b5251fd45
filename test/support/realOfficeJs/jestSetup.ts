/**
 * Every Jest test file: simulators run Excel.run through the real Excel client library, loaded
 * from node_modules the first time a test runs one (test/support/realOfficeJs/index.ts).
 */
import { setExcelClient } from "../excelSimulator";
import { realOfficeJsClient } from ".";

setExcelClient(realOfficeJsClient("web"));
