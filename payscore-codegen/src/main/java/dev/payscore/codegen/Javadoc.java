package dev.payscore.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a description of the contract (CommonMark, as Redocly renders it) into the body of a Javadoc
 * comment that doclint accepts. What the contract uses is supported: paragraphs (blank lines) become
 * {@code <p>}, {@code `code`} becomes {@code {@code code}}, {@code **strong**} and {@code *emphasis*}
 * become {@code <b>} and {@code <em>}; every other character is kept, with {@code & < >} written as
 * entities. What would end or corrupt the comment is neutralised: {@code *}{@code /}, a backslash-u
 * (a Unicode escape to javac) and an {@code @} that Javadoc would read as a tag. Paragraphs are
 * refilled to {@value #WIDTH} columns (CommonMark joins their lines anyway); an inline tag is never
 * split. The text may start with what the template writes in front of a description: a block tag
 * ({@code @param name}, {@code @return}, {@code @throws Type}), kept, with the lines after it
 * indented by 4 more spaces; or {@code <p>}, kept.
 */
final class Javadoc {
  static final int WIDTH = 100;

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n[ \t]*\n\\s*");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
  private static final Pattern STRONG = Pattern.compile("\\*\\*(\\S(?:.*?\\S)?)\\*\\*");
  private static final Pattern EMPHASIS =
      Pattern.compile("(?<![*\\w])\\*(\\S(?:[^*]*?\\S)?)\\*(?![*\\w])");
  private static final Pattern WORD_AT = Pattern.compile("(^|[\\s{])@");
  private static final Pattern BLOCK_TAG = Pattern.compile("@(?:param|throws) \\S+ |@return ");
  private static final String PARAGRAPH = "<p>";

  private Javadoc() {
  }

  /**
   * Returns the comment text: its first line as is (the template writes the prefix before it), every
   * further line after {@code continuation}, such as {@code "   * "}.
   */
  static String fromMarkdown(String markdown, String continuation) {
    String text = markdown.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (text.isEmpty()) {
      return "";
    }
    int firstWidth = WIDTH - continuation.length();
    Matcher tag = BLOCK_TAG.matcher(text);
    String lead = "";
    if (tag.lookingAt()) {
      lead = tag.group();
      text = text.substring(tag.end());
      continuation += "    ";
    } else if (text.startsWith(PARAGRAPH)) {
      lead = PARAGRAPH;
      text = text.substring(PARAGRAPH.length());
    }
    int width = WIDTH - continuation.length();
    List<String> lines = new ArrayList<>();
    String[] paragraphs = PARAGRAPH_BREAK.split(text);
    for (int i = 0; i < paragraphs.length; i++) {
      if (i > 0 && !lead.startsWith("@")) {
        lines.add("");
      }
      String paragraph = (i > 0 ? PARAGRAPH : lead) + inline(paragraphs[i].replaceAll("\\s+", " "));
      lines.addAll(fill(paragraph, i == 0 ? firstWidth : width, width));
    }
    StringBuilder out = new StringBuilder(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      out.append('\n').append(line.isEmpty() ? continuation.stripTrailing() : continuation + line);
    }
    return out.toString();
  }

  /** Converts one paragraph: code spans, then the prose around them. */
  private static String inline(String paragraph) {
    StringBuilder out = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(paragraph);
    int prose = 0;
    while (code.find()) {
      out.append(prose(paragraph.substring(prose, code.start()))).append(code(code.group(1)));
      prose = code.end();
    }
    return out.append(prose(paragraph.substring(prose))).toString();
  }

  private static String prose(String text) {
    String html = commentSafe(escapeHtml(text));
    html = STRONG.matcher(html).replaceAll("<b>$1</b>");
    html = EMPHASIS.matcher(html).replaceAll("<em>$1</em>");
    return WORD_AT.matcher(html).replaceAll("$1&#64;");
  }

  /**
   * {@code {@code …}} when Javadoc can carry the text literally (balanced braces, no leading
   * {@code @}, nothing that ends the comment or reads as a Unicode escape), else {@code <code>} with
   * entities.
   */
  private static String code(String text) {
    if (balancedBraces(text) && commentSafe(text).equals(text) && !text.startsWith("@")) {
      return "{@code " + text + "}";
    }
    String html = commentSafe(escapeHtml(text))
        .replace("{", "&#123;").replace("}", "&#125;").replace("@", "&#64;");
    return "<code>" + html + "</code>";
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Neutralises what javac would read inside a comment: its end, and Unicode escapes. */
  private static String commentSafe(String text) {
    return text.replace("*/", "*&#47;").replace("\\u", "&#92;u");
  }

  private static boolean balancedBraces(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /**
   * Breaks a paragraph into lines of at most {@code firstWidth}, then {@code width}, characters where
   * it can: at spaces outside inline tags. A word longer than that gets a line of its own.
   */
  private static List<String> fill(String paragraph, int firstWidth, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : words(paragraph)) {
      int limit = lines.isEmpty() ? firstWidth : width;
      if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Splits at single spaces that are not inside {@code {…}}. */
  private static List<String> words(String paragraph) {
    List<String> words = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < paragraph.length(); i++) {
      char c = paragraph.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ' ' && depth == 0) {
        words.add(paragraph.substring(start, i));
        start = i + 1;
      }
    }
    words.add(paragraph.substring(start));
    return words;
  }
}
