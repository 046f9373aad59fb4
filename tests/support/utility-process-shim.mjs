// Stands in for Electron's utility process in tests: `process.parentPort` over Node's IPC channel,
// with messages wrapped in an event's `data` as Electron delivers them.
process.parentPort = {
  on: (_event, listener) => process.on('message', (data) => listener({ data })),
  postMessage: (message) => process.send(message),
};
