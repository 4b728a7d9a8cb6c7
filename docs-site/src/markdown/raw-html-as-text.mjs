/**
 * A remark plugin: raw HTML in Markdown becomes text, shown as written and never run. The docs'
 * Markdown comes from the repo and from the CMS's editors, and a page is read by people signed in
 * with ID: nobody's `<script>` may run in their session.
 * @returns {(tree: import('mdast').Root) => void}
 */
export const rawHtmlAsText = () => (tree) => {
  /** @param {import('mdast').Nodes} node */
  const visit = (node) => {
    if (node.type === 'html') Object.assign(node, { type: 'text' });
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
};
