package org.mailledger.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The string constants of Java source files, as the text a reader of the code would see: string
 * literals and text blocks with their escapes decoded, comments and character literals skipped, and
 * literals joined by {@code +} alone ({@code "SELECT a" + " FROM t"}) read as one piece, since that
 * is how SQL is split over lines today. A piece ends at anything else ({@code "... SET " + column +
 * " = ?"} gives two pieces): a name built at run time cannot be read from the source, and the
 * architecture tests say so rather than guess.
 */
public final class JavaStrings {

  /** One string constant: where it starts and what it says. */
  public record Piece(Path file, int line, String text) {

    public String where() {
      return file + ":" + line;
    }
  }

  private JavaStrings() {}

  /** Every piece of every {@code .java} file under {@code root}, in path order. */
  public static List<Piece> under(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("no source folder " + root.toAbsolutePath());
    }
    try (Stream<Path> files = Files.walk(root)) {
      List<Piece> pieces = new ArrayList<>();
      files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .forEach(f -> pieces.addAll(in(f, read(f))));
      return pieces;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pieces of one source text; {@code file} only labels them. */
  public static List<Piece> in(Path file, String source) {
    return new Lexer(file, source).pieces();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Just enough of Java's lexical grammar (JLS 3) to tell strings from code and comments. */
  private static final class Lexer {

    private final Path file;
    private final String src;
    private final List<Piece> pieces = new ArrayList<>();
    private int pos;
    private int line = 1;

    /** The piece being joined, and whether a {@code +} was seen after it. */
    private StringBuilder open;

    private int openLine;
    private boolean plus;

    /** The line the literal being read starts on. */
    private int startLine;

    Lexer(Path file, String src) {
      this.file = file;
      this.src = src;
    }

    List<Piece> pieces() {
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (src.startsWith("//", pos)) {
          skipTo("\n");
        } else if (src.startsWith("/*", pos)) {
          pos += 2;
          skipTo("*/");
          pos += 2;
        } else if (src.startsWith("\"\"\"", pos)) {
          literal(textBlock());
        } else if (c == '"') {
          literal(string());
        } else if (c == '\'') {
          character();
          close();
        } else if (Character.isWhitespace(c)) {
          advance();
        } else if (c == '+' && open != null && !plus && !src.startsWith("++", pos)) {
          plus = true;
          advance();
        } else {
          close();
          advance();
        }
      }
      close();
      return pieces;
    }

    private void literal(String text) {
      if (open != null && plus) {
        open.append(text);
        plus = false;
        return;
      }
      close();
      open = new StringBuilder(text);
      openLine = startLine;
    }

    private void close() {
      if (open != null) {
        pieces.add(new Piece(file, openLine, open.toString()));
      }
      open = null;
      plus = false;
    }

    private String string() {
      startLine = line;
      advance();
      StringBuilder text = new StringBuilder();
      while (pos < src.length() && src.charAt(pos) != '"') {
        if (src.charAt(pos) == '\n') {
          throw new IllegalStateException(file + ":" + line + ": unterminated string literal");
        }
        escapeOrChar(text);
      }
      advance();
      return text.toString();
    }

    /** Incidental indentation is kept: it changes no table name. */
    private String textBlock() {
      startLine = line;
      pos += 3;
      skipTo("\n");
      StringBuilder text = new StringBuilder();
      while (pos < src.length() && !src.startsWith("\"\"\"", pos)) {
        escapeOrChar(text);
      }
      pos += 3;
      return text.toString();
    }

    private void escapeOrChar(StringBuilder text) {
      char c = src.charAt(pos);
      if (c != '\\') {
        text.append(c);
        advance();
        return;
      }
      advance();
      char e = src.charAt(pos);
      switch (e) {
        case 'n' -> text.append('\n');
        case 't' -> text.append('\t');
        case 's' -> text.append(' ');
        case 'r', 'b', 'f' -> text.append(' ');
        case '\n' -> {} // a text block's line continuation
        default -> text.append(e); // \" \' \\ and octal digits, which SQL text never uses
      }
      advance();
    }

    private void character() {
      advance();
      while (pos < src.length() && src.charAt(pos) != '\'') {
        if (src.charAt(pos) == '\\') {
          advance();
        }
        advance();
      }
      advance();
    }

    private void skipTo(String end) {
      while (pos < src.length() && !src.startsWith(end, pos)) {
        advance();
      }
    }

    private void advance() {
      if (pos < src.length() && src.charAt(pos) == '\n') {
        line++;
      }
      pos++;
    }
  }
}
