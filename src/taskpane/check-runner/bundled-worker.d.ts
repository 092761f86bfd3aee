/** The pane's bundled worker (bundled-worker.js). */
export declare function bundledWorker(): Worker;
