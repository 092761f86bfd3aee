/**
 * The ribbon's function file (FunctionFile in manifest.xml). Both ribbon buttons are ShowTaskpane
 * actions ("Kiểm tra" opens taskpane.html, "Tổng hợp" opens taskpane.html?view=summary), so there is
 * no ExecuteFunction to associate: a summary needs the check's results and a place to explain
 * errors, which only the pane has. The file must still exist and initialise Office.js, because Office
 * loads it for the add-in's commands.
 */
/// <reference types="office-js" />
import type {} from '../taskpane/globals'; // window.__PHANCONG_OFFICE__

void (window.__PHANCONG_OFFICE__ ?? Promise.resolve(false)).then((loaded) => {
  if (loaded) void Office.onReady();
});

export {};
