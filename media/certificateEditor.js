/* global acquireVsCodeApi, document, window, HTMLElement */
// Certificate viewer page script: the password form, the Copy and the Export buttons, the links to settings, nothing else.
// It only posts messages to the extension; it loads nothing and keeps no state.
(function () {
  const vscode = acquireVsCodeApi();

  const form = document.getElementById('unlock');
  if (form) {
    const input = document.getElementById('password');
    const error = document.getElementById('error');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (error) error.textContent = '';
      vscode.postMessage({ type: 'unlock', password: input.value });
      input.value = '';
    });
    window.addEventListener('message', (event) => {
      const message = event.data;
      if (message && message.type === 'unlockFailed' && error) {
        error.textContent = message.message;
        input.focus();
      }
    });
    input.focus();
  }

  document.addEventListener('click', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.classList.contains('copy')) {
      vscode.postMessage({ type: 'copy', text: target.dataset.copy || '' });
    }
    if (target instanceof HTMLElement && target.classList.contains('open')) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', index: Number(target.dataset.open) });
    }
    if (target instanceof HTMLElement && target.classList.contains('export')) {
      const kind = target.dataset.kind;
      const index = Number(target.dataset.index);
      const item = kind === 'chain' || kind === 'entryKey' ? { kind: kind, entry: index } : { kind: kind, index: index };
      vscode.postMessage({ type: 'export', item: item });
    }
  });
})();
