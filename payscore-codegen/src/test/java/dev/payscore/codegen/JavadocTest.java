package dev.payscore.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavadocTest {
  private static String member(String markdown) {
    return Javadoc.fromMarkdown(markdown, "   * ");
  }

  @Test
  void prefixesEveryContinuationLineAndStartsLaterParagraphsWithP() {
    assertEquals(
        "First paragraph. 中文。\n"
            + "   *\n"
            + "   * <p>Second paragraph.\n"
            + "   *\n"
            + "   * <p>Third.",
        member("First paragraph. 中文。\n\nSecond paragraph.\n  \n\nThird.\n"));
  }

  @Test
  void turnsCodeSpansIntoCodeTags() {
    assertEquals("With {@code finish_type} 1 and {@code {out_order_no}}.",
        member("With `finish_type` 1 and `{out_order_no}`."));
  }

  @Test
  void codeThatJavadocCannotCarryLiterallyBecomesHtmlCode() {
    assertEquals("<code>a&#125;b</code>, <code>&#64;x</code>, <code>a*&#47;b</code>",
        member("`a}b`, `@x`, `a*/b`"));
    assertEquals("<code>&#92;u12</code>, <code>&lt;T&gt;&#123;</code>", member("`\\u12`, `<T>{`"));
  }

  @Test
  void escapesHtmlInProseButNotInCode() {
    assertEquals("a &lt; b &amp;&amp; c &gt; d, {@code a < b && c > d}",
        member("a < b && c > d, `a < b && c > d`"));
  }

  @Test
  void neutralisesWhatWouldEndTheCommentOrReadAsATagOrUnicodeEscape() {
    assertEquals("*&#47; and &#92;u0041 and &#64;param x and {&#64;link y} and a@b",
        member("*/ and \\u0041 and @param x and {@link y} and a@b"));
  }

  @Test
  void rendersStrongAndEmphasis() {
    assertEquals("<b>How to read.</b> It is <em>never stricter</em> than 2 * 3 * 4.",
        member("**How to read.** It is *never stricter* than 2 * 3 * 4."));
  }

  @Test
  void refillsParagraphsToOneHundredColumnsWithoutSplittingInlineTags() {
    String word = "abcdefghi ";
    String text = word.repeat(9) + "`a b c d e f`" + " tail";
    String[] lines = member(text).split("\n");
    assertEquals(2, lines.length);
    assertEquals(word.repeat(9).trim(), lines[0]);
    assertEquals("   * {@code a b c d e f} tail", lines[1]);
    String joined = member("one\ntwo\n   three");
    assertEquals("one two three", joined);
    String[] filled = ("   * " + member("x ".repeat(200))).split("\n");
    assertEquals(5, filled.length);
    for (int i = 0; i < filled.length - 1; i++) {
      assertEquals(Javadoc.WIDTH, filled[i].length(), filled[i]);
    }
  }

  @Test
  void keepsALeadingBlockTagAndIndentsItsContinuation() {
    assertEquals(
        "@param outOrderNo The order number.\n"
            + "   *     <p>Required; {@code |} goes out as {@code %7C}.",
        member("@param outOrderNo The order number.\n\nRequired; `|` goes out as `%7C`."));
  }

  @Test
  void keepsALeadingParagraphTag() {
    assertEquals("<p>Notes.\n   *\n   * <p>More.", member("<p>Notes.\n\nMore."));
  }

  @Test
  void emptyDescriptionGivesNothing() {
    assertEquals("", member(" \n "));
  }
}
