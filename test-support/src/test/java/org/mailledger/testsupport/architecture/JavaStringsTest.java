package org.mailledger.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.architecture.JavaStrings.Piece;

class JavaStringsTest {

  private static final Path FILE = Path.of("Planted.java");

  private static List<String> texts(String source) {
    return JavaStrings.in(FILE, source).stream().map(Piece::text).toList();
  }

  @Test
  void joinsLiteralsConcatenatedWithPlusAlone() {
    String source =
        """
        class Planted {
          static final String SQL =
              "SELECT id FROM mailbox"
                  // a comment between the parts changes nothing
                  + " WHERE address = ?";
        }
        """;

    assertThat(texts(source)).containsExactly("SELECT id FROM mailbox WHERE address = ?");
  }

  @Test
  void splitsWhereCodeStandsBetweenLiterals() {
    String source =
        """
        class Planted {
          String sql(String column) {
            return "UPDATE claim_domain SET " + column + " = " + column + " - 1";
          }
        }
        """;

    assertThat(texts(source)).containsExactly("UPDATE claim_domain SET ", " = ", " - 1");
  }

  @Test
  void readsTextBlocksAndDecodesEscapes() {
    String source =
        "class Planted {\n"
            + "  String a = \"say \\\"FROM\\\" \\\\ here\";\n"
            + "  String b = \"\"\"\n"
            + "      SELECT *\n"
            + "      FROM mailbox \\\n"
            + "      WHERE id = ?\n"
            + "      \"\"\";\n"
            + "}\n";

    List<Piece> pieces = JavaStrings.in(FILE, source);

    assertThat(pieces).extracting(Piece::line).containsExactly(2, 3);
    assertThat(pieces.get(0).text()).isEqualTo("say \"FROM\" \\ here");
    assertThat(pieces.get(1).text()).contains("SELECT *\n", "FROM mailbox       WHERE id = ?");
  }

  @Test
  void skipsCommentsAndCharacterLiterals() {
    String source =
        """
        class Planted {
          // "SELECT * FROM mailbox" in a line comment
          /* "SELECT * FROM domain" in a block comment */
          char quote = '"';
          char escaped = '\\'';
          String real = "SELECT 1";
        }
        """;

    List<Piece> pieces = JavaStrings.in(FILE, source);

    assertThat(pieces).extracting(Piece::text).containsExactly("SELECT 1");
    assertThat(pieces.get(0).where()).isEqualTo("Planted.java:6");
  }
}
