// The preview page's only script. It places the server's already-sanitised
// HTML, follows the editor's scroll position, and reports clicks on gaps.
// The page's CSP forbids every other script, inline handlers included.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('clausemark-preview');
  let version = -1;
  let lastScroll = 0;

  function blocks() {
    return Array.from(root.querySelectorAll('[data-offset]'));
  }

  function scrollToOffset(offset) {
    let best;
    for (const el of blocks()) {
      const at = Number(el.getAttribute('data-offset'));
      if (at <= offset && (!best || at >= Number(best.getAttribute('data-offset')))) best = el;
    }
    if (best) {
      lastScroll = Date.now();
      best.scrollIntoView({ block: 'start' });
    }
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'update' && message.version >= version) {
      version = message.version;
      root.innerHTML = message.html;
      vscode.setState({ version });
      vscode.postMessage({
        type: 'rendered',
        version,
        renderedGaps: root.querySelectorAll('.cm-gap').length,
        renderedProblems: root.querySelectorAll('.cm-problem').length,
        textSample: (root.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 2000),
        // What a reader sees of the theme: VS Code's body class and the colours actually computed.
        theme: ['vscode-high-contrast', 'vscode-dark', 'vscode-light'].find((c) => document.body.classList.contains(c)) || '',
        colors: { background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(root).color },
      });
    } else if (message.type === 'scrollTo') {
      scrollToOffset(message.offset);
    } else if (message.type === 'error') {
      const note = document.createElement('p');
      note.className = 'cm-error-note';
      note.textContent = message.message;
      root.replaceChildren(note);
    }
  });

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-offset]') : null;
    if (!target) return;
    const gap = event.target.closest('.cm-gap, .cm-problem');
    const element = gap || target;
    const offset = Number(element.getAttribute('data-offset'));
    const end = Number(element.getAttribute('data-end') || offset);
    if (gap || event.detail === 2) vscode.postMessage({ type: 'reveal', offset, end });
  });

  vscode.postMessage({ type: 'ready' });
})();
