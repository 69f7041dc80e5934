/**
 * Building the sidebar's DOM. Text goes in with textContent only, never innerHTML: a client named
 * `<img src=x onerror=alert(1)>` shows those characters.
 */
type Child = Node | string | null | undefined | false;

export interface Attrs {
  [name: string]: string | number | boolean | undefined | ((event: Event) => void);
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'text') node.textContent = String(value);
    else if (name === 'value') (node as unknown as HTMLInputElement).value = String(value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A <select> of options (value, label); the current value selected. */
export function select(
  attrs: Attrs,
  options: readonly { value: string; label: string }[],
  current: string,
): HTMLSelectElement {
  const node = el('select', attrs);
  for (const o of options) {
    const option = el('option', { value: o.value, text: o.label });
    if (o.value === current) option.selected = true;
    node.appendChild(option);
  }
  return node;
}
