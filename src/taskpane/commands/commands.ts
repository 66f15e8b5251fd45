/**
 * The manifest's FunctionFile. The ribbon button only opens the task pane (ShowTaskpane), so
 * there are no functions to register; Office still loads this page and waits for onReady.
 */
Office.onReady(() => undefined);
