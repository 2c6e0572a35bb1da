// i18n/no-literal-text: words a person reads come from the message files (messages/en.json,
// messages/zh-CN.json; ADR 0024), never from a component. It flags, in JSX:
// - text between tags with a Latin letter in it (`<p>Loading…</p>`),
// - a string or template literal as a child (`{"Loading"}`, `{`${n} rows`}`),
// - a literal with a Latin letter in a prop people read or hear: aria-label, aria-description,
//   title, placeholder, alt.
// Symbols, digits and punctuation pass (`—`, `✓`, `←`), and so do the identifiers below, which are
// the same in every language (CAN's field names, protocol names).
const PROPS = new Set(["aria-label", "aria-description", "title", "placeholder", "alt"]);
const IDENTIFIERS = new Set(["CAN", "UUID", "IP", "HTTP", "errorMsg", "detailErrorMsg", "traceId", "DAY", "MONTH"]);

/** Whether the text holds a Latin word that is not one of the identifiers. */
const readable = (text) => (text.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? []).some((word) => !IDENTIFIERS.has(word));
const templateText = (node) => node.quasis.map((q) => q.value.cooked ?? "").join(" ");

const plugin = {
  rules: {
    "no-literal-text": {
      meta: {
        type: "problem",
        docs: { description: "Text people read comes from the message files, not from components." },
        messages: { literal: "“{{text}}” is text people read: put it in messages/en.json and messages/zh-CN.json and use next-intl." },
        schema: [],
      },
      create(context) {
        const report = (node, text) => context.report({ node, messageId: "literal", data: { text: text.trim().slice(0, 40) } });
        const check = (node, value) => {
          if (!value) return;
          if (value.type === "Literal" && typeof value.value === "string" && readable(value.value)) report(value, value.value);
          if (value.type === "TemplateLiteral" && readable(templateText(value))) report(value, templateText(value));
          if (value.type === "JSXExpressionContainer") check(node, value.expression);
          if (value.type === "ConditionalExpression") {
            check(node, value.consequent);
            check(node, value.alternate);
          }
          if (value.type === "LogicalExpression") check(node, value.right);
        };
        return {
          JSXText(node) {
            if (readable(node.value)) report(node, node.value);
          },
          JSXExpressionContainer(node) {
            if (node.parent?.type === "JSXElement" || node.parent?.type === "JSXFragment") check(node, node.expression);
          },
          JSXAttribute(node) {
            const name = node.name.type === "JSXIdentifier" ? node.name.name : null;
            if (name && PROPS.has(name)) check(node, node.value);
          },
        };
      },
    },
  },
};

export default plugin;
