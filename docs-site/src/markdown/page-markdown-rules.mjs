/**
 * A remark plugin with the rules every page's Markdown follows, at build time and on request:
 * - raw HTML is shown as text, never run: the CMS's pages are written by editors and read by
 *   people signed in with ID, and nobody's `<script>` may run in their session;
 * - a `#` heading becomes `##`: the page's title is its one `h1` (Starlight shows it), and an
 *   editor starting the text with `# Title` would add a second.
 * @returns {(tree: import('mdast').Root) => void}
 */
export const pageMarkdownRules = () => (tree) => {
  /** @param {import('mdast').Nodes} node */
  const visit = (node) => {
    if (node.type === 'html') Object.assign(node, { type: 'text' });
    if (node.type === 'heading' && node.depth === 1) node.depth = 2;
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
};
