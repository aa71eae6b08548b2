import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { escapeHtml, renderMarkdown, slugify } from "@/lib/docs/markdown";
import { DEFINITION_ANCHORS, definitionHeadingId, definitionHref } from "@/components/charts/definition-anchors";

const metricsDoc = readFileSync(path.join(process.cwd(), "docs", "metrics.md"), "utf8");

describe("renderMarkdown", () => {
  test("escapes HTML in text, code, headings and table cells", () => {
    const { html } = renderMarkdown(
      ["# Title <script>alert(1)</script>", "", 'A <b onclick="x">bold</b> & `<img src=x onerror=alert(1)>`', "", "| a | b |", "|---|---|", "| <i>x</i> | `y<z` |"].join("\n"),
    );
    expect(html).not.toMatch(/<script|<img|<b |<i>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b onclick=&quot;x&quot;&gt;bold&lt;/b&gt; &amp; <code>&lt;img src=x onerror=alert(1)&gt;</code>");
    expect(html).toContain("<td>&lt;i&gt;x&lt;/i&gt;</td><td><code>y&lt;z</code></td>");
  });

  test("keeps only safe link targets", () => {
    const { html } = renderMarkdown("[ok](/definitions#retention) and [bad](javascript:alert(1))");
    expect(html).toContain('<a href="/definitions#retention">ok</a>');
    expect(html).not.toContain("javascript:");
    expect(html).toContain("bad");
  });

  test("renders headings with ids, de-duplicating repeats", () => {
    const { html, headings } = renderMarkdown("## Same `code`\n\n## Same code\n\n### Other");
    expect(headings.map((h) => h.id)).toEqual(["same-code", "same-code-2", "other"]);
    expect(html).toContain('<h2 id="same-code">Same <code>code</code></h2>');
  });

  test("renders lists with continuation lines, and a list right after a paragraph", () => {
    const { html } = renderMarkdown("Class:\n- new: born\n  recently\n- old\n\n1. one\n2. two");
    expect(html).toBe("<p>Class:</p>\n<ul><li>new: born recently</li><li>old</li></ul>\n<ol><li>one</li><li>two</li></ol>");
  });

  test("renders a pipe table, not splitting on pipes inside inline code", () => {
    const { html } = renderMarkdown("| state | rule |\n|---|---|\n| new | `|C_c|` |");
    expect(html).toBe('<div class="md-table"><table><thead><tr><th scope="col">state</th><th scope="col">rule</th></tr></thead><tbody><tr><td>new</td><td><code>|C_c|</code></td></tr></tbody></table></div>');
  });

  test("escapes fenced code verbatim", () => {
    expect(renderMarkdown("```\n<a> & b\n```").html).toBe("<pre><code>&lt;a&gt; &amp; b</code></pre>");
  });
});

describe("helpers", () => {
  test("escapeHtml escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
  test("slugify keeps ASCII words", () => {
    expect(slugify("4. Concentration (is it still decentralized?)")).toBe("4-concentration-is-it-still-decentralized");
  });
});

describe("the metric definitions document", () => {
  const { html, headings } = renderMarkdown(metricsDoc, { headingId: definitionHeadingId });

  test("has a heading for every definition anchor", () => {
    const ids = headings.map((h) => h.id);
    for (const anchor of Object.keys(DEFINITION_ANCHORS)) expect(ids).toContain(anchor);
    expect(html).toContain('<h2 id="retention">2. Retention</h2>');
    expect(html).toContain('<h2 id="lifecycle">1. Activity and lifecycle (per contributor per period)</h2>');
  });

  test("sections without a short anchor get a slug of their title", () => {
    expect(headings.find((h) => h.text === "Notation")?.id).toBe("notation");
    expect(new Set(headings.map((h) => h.id)).size).toBe(headings.length);
  });

  test("renders the lifecycle table and inline code", () => {
    expect(html).toContain('<th scope="col">state</th>');
    expect(html).toContain("<td>newly dormant</td>");
    expect(html).toContain("<code>Q = (new + resurrecting) / newly dormant</code>");
  });

  test("renders the versioned title as the only h1", () => {
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(["Metric definitions, version 1"]);
  });

  test("definitionHref links to the definitions page", () => {
    expect(definitionHref("gaming")).toBe("/definitions#gaming");
  });
});
